/**
 * The behaviour every {@link DocStore} adapter must show (PS-1..PS-5), written once and run
 * against each adapter by its own test file with a harness over a fresh database.
 *
 * ```ts
 * describeDocStoreContract('SQLite doc store', async () => ({ store, openAnother, countTail, refuseAppends, close }))
 * ```
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocStore, StoreResult, TailStats } from '../DocStore.ts'

/** A store over a fresh database plus the backend-specific hooks the contract needs. */
export interface DocStoreHarness {
  readonly store: DocStore
  /** A second store on its own connection to the same database, as another process would open it. */
  openAnother(): Promise<{ readonly store: DocStore; close(): Promise<void> }>
  /** Counts the tail rows of `docId` straight from the database. */
  countTail(docId: string): Promise<TailStats>
  /** Makes the backend refuse every later append (as a full disk would), or only those of one doc. */
  refuseAppends(onlyDocId?: string): Promise<void>
  close(): Promise<void>
}

export const unwrap = <T>(result: StoreResult<T>): T => {
  if (!result.ok) throw new Error(`store failed: ${result.error.code}`)
  return result.value
}

/** One edit on a doc, returned as the update it produced. */
export const edit = (doc: Y.Doc, key: string, value: string): Uint8Array => {
  let update: Uint8Array | null = null
  const capture = (u: Uint8Array) => (update = u)
  doc.on('update', capture)
  doc.getMap('notes').set(key, value)
  doc.off('update', capture)
  if (!update) throw new Error('no update')
  return update
}

export const notesOf = (state: Uint8Array): Record<string, unknown> => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc.getMap('notes').toJSON()
}

