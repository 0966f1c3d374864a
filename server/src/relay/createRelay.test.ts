/**
 * The relay over real sockets: a bare `http` + `ws` server on port 0 (not fastify), a real
 * SQLite file, stock y-websocket providers and raw `ws` clients for hostile input.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { DocStore } from '../storage/index.ts'
import { MAX_MESSAGE_BYTES, RELAY_CLOSE } from './index.ts'
import { RelayHarness as Harness, notesOf, sleep, syncUpdateFrame, synced, waitFor } from './testing/RelayHarness.ts'

describe('relay over real sockets', () => {
  let h: Harness

  beforeEach(async () => {
    h = new Harness()
    await h.start()
  })
  afterEach(async () => {
    await h.dispose()
  })

  it('lets two stock y-websocket providers converge both ways (RL-1)', async () => {
    const a = h.provider('m1', 'p-a')
    const b = h.provider('m1', 'p-b')
    await Promise.all([synced(a), synced(b)])
    a.doc.getMap('notes').set('from-a', 'worry about supervision')
    b.doc.getMap('notes').set('from-b', 'grandmother visits daily')
    const expected = { 'from-a': 'worry about supervision', 'from-b': 'grandmother visits daily' }
    await waitFor(() => a.doc.getMap('notes').size === 2 && b.doc.getMap('notes').size === 2, 'convergence')
    expect(a.doc.getMap('notes').toJSON()).toEqual(expected)
    expect(b.doc.getMap('notes').toJSON()).toEqual(expected)
    expect(await h.stored('m1')).toEqual(expected)
    // Logs carry ids and codes only, never map text (HT-7).
    expect(JSON.stringify(h.logs)).not.toMatch(/supervision|grandmother/)
  })

  it('sends sync step 1 and the current awareness states on connect (RL-1)', async () => {
    const a = h.provider('m1', 'p-a')
    a.awareness.setLocalStateField('user', { id: 'p-a' })
    await synced(a)
    await waitFor(() => h.relay.stats().counters.messagesIn >= 3, 'awareness reaches the relay')
    const { frames } = await h.raw('m1', 'p-raw')
    await waitFor(() => frames.length >= 2, 'welcome frames')
    expect([frames[0]![0], frames[0]![1]]).toEqual([0, 0])
    expect(frames[1]![0]).toBe(1)
  })

  it('appends an update to the store before any peer receives it (RL-3)', async () => {
    const a = h.provider('m1', 'p-a')
    const b = h.provider('m1', 'p-b')
    await Promise.all([synced(a), synced(b)])
    const seenInStore: boolean[] = []
    b.doc.getMap('notes').observe(() => {
      const row = h.db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ?').get('m1') as { n: number }
      seenInStore.push(row.n > 0)
    })
    a.doc.getMap('notes').set('k', 'v')
    await waitFor(() => seenInStore.length > 0, 'broadcast')
    expect(seenInStore).toEqual([true])
  })

  it('keeps every accepted update across a relay restart on the same database (RL-3, PS-2)', async () => {
    const a = h.provider('m1', 'p-a')
    await synced(a)
    a.doc.getMap('notes').set('kept', 'yes')
    await waitFor(() => h.relay.stats().counters.updatesAccepted >= 1, 'append')
    await h.restart()
    const fresh = h.provider('m1', 'p-b')
    await synced(fresh)
    await waitFor(() => fresh.doc.getMap('notes').get('kept') === 'yes', 'state after restart')
  })

  it('closes only the sender with 4400 for every truncation of a valid update, leaving doc and store unchanged (RL-2)', async () => {
    const b = h.provider('m1', 'p-b')
    await synced(b)
    b.doc.getMap('notes').set('before', 'x')
    await waitFor(() => h.relay.stats().counters.updatesAccepted === 1, 'first update')
    const source = new Y.Doc()
    for (let i = 0; i < 18; i++) source.getMap('notes').set(`shape:${i}`, { x: i, text: `note ${i}` })
    const valid = Y.encodeStateAsUpdate(source)
    for (let cut = 0; cut < valid.length; cut++) {
      const ws = await h.raw('m1', `p-bad-${cut}`)
      ws.send(syncUpdateFrame(valid.subarray(0, cut)))
      expect(await ws.closeCode, `prefix ${cut}`).toBe(RELAY_CLOSE.RELAY_MALFORMED_MESSAGE.code)
    }
    expect(b.wsconnected).toBe(true)
    expect(b.doc.getMap('notes').toJSON()).toEqual({ before: 'x' })
    expect(await h.stored('m1')).toEqual({ before: 'x' })
    expect(h.relay.stats().counters.updatesAccepted).toBe(1)
    expect(h.relay.stats().counters.rejectedMalformed).toBe(valid.length)
  }, 30_000)

  it('closes the sender of random bytes with 4400 and applies nothing (RL-2, seeded)', async () => {
    const seed = 7_351
    let state = seed
    const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
    const b = h.provider('m1', 'p-b')
    await synced(b)
    for (let i = 0; i < 40; i++) {
      const frame = Uint8Array.from({ length: 1 + Math.floor(next() * 64) }, () => Math.floor(next() * 256))
      frame[0] = 0 // a sync message…
      frame[1] = 2 // …of type update, with random content
      const ws = await h.raw('m1', `p-rand-${i}`)
      ws.send(frame)
      expect(await ws.closeCode, `seed ${seed}, frame ${i}`).toBe(4400)
    }
    expect(b.wsconnected).toBe(true)
    expect(h.rows('m1').updates).toBe(0)
  }, 30_000)

  it('drops a viewer’s updates while the viewer still receives everything (RL-4)', async () => {
    const editor = h.provider('m1', 'p-e')
    const viewer = h.provider('m1', 'p-v', 'viewer')
    await Promise.all([synced(editor), synced(viewer)])
    viewer.doc.getMap('notes').set('viewer-wrote', 'x')
    editor.doc.getMap('notes').set('editor-wrote', 'y')
    await waitFor(() => viewer.doc.getMap('notes').get('editor-wrote') === 'y', 'viewer receives')
    await waitFor(() => h.relay.stats().counters.viewerUpdatesDropped >= 1, 'viewer update dropped')
    expect(editor.doc.getMap('notes').has('viewer-wrote')).toBe(false)
    expect(await h.stored('m1')).toEqual({ 'editor-wrote': 'y' })
    expect(viewer.wsconnected).toBe(true)
  })

  it('removes a peer’s awareness state for the others as soon as it disconnects', async () => {
    const a = h.provider('m1', 'p-a')
    const b = h.provider('m1', 'p-b')
    b.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
    await Promise.all([synced(a), synced(b)])
    await waitFor(() => a.awareness.getStates().has(b.awareness.clientID), 'b visible to a')
    b.destroy()
    await waitFor(() => !a.awareness.getStates().has(b.awareness.clientID), 'b removed from a', 1_000)
  })

  it('ignores awareness entries for a client id another participant holds', async () => {
    const a = h.provider('m1', 'p-a', 'facilitator')
    a.awareness.setLocalStateField('user', { role: 'facilitator' })
    const b = h.provider('m1', 'p-b')
    await Promise.all([synced(a), synced(b)])
    await waitFor(() => b.awareness.getStates().has(a.awareness.clientID), 'a visible to b')
    const ws = await h.raw('m1', 'p-evil')
    const spoof = encoding.createEncoder()
    encoding.writeVarUint(spoof, 1)
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, a.awareness.clientID)
    encoding.writeVarUint(inner, 1_000)
    encoding.writeVarString(inner, JSON.stringify({ user: { role: 'spoofed' } }))
    encoding.writeVarUint8Array(spoof, encoding.toUint8Array(inner))
    ws.send(encoding.toUint8Array(spoof))
    await sleep(100)
    expect(b.awareness.getStates().get(a.awareness.clientID)).toEqual({ user: { role: 'facilitator' } })
  })

  it('drops a presence state that claims another person, the facilitator role or the lead of everyone’s view, and relays honest ones', async () => {
    const ana = h.provider('m1', 'w-ana', 'facilitator')
    const lorna = h.provider('m1', 'p-lorna')
    await Promise.all([synced(ana), synced(lorna)])
    const view = { bounds: { x: 0, y: 0, w: 800, h: 600 }, since: 1 }
    const seenByAna = () => ana.awareness.getStates().get(lorna.awareness.clientID)
    const claims = [
      { user: { id: 'w-ana', name: 'Ana Ruiz', role: 'facilitator' } },
      { user: { id: 'p-lorna', name: 'Lorna', role: 'facilitator' } },
      { user: { id: 'p-lorna', name: 'Lorna', role: 'editor' }, smFollow: view },
    ]
    // One at a time: the relay takes a connection's presence at most 10 times a second, latest only.
    for (const [i, state] of claims.entries()) {
      lorna.awareness.setLocalState(state)
      await waitFor(() => h.relay.stats().counters.rejectedPresenceClaim === i + 1, `claim ${i + 1} dropped`)
    }
    expect(seenByAna()).toBeUndefined()
    const honest = { user: { id: 'p-lorna', name: 'Lorna', role: 'editor' }, smFollow: null }
    lorna.awareness.setLocalState(honest)
    await waitFor(() => seenByAna() !== undefined, 'Lorna’s honest state reaches Ana')
    expect(seenByAna()).toEqual(honest)
    // The facilitator leads, and everyone sees it.
    ana.awareness.setLocalState({ user: { id: 'w-ana', name: 'Ana Ruiz', role: 'facilitator' }, smFollow: view })
    await waitFor(() => (lorna.awareness.getStates().get(ana.awareness.clientID) as { smFollow?: unknown } | undefined)?.smFollow !== undefined, 'Ana’s lead reaches Lorna')
  })

  it('closes a frame over MAX_MESSAGE_BYTES with 1009 and keeps the other peers (RL-7)', async () => {
    const b = h.provider('m1', 'p-b')
    await synced(b)
    const ws = await h.raw('m1', 'p-big')
    ws.send(new Uint8Array(MAX_MESSAGE_BYTES + 1))
    expect(await ws.closeCode).toBe(1009)
    expect(b.wsconnected).toBe(true)
  })

  it('closes every socket of a revoked participant with a terminal code, and only theirs (RL-9)', async () => {
    const a1 = h.provider('m1', 'p-a')
    const a2 = h.provider('m2', 'p-a')
    const b = h.provider('m1', 'p-b')
    await Promise.all([synced(a1), synced(a2), synced(b)])
    const closed: number[] = []
    a1.on('closed', (event: { code: number }) => closed.push(event.code))
    a2.on('closed', (event: { code: number }) => closed.push(event.code))
    const { code, reason } = RELAY_CLOSE.RELAY_ACCESS_REVOKED
    expect(h.relay.closePeer('p-a', code, reason)).toBe(2)
    await waitFor(() => closed.length === 2, 'both sockets closed')
    expect(closed).toEqual([4403, 4403])
    expect(a1.shouldConnect).toBe(false)
    expect(b.wsconnected).toBe(true)
    await waitFor(() => !b.awareness.getStates().has(a1.awareness.clientID), 'revoked presence cleared', 1_000)
  })

  it('closes every socket of a meeting on closeMeeting', async () => {
    const a = h.provider('m1', 'p-a')
    const other = h.provider('m2', 'p-b')
    await Promise.all([synced(a), synced(other)])
    expect(h.relay.closeMeeting('m1', RELAY_CLOSE.RELAY_MEETING_CLOSED.code, RELAY_CLOSE.RELAY_MEETING_CLOSED.reason)).toBe(1)
    await waitFor(() => !a.wsconnected, 'meeting closed')
    expect(other.wsconnected).toBe(true)
    expect(() => h.relay.closeMeeting('m1', 1005, 'x')).toThrow(RangeError)
  })

  it('seeds a new meeting once and refuses a second seed or a malformed one', async () => {
    const template = new Y.Doc()
    template.getMap('notes').set('heading', 'What are we worried about?')
    await h.relay.seedDoc('m-new', Y.encodeStateAsUpdate(template))
    await expect(h.relay.seedDoc('m-new', Y.encodeStateAsUpdate(template))).rejects.toMatchObject({ code: 'RELAY_DOC_EXISTS' })
    await expect(h.relay.seedDoc('m-bad', Uint8Array.of(1, 2, 3))).rejects.toMatchObject({ code: 'RELAY_MALFORMED_UPDATE' })
    const a = h.provider('m-new', 'p-a')
    await synced(a)
    await waitFor(() => a.doc.getMap('notes').get('heading') === 'What are we worried about?', 'seeded state')
  })

  it('seeds through a room that a connection already loaded, so its peers see the template', async () => {
    const a = h.provider('m-race', 'p-a')
    await synced(a)
    const template = new Y.Doc()
    template.getMap('notes').set('heading', 'Safety goals')
    await h.relay.seedDoc('m-race', Y.encodeStateAsUpdate(template))
    await waitFor(() => a.doc.getMap('notes').get('heading') === 'Safety goals', 'seed broadcast')
    expect(await h.stored('m-race')).toEqual({ heading: 'Safety goals' })
  })

  it('purges a meeting: sockets closed, room dropped, doc deleted', async () => {
    const a = h.provider('m1', 'p-a')
    await synced(a)
    a.doc.getMap('notes').set('k', 'v')
    await waitFor(() => h.relay.stats().counters.updatesAccepted === 1, 'append')
    await h.relay.purgeMeeting('m1')
    expect(h.rows('m1')).toEqual({ updates: 0, snapshots: 0 })
    expect(h.relay.stats().rooms).toBe(0)
  })

  it('flushes every room on close: sockets get 1001 and the tail is compacted', async () => {
    const a = h.provider('m1', 'p-a')
    await synced(a)
    const closes: number[] = []
    a.on('connection-close', (event: { code: number } | null) => event && closes.push(event.code))
    a.doc.getMap('notes').set('k', 'v')
    await waitFor(() => h.rows('m1').updates === 1, 'append')
    await h.relay.close()
    expect(h.rows('m1')).toEqual({ updates: 0, snapshots: 1 })
    await waitFor(() => closes.length > 0, 'close frame')
    expect(closes[0]).toBe(1001)
    expect(await h.stored('m1')).toEqual({ k: 'v' })
  })
})

describe('relay rooms over time', () => {
  let h: Harness

  beforeEach(() => {
    h = new Harness()
  })
  afterEach(async () => {
    await h.dispose()
  })

  it('compacts once the tail passes the update threshold, keeping all content (PS-4)', async () => {
    await h.start({ limits: { compactAfterUpdates: 10 } })
    const a = h.provider('m1', 'p-a')
    await synced(a)
    for (let i = 0; i < 25; i++) {
      a.doc.getMap('notes').set(`k${i}`, i)
      await waitFor(() => h.relay.stats().counters.updatesAccepted === i + 1, `update ${i}`)
    }
    expect(h.relay.stats().counters.compactions).toBe(2)
    expect(h.rows('m1')).toEqual({ updates: 5, snapshots: 1 })
    expect(Object.keys(await h.stored('m1'))).toHaveLength(25)
  })

  it('unloads an idle room after the delay, compacting first, and reloads it on the next connect (RL-6)', async () => {
    await h.start({ limits: { idleRoomUnloadMs: 50 } })
    const a = h.provider('m1', 'p-a')
    await synced(a)
    a.doc.getMap('notes').set('k', 'v')
    await waitFor(() => h.rows('m1').updates === 1, 'append')
    a.destroy()
    await waitFor(() => h.relay.stats().rooms === 0, 'unload')
    expect(h.rows('m1')).toEqual({ updates: 0, snapshots: 1 })
    const b = h.provider('m1', 'p-b')
    await synced(b)
    await waitFor(() => b.doc.getMap('notes').get('k') === 'v', 'reloaded state')
    expect(h.relay.stats().counters.roomsLoaded).toBe(2)
  })

  it('keeps a room whose compaction fails and unloads it once a retry succeeds (RL-6)', async () => {
    let failures = 2
    const flaky: DocStore = {
      ...h.store,
      compact: (docId, snapshot) =>
        failures-- > 0
          ? Promise.resolve({ ok: false, error: { code: 'STORE_WRITE_FAILED', cause: new Error('disk full') } })
          : h.store.compact(docId, snapshot),
    }
    await h.start({ store: flaky, limits: { idleRoomUnloadMs: 20, compactRetryMinMs: 30, compactRetryMaxMs: 60 } })
    const a = h.provider('m1', 'p-a')
    await synced(a)
    a.doc.getMap('notes').set('k', 'v')
    await waitFor(() => h.rows('m1').updates === 1, 'append')
    a.destroy()
    await waitFor(() => h.relay.stats().counters.compactionFailures === 2, 'two failed compactions')
    expect(h.relay.stats().rooms).toBe(1)
    await waitFor(() => h.relay.stats().rooms === 0, 'unload after retry')
    expect(h.rows('m1')).toEqual({ updates: 0, snapshots: 1 })
  })

  it('queues messages that arrive while the room loads and processes them in order', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const slow: DocStore = { ...h.store, load: async (docId) => (await gate, h.store.load(docId)) }
    await h.start({ store: slow })
    const doc = new Y.Doc()
    doc.getMap('notes').set('offline', 'edit')
    const a = h.provider('m1', 'p-a', 'editor', doc)
    await waitFor(() => a.wsconnected, 'socket open')
    a.doc.getMap('notes').set('while-loading', 'edit')
    await sleep(50)
    expect(h.relay.stats().roomsLoading).toBe(1)
    release()
    await synced(a)
    const expected = JSON.stringify({ offline: 'edit', 'while-loading': 'edit' })
    await waitFor(async () => JSON.stringify(await h.stored('m1')) === expected, 'both edits stored')
  })

  it('closes a peer that floods the queue while the room loads with a retryable code', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const slow: DocStore = { ...h.store, load: async (docId) => (await gate, h.store.load(docId)) }
    await h.start({ store: slow, limits: { peerInboxMaxMessages: 8 } })
    const ws = await h.raw('m1', 'p-flood')
    for (let i = 0; i < 20; i++) ws.send(Uint8Array.of(3))
    expect(await ws.closeCode).toBe(RELAY_CLOSE.RELAY_INBOX_OVERFLOW.code)
    release()
  })

  it('closes every peer with a retryable code when the room cannot be loaded, and stores nothing', async () => {
    const broken: DocStore = {
      ...h.store,
      load: () => Promise.resolve({ ok: false, error: { code: 'STORE_READ_FAILED', cause: new Error('I/O') } }),
    }
    await h.start({ store: broken })
    const ws = await h.raw('m1', 'p-a')
    expect(await ws.closeCode).toBe(RELAY_CLOSE.RELAY_STORE_UNAVAILABLE.code)
    expect(h.relay.stats().rooms).toBe(0)
    expect(h.rows('m1')).toEqual({ updates: 0, snapshots: 0 })
  })

  it('closes the sender with a retryable code when an append fails, and broadcasts nothing (RL-3)', async () => {
    let failNext = false
    const diskFull = { ok: false, error: { code: 'STORE_WRITE_FAILED', cause: new Error('disk full') } } as const
    const flaky: DocStore = {
      ...h.store,
      appendUpdate: (docId, update) => (failNext ? Promise.resolve(diskFull) : h.store.appendUpdate(docId, update)),
      appendUpdates: (updates) => (failNext ? Promise.resolve(diskFull) : h.store.appendUpdates!(updates)),
    }
    await h.start({ store: flaky })
    const a = h.provider('m1', 'p-a')
    const b = h.provider('m1', 'p-b')
    await Promise.all([synced(a), synced(b)])
    const codes: number[] = []
    a.on('connection-close', (event: { code: number } | null) => event && codes.push(event.code))
    failNext = true
    a.doc.getMap('notes').set('k', 'v')
    await waitFor(() => codes.length > 0, 'sender closed')
    expect(codes[0]).toBe(RELAY_CLOSE.RELAY_STORE_UNAVAILABLE.code)
    expect(b.doc.getMap('notes').has('k')).toBe(false)
    expect(h.relay.stats().roomsUnsaved).toBe(1)
  })

  it('terminates a peer that stops answering pings (RL-8)', async () => {
    await h.start({ limits: { pingIntervalMs: 30 } })
    const silent = await h.raw('m1', 'p-silent', 'editor', { autoPong: false })
    const healthy = await h.raw('m1', 'p-healthy')
    expect(await silent.closeCode).toBe(1006)
    await sleep(100)
    expect(healthy.readyState).toBe(WebSocket.OPEN)
    expect(h.relay.stats().counters.pingTimeouts).toBeGreaterThanOrEqual(1)
  })
})
