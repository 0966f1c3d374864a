import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createSqliteDocStore, openDatabase, type DocStore, type StoreResult } from './index.ts'

const unwrap = <T>(result: StoreResult<T>): T => {
  if (!result.ok) throw new Error(`store failed: ${result.error.code}`)
  return result.value
}

/** One edit on a doc, returned as the update it produced. */
const edit = (doc: Y.Doc, key: string, value: string): Uint8Array => {
  let update: Uint8Array | null = null
  const capture = (u: Uint8Array) => (update = u)
  doc.on('update', capture)
  doc.getMap('notes').set(key, value)
  doc.off('update', capture)
  if (!update) throw new Error('no update')
  return update
}

const notesOf = (state: Uint8Array): Record<string, unknown> => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc.getMap('notes').toJSON()
}

describe('SQLite doc store', () => {
  let dir: string
  let file: string
  let db: Database
  let store: DocStore

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-store-'))
    file = path.join(dir, 'nested', 'safetymap.db')
    db = openDatabase(file)
    store = createSqliteDocStore(db)
  })
  afterEach(() => {
    db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('opens the database in WAL mode with NORMAL sync, foreign keys and secure delete (PS-1, PS-2)', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(1)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('secure_delete', { simple: true })).toBe(1)
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
    const other = openDatabase(file)
    try {
      const loaded = unwrap(await createSqliteDocStore(other).load('m1'))
      expect(loaded && notesOf(loaded.state)).toEqual({ a: 'one' })
    } finally {
      other.close()
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
    const counted = () => db.prepare('SELECT COUNT(*) AS updates, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM doc_updates WHERE doc_id = ?').get('m1')
    let seq = 0
    for (let i = 0; i < 5; i++) {
      const appended = unwrap(await store.appendUpdate('m1', edit(doc, `k${i}`, `v${i}`)))
      seq = appended.seq
      expect(appended.tail).toEqual(counted())
    }
    unwrap(await store.compact('m1', { state: Y.encodeStateAsUpdate(doc), throughSeq: seq }))
    const after = unwrap(await store.appendUpdate('m1', edit(doc, 'late', 'x')))
    expect(after.tail).toEqual(counted())
    expect(after.tail.updates).toBe(1)
    unwrap(await store.delete('m1'))
    expect(unwrap(await store.appendUpdate('m1', edit(doc, 'again', 'y'))).tail).toEqual(counted())
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

  it('reports corrupt rows as STORE_CORRUPT_DOC instead of throwing', async () => {
    unwrap(await store.appendUpdate('m1', Uint8Array.of(1, 2, 3)))
    unwrap(await store.appendUpdate('m1', Uint8Array.of(9, 9)))
    const loaded = await store.load('m1')
    expect(loaded.ok ? 'ok' : loaded.error.code).toBe('STORE_CORRUPT_DOC')
  })

  it('reports a failed write as STORE_WRITE_FAILED instead of throwing', async () => {
    db.exec('CREATE TRIGGER refuse BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, \'disk full\'); END')
    const appended = await store.appendUpdate('m1', edit(new Y.Doc(), 'a', '1'))
    expect(appended.ok ? 'ok' : appended.error.code).toBe('STORE_WRITE_FAILED')
  })
})