/** Registers the contract's tests in the current `describe` block. */
export function docStoreContract(open: () => Promise<DocStoreHarness>): void {
  let harness: DocStoreHarness
  let store: DocStore

  beforeEach(async () => {
    harness = await open()
    store = harness.store
  })
  afterEach(async () => {
    await harness.close()
  })

  it('loads null for a doc that was never stored', async () => {
    expect(unwrap(await store.load('nope'))).toBeNull()
    expect(unwrap(await store.hasDoc('nope'))).toBe(false)
    expect(unwrap(await store.tailStats('nope'))).toEqual({ updates: 0, bytes: 0 })
  })

  it('merges the snapshot and every later update on load (PS-3)', async () => {
    const doc = new Y.Doc()
    const first = unwrap(await store.appendUpdate('m1', edit(doc, 'a', 'one')))
    unwrap(await store.compact('m1', { state: Y.encodeStateAsUpdate(doc), throughSeq: first.seq }))
    unwrap(await store.appendUpdate('m1', edit(doc, 'b', 'two')))
    unwrap(await store.appendUpdate('m1', edit(doc, 'c', 'three')))
    const loaded = unwrap(await store.load('m1'))
    expect(loaded && notesOf(loaded.state)).toEqual({ a: 'one', b: 'two', c: 'three' })
    expect(loaded?.tail.updates).toBe(2)
    expect(unwrap(await store.hasDoc('m1'))).toBe(true)
  })

  it('appends durably: a second connection sees the update as soon as append returns (PS-2)', async () => {
    const doc = new Y.Doc()
    unwrap(await store.appendUpdate('m1', edit(doc, 'a', 'one')))
    const other = await harness.openAnother()
    try {
      const loaded = unwrap(await other.store.load('m1'))
      expect(loaded && notesOf(loaded.state)).toEqual({ a: 'one' })
    } finally {
      await other.close()
    }
  })

  it('compaction replaces the tail with one snapshot and keeps every update past throughSeq (PS-4)', async () => {
    const doc = new Y.Doc()
    let seq = 0
    for (let i = 0; i < 20; i++) seq = unwrap(await store.appendUpdate('m1', edit(doc, `k${i}`, `v${i}`))).seq
    const state = Y.encodeStateAsUpdate(doc)
    // An update appended after the state was taken must survive the compaction.
    unwrap(await store.appendUpdate('m1', edit(doc, 'late', 'x')))
    unwrap(await store.compact('m1', { state, throughSeq: seq }))
    expect(unwrap(await store.tailStats('m1')).updates).toBe(1)
    const loaded = unwrap(await store.load('m1'))
    expect(loaded && Object.keys(notesOf(loaded.state))).toHaveLength(21)
  })

  it('reports the tail size from each append exactly as a count of the rows would (PS-5)', async () => {
    const doc = new Y.Doc()
    let seq = 0
    for (let i = 0; i < 5; i++) {
      const appended = unwrap(await store.appendUpdate('m1', edit(doc, `k${i}`, `v${i}`)))
      seq = appended.seq
      expect(appended.tail).toEqual(await harness.countTail('m1'))
    }
    unwrap(await store.compact('m1', { state: Y.encodeStateAsUpdate(doc), throughSeq: seq }))
    const after = unwrap(await store.appendUpdate('m1', edit(doc, 'late', 'x')))
    expect(after.tail).toEqual(await harness.countTail('m1'))
    expect(after.tail.updates).toBe(1)
    unwrap(await store.delete('m1'))
    expect(unwrap(await store.appendUpdate('m1', edit(doc, 'again', 'y'))).tail).toEqual(await harness.countTail('m1'))
  })

  it('never lets a stale compaction replace a newer snapshot', async () => {
    const doc = new Y.Doc()
    const a = unwrap(await store.appendUpdate('m1', edit(doc, 'a', '1')))
    const older = Y.encodeStateAsUpdate(doc)
    const b = unwrap(await store.appendUpdate('m1', edit(doc, 'b', '2')))
    unwrap(await store.compact('m1', { state: Y.encodeStateAsUpdate(doc), throughSeq: b.seq }))
    unwrap(await store.compact('m1', { state: older, throughSeq: a.seq }))
    const loaded = unwrap(await store.load('m1'))
    expect(loaded && notesOf(loaded.state)).toEqual({ a: '1', b: '2' })
  })

  it('never reuses a sequence number after compaction deleted the newest rows', async () => {
    const doc = new Y.Doc()
    const first = unwrap(await store.appendUpdate('m1', edit(doc, 'a', '1')))
    unwrap(await store.compact('m1', { state: Y.encodeStateAsUpdate(doc), throughSeq: first.seq }))
    const next = unwrap(await store.appendUpdate('m1', edit(doc, 'b', '2')))
    expect(next.seq).toBeGreaterThan(first.seq)
  })

  it('delete purges the snapshot and the tail of one doc only', async () => {
    const doc = new Y.Doc()
    const s = unwrap(await store.appendUpdate('m1', edit(doc, 'a', '1')))
    unwrap(await store.compact('m1', { state: Y.encodeStateAsUpdate(doc), throughSeq: s.seq }))
    unwrap(await store.appendUpdate('m1', edit(doc, 'b', '2')))
    unwrap(await store.appendUpdate('m2', edit(new Y.Doc(), 'c', '3')))
    unwrap(await store.delete('m1'))
    expect(unwrap(await store.hasDoc('m1'))).toBe(false)
    expect(unwrap(await store.load('m1'))).toBeNull()
    expect(unwrap(await store.hasDoc('m2'))).toBe(true)
  })

  it('hands another instance the updates after a seq, and null once a compaction merged them away (PS-10)', async () => {
    const other = await harness.openAnother()
    try {
      const doc = new Y.Doc()
      const firstUpdate = edit(doc, 'a', '1')
      const first = unwrap(await store.appendUpdate('m1', firstUpdate))
      expect(unwrap(await other.store.loadTail('m1', first.seq))).toEqual({ updates: [], lastSeq: first.seq })
      unwrap(await store.appendUpdate('m1', edit(doc, 'b', '2')))
      const third = unwrap(await store.appendUpdate('m1', edit(doc, 'c', '3')))
      const tail = unwrap(await other.store.loadTail('m1', first.seq))
      expect(tail?.lastSeq).toBe(third.seq)
      const caughtUp = new Y.Doc()
      Y.applyUpdate(caughtUp, firstUpdate)
      for (const update of tail?.updates ?? []) Y.applyUpdate(caughtUp, update)
      expect(caughtUp.getMap('notes').get('c')).toBe('3')
      unwrap(await store.compact('m1', { state: Y.encodeStateAsUpdate(doc), throughSeq: third.seq }))
      expect(unwrap(await other.store.loadTail('m1', first.seq))).toBeNull()
      expect(unwrap(await other.store.loadTail('m1', third.seq))).toEqual({ updates: [], lastSeq: third.seq })
      expect(unwrap(await other.store.loadTail('never-stored', 0))).toEqual({ updates: [], lastSeq: 0 })
    } finally {
      await other.close()
    }
  })

  it('appends a group of updates of several docs in one transaction: all or none, results in order (PS-8)', async () => {
    if (!store.appendUpdates) throw new Error('both adapters group-commit')
    const update = (n: number) => Uint8Array.of(0, 0, n)
    const appended = unwrap(
      await store.appendUpdates([
        { docId: 'a', update: update(1) },
        { docId: 'b', update: update(2) },
        { docId: 'a', update: update(3) },
      ]),
    )
    expect(appended.map((r) => r.tail)).toEqual([
      { updates: 1, bytes: 3 },
      { updates: 1, bytes: 3 },
      { updates: 2, bytes: 6 },
    ])
    expect(appended[2]!.seq).toBeGreaterThan(appended[0]!.seq)
    expect(await harness.countTail('a')).toEqual({ updates: 2, bytes: 6 })

    // The second update of the group fails: the first, already inserted, is rolled back with it.
    await harness.refuseAppends('c')
    const refused = await store.appendUpdates([
      { docId: 'b', update: update(4) },
      { docId: 'c', update: update(5) },
    ])
    expect(refused.ok).toBe(false)
    expect(await harness.countTail('b')).toEqual({ updates: 1, bytes: 3 })
    expect(await store.tailStats('b')).toEqual({ ok: true, value: { updates: 1, bytes: 3 } })
  })

  it('keeps one epoch per incarnation of a doc: none before the first write, a new one after delete (PS-9)', async () => {
    if (!store.loadEpoch) throw new Error('both adapters keep doc epochs')
    expect(await store.loadEpoch('m1')).toEqual({ ok: true, value: null })
    unwrap(await store.appendUpdate('m1', Uint8Array.of(0, 0)))
    const first = await store.loadEpoch('m1')
    if (!first.ok || !first.value) throw new Error('no epoch')
    const other = await harness.openAnother()
    try {
      expect(await other.store.loadEpoch!('m1')).toEqual(first)
    } finally {
      await other.close()
    }
    unwrap(await store.delete('m1'))
    expect(await store.loadEpoch('m1')).toEqual({ ok: true, value: null })
    unwrap(await store.appendUpdate('m1', Uint8Array.of(0, 0)))
    const second = await store.loadEpoch('m1')
    expect(second.ok && second.value).toBeTruthy()
    expect(second).not.toEqual(first)
  })

  it('reports corrupt rows as STORE_CORRUPT_DOC instead of throwing', async () => {
    unwrap(await store.appendUpdate('m1', Uint8Array.of(1, 2, 3)))
    unwrap(await store.appendUpdate('m1', Uint8Array.of(9, 9)))
    const loaded = await store.load('m1')
    expect(loaded.ok ? 'ok' : loaded.error.code).toBe('STORE_CORRUPT_DOC')
  })

  it('reports a failed write as STORE_WRITE_FAILED instead of throwing', async () => {
    await harness.refuseAppends()
    const appended = await store.appendUpdate('m1', edit(new Y.Doc(), 'a', '1'))
    expect(appended.ok ? 'ok' : appended.error.code).toBe('STORE_WRITE_FAILED')
  })
}
