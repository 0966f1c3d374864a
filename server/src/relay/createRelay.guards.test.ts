/**
 * The relay's input guards over real sockets: rate limits, the awareness throttle, client-id
 * ownership, record validation, template protection and the stored document cap.
 */
import * as encoding from 'lib0/encoding'
import { addItem, META_MAP_NAME, RECORDS_ARRAY_NAME, writeSafetyMapTemplate } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { RELAY_CLOSE } from './index.ts'
import { RelayHarness, type Role, sleep, syncUpdateFrame, synced, waitFor } from './testing/RelayHarness.ts'

const awarenessFrame = (clientId: number, clock: number, state: object): Uint8Array => {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, clientId)
  encoding.writeVarUint(inner, clock)
  encoding.writeVarString(inner, JSON.stringify(state))
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, 1)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

/** A template doc as the server seeds it. */
const templateUpdate = (): Uint8Array => {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, { title: 'Family meeting', locale: 'en', schema: createSafetyMapSchema().serialize() })
  return Y.encodeStateAsUpdate(doc)
}

const author = { id: 'p-ed', name: 'Editor' }

describe('relay input guards', () => {
  let h: RelayHarness

  beforeEach(() => {
    h = new RelayHarness()
  })
  afterEach(async () => {
    await h.dispose()
  })

  it('closes a connection past its message rate with a retryable code, leaving the others (bar item 9)', async () => {
    await h.start({ limits: { peerMessageBurst: 20, peerMessagesPerSecond: 10 } })
    const calm = await h.raw('m1', 'p-calm')
    const flood = await h.raw('m1', 'p-flood')
    for (let i = 0; i < 40; i++) flood.send(Uint8Array.of(3))
    expect(await flood.closeCode).toBe(RELAY_CLOSE.RELAY_RATE_LIMITED.code)
    expect(calm.readyState).toBe(WebSocket.OPEN)
    expect(h.relay.stats().counters.rejectedRateLimited).toBe(1)
  })

  it('closes a connection past its byte rate (bar item 9)', async () => {
    await h.start({ limits: { peerByteBurst: 64 * 1024, peerBytesPerSecond: 1024, maxMessageBytes: 32 * 1024 } })
    const flood = await h.raw('m1', 'p-flood')
    const doc = new Y.Doc()
    for (let i = 0; i < 3; i++) {
      const before = Y.encodeStateVector(doc)
      doc.getMap('notes').set(`k${i}`, 'x'.repeat(30 * 1024))
      flood.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc, before)))
    }
    expect(await flood.closeCode).toBe(RELAY_CLOSE.RELAY_RATE_LIMITED.code)
  })

  it('relays a burst of awareness at most ~10 Hz and delivers the latest state (bar item 5)', async () => {
    await h.start()
    const watcher = await h.raw('m1', 'p-watch')
    const sender = await h.raw('m1', 'p-send')
    await sleep(50)
    const before = watcher.frames.length
    for (let clock = 1; clock <= 50; clock++) sender.send(awarenessFrame(4242, clock, { cursor: { x: clock } }))
    await waitFor(() => h.relay.stats().counters.awarenessCoalesced >= 1, 'throttled')
    await sleep(400)
    const relayed = watcher.frames.slice(before).filter((frame) => frame[0] === 1)
    // The first state and the latest may share a presence window; either way at most 10 a second.
    expect(relayed.length).toBeGreaterThanOrEqual(1)
    expect(relayed.length).toBeLessThanOrEqual(6)
    expect(new TextDecoder().decode(relayed.at(-1))).toContain('{"cursor":{"x":50}}')
  })

  it('refuses an update written under another live connection’s client id, and stores nothing of it (bar item 7)', async () => {
    await h.start()
    const a = h.provider('m1', 'p-a')
    await synced(a)
    a.doc.getMap('notes').set('mine', 'a')
    await waitFor(() => h.relay.stats().counters.updatesAccepted === 1, 'a appended')
    const forger = await h.raw('m1', 'p-forger')
    const forged = new Y.Doc()
    forged.clientID = a.doc.clientID
    forged.getMap('notes').set('forged', 'x')
    // Continue a's history so the structs would integrate if allowed.
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(a.doc))
    forged.getMap('notes').set('forged', 'y')
    forger.send(syncUpdateFrame(Y.encodeStateAsUpdate(forged, Y.encodeStateVector(a.doc))))
    expect(await forger.closeCode).toBe(RELAY_CLOSE.RELAY_CLIENT_ID_IN_USE.code)
    expect(await h.stored('m1')).toEqual({ mine: 'a' })
    expect(a.wsconnected).toBe(true)
  })

  it('lets the same participant reconnect under its client id while the old socket lingers', async () => {
    await h.start()
    const doc = new Y.Doc()
    const first = h.provider('m1', 'p-a', 'editor', doc)
    await synced(first)
    doc.getMap('notes').set('one', 1)
    await waitFor(() => h.relay.stats().counters.updatesAccepted === 1, 'first appended')
    const again = h.provider('m1', 'p-a', 'editor', doc)
    await synced(again)
    doc.getMap('notes').set('two', 2)
    await waitFor(async () => Object.keys(await h.stored('m1')).length === 2, 'second stored')
    expect(h.relay.stats().counters.rejectedForeignClientId).toBe(0)
  })

  describe('on a seeded safety map', () => {
    const join = async (participant: string, role: Role) => {
      const provider = h.provider('m1', participant, role)
      await synced(provider)
      await waitFor(() => provider.doc.getArray(RECORDS_ARRAY_NAME).length > 0, 'template received')
      const codes: number[] = []
      provider.on('connection-close', (event: CloseEvent | null) => {
        if (event) codes.push(event.code)
      })
      return { provider, doc: provider.doc, codes }
    }
    const storedDoc = async (): Promise<Y.Doc> => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, (await h.relay.readDocState('m1'))!)
      return doc
    }

    beforeEach(async () => {
      await h.start()
      await h.relay.seedDoc('m1', templateUpdate())
    })

    it('accepts a valid note from an editor', async () => {
      const editor = await join('p-ed', 'editor')
      const id = addItem(editor.doc, 'strengths', 'Grandmother visits daily', author)
      await waitFor(async () => (await storedDoc()).getArray(RECORDS_ARRAY_NAME).toJSON().some((entry: { key: string }) => entry.key === id), 'note stored')
      expect(editor.codes).toEqual([])
    })

    it('refuses the whole update when one record in it is invalid for the pinned schema', async () => {
      const editor = await join('p-ed', 'editor')
      const before = (await storedDoc()).getArray(RECORDS_ARRAY_NAME).length
      editor.doc.transact(() => {
        addItem(editor.doc, 'strengths', 'Valid note', author)
        editor.doc.getArray(RECORDS_ARRAY_NAME).push([{ key: 'shape:bad', val: { id: 'shape:bad', typeName: 'shape', type: 'note', x: 'left' } }])
      })
      await waitFor(() => editor.codes.length > 0, 'editor closed')
      expect(editor.codes[0]).toBe(RELAY_CLOSE.RELAY_UPDATE_REFUSED.code)
      expect((await storedDoc()).getArray(RECORDS_ARRAY_NAME).length).toBe(before)
      expect(h.relay.stats().counters.rejectedInvalidRecord).toBe(1)
    })

    it('refuses an editor deleting a zone or writing meta, but lets a facilitator (template protection)', async () => {
      const editor = await join('p-ed', 'editor')
      const records = editor.doc.getArray<{ key: string }>(RECORDS_ARRAY_NAME)
      const zoneIndex = records.toArray().findIndex((entry) => entry.key === 'shape:zone-harm')
      expect(zoneIndex).toBeGreaterThanOrEqual(0)
      records.delete(zoneIndex, 1)
      await waitFor(() => editor.codes.length > 0, 'editor closed')
      expect(editor.codes[0]).toBe(RELAY_CLOSE.RELAY_UPDATE_REFUSED.code)
      expect((await storedDoc()).getArray<{ key: string }>(RECORDS_ARRAY_NAME).toArray().some((entry) => entry.key === 'shape:zone-harm')).toBe(true)

      const other = await join('p-ed2', 'editor')
      other.doc.getMap(META_MAP_NAME).set('status', 'finalized')
      await waitFor(() => other.codes.length > 0, 'meta writer closed')
      expect(other.codes[0]).toBe(RELAY_CLOSE.RELAY_UPDATE_REFUSED.code)
      expect((await storedDoc()).getMap(META_MAP_NAME).get('status')).not.toBe('finalized')
      expect(h.relay.stats().counters.rejectedTemplateProtected).toBe(2)

      const facilitator = await join('p-fac', 'facilitator')
      facilitator.doc.getMap(META_MAP_NAME).set('title', 'Renamed')
      await waitFor(async () => (await storedDoc()).getMap(META_MAP_NAME).get('title') === 'Renamed', 'facilitator write stored')
    })
  })

  it('refuses an update that would grow the stored doc past its cap, and warns past the warning size (bar item 8)', async () => {
    await h.start({ limits: { maxDocBytes: 64 * 1024, warnDocBytes: 16 * 1024 } })
    const raw = await h.raw('m1', 'p-big')
    const doc = new Y.Doc()
    let code: number | null = null
    void raw.closeCode.then((c) => (code = c))
    for (let i = 0; i < 8 && code === null; i++) {
      const before = Y.encodeStateVector(doc)
      doc.getMap('notes').set(`k${i}`, 'x'.repeat(12 * 1024))
      raw.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc, before)))
      await sleep(20)
    }
    await waitFor(() => code !== null, 'refused')
    expect(code).toBe(RELAY_CLOSE.RELAY_DOC_TOO_LARGE.code)
    const stored = await h.relay.readDocState('m1')
    expect(stored!.byteLength).toBeLessThanOrEqual(64 * 1024)
    expect(h.relay.stats().counters.docSizeWarnings).toBe(1)
  })
})
