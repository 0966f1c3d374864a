import { afterEach, describe, expect, it, vi } from 'vitest'
import { decodeClientMessage } from './protocol/decodeClientMessage.ts'
import { createPeerOrigin, type PeerOrigin } from './origins.ts'
import { createRelayCounters } from './relayStats.ts'
import { RoomAwareness, type AwarenessPeer } from './RoomAwareness.ts'

const entry = (clientId: number, clock: number, stateJson: string) => ({ clientId, clock, stateJson, stateBytes: stateJson.length })

function setup() {
  const sent: Array<{ to: PeerOrigin; frame: Uint8Array }> = []
  const peers: AwarenessPeer[] = []
  const presence = new RoomAwareness({
    maxStateBytes: 1024,
    flushAfterMs: 10,
    counters: createRelayCounters(),
    broadcast: (messageFor) => {
      for (const peer of peers) {
        const frame = messageFor(peer.origin)
        if (frame) sent.push({ to: peer.origin, frame })
      }
    },
  })
  const join = (connectionId: number, participantId: string, role = 'editor'): AwarenessPeer => {
    const peer = { participantId, role, origin: createPeerOrigin(connectionId), connected: true, awarenessClientId: null }
    peers.push(peer)
    return peer
  }
  const statesSeenBy = (peer: AwarenessPeer) =>
    sent.filter((message) => message.to === peer.origin).flatMap(({ frame }) => {
      const decoded = decodeClientMessage(frame)
      if (!decoded.ok || decoded.value.type !== 'awareness') throw new Error('expected awareness')
      return decoded.value.entries.map((e) => `${e.clientId}@${e.clock}:${e.stateJson}`)
    })
  return { presence, join, statesSeenBy }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('RoomAwareness', () => {
  it('takes a newer clock, ignores an older one, and takes a removal at the same clock', () => {
    vi.useFakeTimers()
    const { presence, join, statesSeenBy } = setup()
    const ana = join(1, 'ana')
    const ben = join(2, 'ben')
    presence.receive(ana, [entry(7, 2, '{"x":1}')])
    presence.receive(ana, [entry(7, 1, '{"x":0}')])
    vi.advanceTimersByTime(20)
    presence.receive(ana, [entry(7, 2, 'null')])
    vi.advanceTimersByTime(20)
    expect(statesSeenBy(ben)).toEqual(['7@2:{"x":1}', '7@2:null'])
    expect(presence.encodeAllStates()).toBeNull()
  })

  it('relays states as the JSON text received, and welcomes with clocks one higher', () => {
    vi.useFakeTimers()
    const { presence, join } = setup()
    const ana = join(1, 'ana')
    presence.receive(ana, [entry(7, 3, '{ "cursor" : {"x":1} }')])
    const welcome = decodeClientMessage(presence.encodeWelcomeStates()!)
    expect(welcome.ok && welcome.value.type === 'awareness' && welcome.value.entries).toMatchObject([entry(7, 4, '{ "cursor" : {"x":1} }')])
  })

  it('sends each client’s latest change of a window only, in the order clients first changed', () => {
    vi.useFakeTimers()
    const { presence, join, statesSeenBy } = setup()
    const ana = join(1, 'ana')
    const ben = join(2, 'ben')
    const cy = join(3, 'cy')
    presence.receive(ana, [entry(7, 1, '{"x":1}')])
    presence.receive(ben, [entry(8, 1, '{"x":5}')])
    presence.receive(ana, [entry(7, 2, '{"x":2}')])
    vi.advanceTimersByTime(20)
    expect(statesSeenBy(cy)).toEqual(['7@2:{"x":2}', '8@1:{"x":5}'])
    expect(statesSeenBy(ana)).toEqual(['8@1:{"x":5}'])
    presence.destroy()
  })

  it('removes a state nobody renewed for 30 s and tells everyone', () => {
    vi.useFakeTimers()
    const { presence, join, statesSeenBy } = setup()
    const ana = join(1, 'ana')
    const ben = join(2, 'ben')
    presence.receive(ana, [entry(7, 1, '{}')])
    vi.advanceTimersByTime(20_000)
    expect(presence.encodeAllStates()).not.toBeNull()
    vi.advanceTimersByTime(15_000)
    expect(presence.encodeAllStates()).toBeNull()
    expect(statesSeenBy(ben)).toEqual(['7@1:{}', '7@2:null'])
    presence.destroy()
  })
})
