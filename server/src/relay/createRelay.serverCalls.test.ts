/**
 * The relay's calls for the HTTP layer and a reconnecting client's presence, over real sockets:
 * `peersOf` and its change signal, `applyServerChange`, `readDocState`, and awareness after a reconnect.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocStore } from '../storage/index.ts'
import { RelayHarness, notesOf, sleep, synced, waitFor } from './testing/RelayHarness.ts'

describe('relay calls for the HTTP layer', () => {
  let h: RelayHarness

  beforeEach(async () => {
    h = new RelayHarness()
    await h.start()
  })
  afterEach(async () => {
    await h.dispose()
  })

  it('lists each connected participant of a meeting once, and forgets them when they leave', async () => {
    expect(h.relay.peersOf('m1')).toEqual([])
    const a1 = h.provider('m1', 'p-a')
    const a2 = h.provider('m1', 'p-a')
    const b = h.provider('m1', 'p-b')
    const other = h.provider('m2', 'p-c')
    await Promise.all([synced(a1), synced(a2), synced(b), synced(other)])
    expect(h.relay.peersOf('m1').sort()).toEqual(['p-a', 'p-b'])
    b.destroy()
    await waitFor(() => h.relay.peersOf('m1').length === 1, 'b gone from the roster')
    expect(h.relay.peersOf('m1')).toEqual(['p-a'])
  })

  it('tells when a meeting’s online set changes: someone’s first connection or last, a reconnect storm as one call', async () => {
    const told: string[] = []
    const windowMs = 400
    await h.stopServer()
    await h.start({ onOnlineChanged: (docId) => told.push(docId), limits: { onlineChangeCoalesceMs: windowMs } })
    const settle = () => sleep(windowMs + 200)

    const a1 = h.provider('m1', 'p-a')
    await synced(a1)
    await waitFor(() => told.length === 1, 'p-a’s first connection told')
    const a2 = h.provider('m1', 'p-a')
    await synced(a2)
    a2.destroy()
    await settle()
    expect(told, 'a second connection of someone online changes nobody’s "online"').toEqual(['m1'])

    // Ten phones coming back at once (after a finish or reopen), then all closed together: one call each.
    const phones = await Promise.all(Array.from({ length: 10 }, (_, i) => h.raw('m1', `p-${i}`)))
    await settle()
    expect(told).toEqual(['m1', 'm1'])
    a1.destroy()
    await settle()
    expect(told, 'p-a’s last connection told').toEqual(['m1', 'm1', 'm1'])
    expect(h.relay.closeMeeting('m1', 4002, 'finished')).toBe(10)
    await Promise.all(phones.map((phone) => phone.closeCode))
    await settle()
    expect(told).toEqual(['m1', 'm1', 'm1', 'm1'])
  })

  it('applies a server change durably and broadcasts it to connected peers (RL-3)', async () => {
    const a = h.provider('m1', 'p-a')
    await synced(a)
    a.doc.getMap('notes').set('by-a', 'x')
    await waitFor(() => h.relay.stats().counters.updatesAccepted === 1, 'a appended')
    await h.relay.applyServerChange('m1', (doc) => doc.getMap('meta').set('status', 'final'))
    // Durable before the promise resolved.
    const loaded = await h.store.load('m1')
    if (!loaded.ok || !loaded.value) throw new Error('nothing stored')
    const stored = new Y.Doc()
    Y.applyUpdate(stored, loaded.value.state)
    expect(stored.getMap('meta').get('status')).toBe('final')
    await waitFor(() => a.doc.getMap('meta').get('status') === 'final', 'broadcast to a')
  })

  it('applies a server change to a meeting nobody is connected to, loading it from the store', async () => {
    const template = new Y.Doc()
    template.getMap('notes').set('heading', 'Worries')
    await h.relay.seedDoc('m1', Y.encodeStateAsUpdate(template))
    await h.relay.applyServerChange('m1', (doc) => doc.getMap('meta').set('status', 'final'))
    await h.restart()
    const state = await h.relay.readDocState('m1')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state!)
    expect(doc.getMap('meta').get('status')).toBe('final')
    expect(doc.getMap('notes').get('heading')).toBe('Worries')
  })

  it('stores and broadcasts nothing when the server change throws', async () => {
    const a = h.provider('m1', 'p-a')
    await synced(a)
    const failing = h.relay.applyServerChange('m1', (doc) => {
      doc.getMap('meta').set('status', 'half')
      throw new Error('change failed')
    })
    await expect(failing).rejects.toThrow('change failed')
    expect(h.rows('m1').updates).toBe(0)
    // The room was reset, so memory matches the store again.
    const state = await h.relay.readDocState('m1')
    const doc = new Y.Doc()
    if (state) Y.applyUpdate(doc, state)
    expect(doc.getMap('meta').has('status')).toBe(false)
    expect(a.doc.getMap('meta').has('status')).toBe(false)
  })

  it('rejects a server change with a store code when the append fails, and broadcasts nothing', async () => {
    const diskFull = { ok: false, error: { code: 'STORE_WRITE_FAILED', cause: new Error('disk full') } } as const
    const failing: DocStore = { ...h.store, appendUpdate: async () => diskFull, appendUpdates: async () => diskFull }
    await h.stopServer()
    await h.start({ store: failing })
    const a = h.provider('m1', 'p-a')
    await synced(a)
    await expect(h.relay.applyServerChange('m1', (doc) => doc.getMap('meta').set('status', 'final'))).rejects.toMatchObject({
      code: 'STORE_WRITE_FAILED',
    })
    expect(a.doc.getMap('meta').has('status')).toBe(false)
  })

  it('reads the live room’s state, including changes the store does not hold yet', async () => {
    const a = h.provider('m1', 'p-a')
    await synced(a)
    a.doc.getMap('notes').set('k', 'v')
    await waitFor(() => h.relay.stats().counters.updatesAccepted === 1, 'appended')
    expect(notesOf((await h.relay.readDocState('m1')) ?? undefined)).toEqual({ k: 'v' })
  })

  it('reads a stored meeting without loading a room, and null for an unknown one', async () => {
    const template = new Y.Doc()
    template.getMap('notes').set('heading', 'Worries')
    await h.relay.seedDoc('m1', Y.encodeStateAsUpdate(template))
    expect(notesOf((await h.relay.readDocState('m1')) ?? undefined)).toEqual({ heading: 'Worries' })
    expect(h.relay.stats().rooms).toBe(0)
    expect(await h.relay.readDocState('nope')).toBeNull()
  })

  it('shows a reconnecting client the others’ presence within a second, not at their next renewal (RL-1)', async () => {
    const a = h.provider('m1', 'p-a')
    const b = h.provider('m1', 'p-b')
    b.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
    await Promise.all([synced(a), synced(b)])
    await waitFor(() => a.awareness.getStates().has(b.awareness.clientID), 'b visible to a')
    a.disconnect()
    await waitFor(() => !a.awareness.getStates().has(b.awareness.clientID), 'a drops others on disconnect')
    a.connect()
    await synced(a)
    await waitFor(() => a.awareness.getStates().has(b.awareness.clientID), 'b visible to a again', 1_000)
    expect(a.awareness.getStates().get(b.awareness.clientID)).toEqual({ cursor: { x: 1, y: 2 } })
    // b's next change still reaches a.
    b.awareness.setLocalStateField('cursor', { x: 5, y: 6 })
    b.awareness.setLocalStateField('cursor', { x: 7, y: 8 })
    await waitFor(() => (a.awareness.getStates().get(b.awareness.clientID) as { cursor?: { x: number } })?.cursor?.x === 7, 'b moves seen', 1_000)
  })
})
