/**
 * Everyone connected to the meeting right now, from Yjs awareness (one entry per person, however
 * many tabs they have open). Awareness changes many times a second while people move their
 * cursors, so a new list is handed out only when the people themselves change.
 *
 *   const peers = usePeers(provider.awareness)
 */
import { readPeers, type Peer } from '@safetymap/tldraw-yjs'
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'

function samePeople(a: readonly Peer[], b: readonly Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((peer, i) => {
      const other = b[i]
      return (
        other !== undefined &&
        peer.clientId === other.clientId &&
        peer.isSelf === other.isSelf &&
        peer.user.id === other.user.id &&
        peer.user.name === other.user.name &&
        peer.user.color === other.user.color &&
        peer.user.role === other.user.role
      )
    })
  )
}

/** The people in `awareness`, sorted by name. */
export function usePeers(awareness: Awareness): readonly Peer[] {
  const [peers, setPeers] = useState<readonly Peer[]>(() => readPeers(awareness))
  useEffect(() => {
    const update = () => {
      const next = readPeers(awareness)
      setPeers((current) => (samePeople(current, next) ? current : next))
    }
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness])
  return peers
}
