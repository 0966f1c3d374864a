/**
 * The web client's half of the doc epoch (RL-13): `attachDocEpoch` on a stock provider, against a
 * live relay. It learns the epoch, proves it on reconnect, and is told to start afresh — its stale
 * copy never merged — once the doc was purged and written anew.
 */
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { attachDocEpoch } from '../../apps/web/src/canvas/docEpoch.ts'
import { RelayHarness, synced, waitFor } from '../../server/src/relay/testing/RelayHarness.ts'

const seedWith = (key: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getMap('notes').set(key, 'seeded')
  return Y.encodeStateAsUpdate(doc)
}

describe('web client doc epoch against the relay', () => {
  let h: RelayHarness
  const providers: WebsocketProvider[] = []

  beforeEach(async () => {
    h = new RelayHarness()
    await h.start()
  })
  afterEach(async () => {
    for (const provider of providers.splice(0)) provider.destroy()
    await h.dispose()
  })

  const open = (known: string) => {
    const provider = new WebsocketProvider(h.url, 'm1', new Y.Doc(), {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { participant: 'p-a', role: 'editor' },
      disableBc: true,
      connect: false,
    })
    providers.push(provider)
    const seen = { epochs: [] as string[], stale: 0 }
    attachDocEpoch(provider, { known, onEpoch: (epoch) => seen.epochs.push(epoch), onStale: () => seen.stale++ })
    provider.connect()
    return { provider, seen }
  }

  it('learns the epoch, then starts afresh after a purge instead of merging its copy back (RL-13)', async () => {
    await h.relay.seedDoc('m1', seedWith('old'))
    const { provider, seen } = open('')
    await synced(provider)
    await waitFor(() => seen.epochs.length === 1, 'the epoch')

    provider.disconnect()
    provider.doc.getMap('notes').set('offline', 'edit from before the purge')
    await h.relay.purgeMeeting('m1')
    await h.relay.seedDoc('m1', seedWith('new'))
    provider.connect()
    await waitFor(() => seen.stale === 1, 'the stale copy refused')
    expect(await h.stored('m1')).toEqual({ new: 'seeded' })

    const again = open('')
    await synced(again.provider)
    await waitFor(() => again.seen.epochs.length === 1, 'the new epoch')
    expect(again.seen.epochs[0]).not.toBe(seen.epochs[0])
    expect(again.provider.doc.getMap('notes').toJSON()).toEqual({ new: 'seeded' })
  })
})
