/**
 * The map as React state, kept live: `readMap` runs again after the doc changes (local edits,
 * the relay, IndexedDB), at most once per burst of updates, and the people list follows Yjs
 * awareness, re-rendering only when the people themselves change (not on every cursor move).
 *
 *   const map = useLiveMap(doc)
 *   const people = usePeople(awareness, provider)
 *   const focus = useFocus(awareness, map.zones) // follow-me: "now talking about …"
 */
import { readMap, readZones, type MapZone, type SafetyMap } from '@safetymap/map-model'
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { readFocus, type Focus } from './readFocus.ts'
import { readPeople, samePeople, type Person } from './readPeople.ts'
import { useDocValue } from '../ui/useDocValue.ts'

/** The map and whether the doc holds the template yet (a fresh device before its first sync does not). */
export interface LiveMap {
  readonly map: SafetyMap
  readonly hasTemplate: boolean
  /** The map's zones, for turning the facilitator's follow-me area into a section. */
  readonly zones: readonly MapZone[]
}

function read(doc: Y.Doc): LiveMap {
  const zones = readZones(doc)
  return { map: readMap(doc), hasTemplate: zones.length > 0, zones }
}

/** The structured map of `doc`, re-read after every burst of updates. */
export function useLiveMap(doc: Y.Doc): LiveMap {
  return useDocValue(doc, read)
}

/** The part of the provider {@link usePeople} watches: whether the relay is reached and synced. */
export interface PeopleSource {
  readonly wsconnected: boolean
  readonly synced: boolean
  on(event: 'sync', listener: () => void): void
  off(event: 'sync', listener: () => void): void
}

/**
 * Everyone connected now, once each, sorted by name. While `provider` is not live, the people last
 * seen live: a dropped connection empties awareness of everyone else (y-websocket, or their states
 * timing out), which would read as everyone leaving. Read from the provider, not the tracker's
 * snapshot, as y-websocket empties awareness before it reports the drop.
 */
export function usePeople(awareness: Awareness, provider: PeopleSource): readonly Person[] {
  const [people, setPeople] = useState<readonly Person[]>(() => readPeople(awareness.getStates(), awareness.clientID))
  useEffect(() => {
    const update = () => {
      if (!(provider.wsconnected && provider.synced)) return
      const next = readPeople(awareness.getStates(), awareness.clientID)
      setPeople((current) => (samePeople(current, next) ? current : next))
    }
    update()
    awareness.on('change', update)
    provider.on('sync', update)
    return () => {
      awareness.off('change', update)
      provider.off('sync', update)
    }
  }, [awareness, provider])
  return people
}

/** What a facilitator using follow-me is showing now (from awareness), or `null`. */
export function useFocus(awareness: Awareness, zones: readonly MapZone[]): Focus | null {
  const [focus, setFocus] = useState<Focus | null>(() => readFocus(awareness.getStates(), awareness.clientID, zones))
  useEffect(() => {
    const update = () => {
      const next = readFocus(awareness.getStates(), awareness.clientID, zones)
      setFocus((current) => (current?.zone === next?.zone && current?.leaderName === next?.leaderName ? current : next))
    }
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness, zones])
  return focus
}
