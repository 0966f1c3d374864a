/**
 * The doc epoch (RL-13, PS-9) over real sockets: a client whose copy predates a purge and a fresh
 * start of the doc is closed with 4412 before any of its stale state reaches the doc, while fresh
 * and current clients sync as usual. Clients use the stock provider plus the one-message extension.
 */
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RELAY_CLOSE } from './closeCodes.ts'
import { MESSAGE_TYPE } from './protocol/wire.ts'
import { RelayHarness, synced, waitFor } from './testing/RelayHarness.ts'

const seedWith = (key: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getMap('notes').set(key, 'seeded')
  return Y.encodeStateAsUpdate(doc)
}

/** A stock provider that speaks the epoch extension: sends `?epoch=` and records the epoch it is told. */
function epochClient(h: RelayHarness, epoch: string, doc = new Y.Doc()) {
  const client = {
    provider: new WebsocketProvider(h.url, 'm1', doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { participant: 'p-a', role: 'editor', epoch },
      disableBc: true,
    }),
    told: null as string | null,
    closedWith: null as number | null,
  }
  client.provider.messageHandlers[MESSAGE_TYPE.DOC_EPOCH] = (_encoder, decoder: decoding.Decoder) => {
    client.told = decoding.readVarString(decoder)
  }
  client.provider.on('closed', ({ code }) => {
    client.closedWith = code
  })
  return client
}

describe('relay doc epoch', () => {
  let h: RelayHarness
  const clients: WebsocketProvider[] = []

  beforeEach(async () => {
    h = new RelayHarness()
    await h.start()
  })
  afterEach(async () => {
    for (const provider of clients.splice(0)) provider.destroy()
    await h.dispose()
  })

  it('resets a client holding state from before a purge instead of merging it back (RL-13)', async () => {
    await h.relay.seedDoc('m1', seedWith('old'))
    const stale = epochClient(h, '')
    clients.push(stale.provider)
    await synced(stale.provider)
    await waitFor(() => stale.told !== null, 'the epoch')
    const oldEpoch = stale.told!

    // Offline, the client edits its copy; meanwhile the doc is purged and started afresh.
    stale.provider.disconnect()
    stale.provider.doc.getMap('notes').set('stale-edit', 'from before the purge')
    await h.relay.purgeMeeting('m1')
    await h.relay.seedDoc('m1', seedWith('new'))

    stale.provider.params.epoch = oldEpoch
    stale.provider.connect()
    await waitFor(() => stale.closedWith !== null, 'the stale client closed')
    expect(stale.closedWith).toBe(RELAY_CLOSE.RELAY_DOC_EPOCH_CHANGED.code)
    expect(h.relay.stats().counters.rejectedStaleEpoch).toBe(1)
    expect(await h.stored('m1')).toEqual({ new: 'seeded' })

    // A fresh client learns the new epoch; reconnecting with it syncs as usual.
    const fresh = epochClient(h, '')
    clients.push(fresh.provider)
    await synced(fresh.provider)
    await waitFor(() => fresh.told !== null, 'the new epoch')
    expect(fresh.told).not.toBe(oldEpoch)
    expect(fresh.provider.doc.getMap('notes').toJSON()).toEqual({ new: 'seeded' })
    const current = epochClient(h, fresh.told!)
    clients.push(current.provider)
    await synced(current.provider)
    current.provider.doc.getMap('notes').set('after', 'kept')
    await waitFor(async () => (await h.stored('m1')).after === 'kept', 'an edit by a current client stored')
    expect(current.closedWith).toBeNull()
  })

  it('sends nothing new to clients that do not speak the extension', async () => {
    await h.relay.seedDoc('m1', seedWith('old'))
    const raw = await h.raw('m1')
    await waitFor(() => raw.frames.length >= 1, 'the welcome')
    expect(raw.frames.every((frame) => frame[0] !== MESSAGE_TYPE.DOC_EPOCH)).toBe(true)
  })
})
