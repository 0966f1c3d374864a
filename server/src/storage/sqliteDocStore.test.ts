import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSqliteDocStore, openDatabase } from './index.ts'
import { docStoreContract, type DocStoreHarness } from './testing/docStoreContract.ts'

/** A store over a fresh file in a fresh directory (the nested folder proves openDatabase creates it). */
function openSqliteHarness(): DocStoreHarness {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-store-'))
  const file = path.join(dir, 'nested', 'safetymap.db')
  const db = openDatabase(file)
  return {
    store: createSqliteDocStore(db),
    async openAnother() {
      const other = openDatabase(file)
      return { store: createSqliteDocStore(other), close: async () => void other.close() }
    },
    async countTail(docId) {
      return db
        .prepare('SELECT COUNT(*) AS updates, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM doc_updates WHERE doc_id = ?')
        .get(docId) as { updates: number; bytes: number }
    },
    async refuseAppends() {
      db.exec("CREATE TRIGGER refuse BEFORE INSERT ON doc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    },
    async close() {
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

describe('SQLite doc store', () => {
  docStoreContract(async () => openSqliteHarness())

  it('appends a group of updates of several docs in one transaction: all or none, results in order (PS-8)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-store-'))
    const db = openDatabase(path.join(dir, 'safetymap.db'))
    const store = createSqliteDocStore(db)
    const countTail = (docId: string) =>
      db.prepare('SELECT COUNT(*) AS updates, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM doc_updates WHERE doc_id = ?').get(docId)
    try {
      const update = (n: number) => Uint8Array.of(0, 0, n)
      const appended = await store.appendUpdates!([
        { docId: 'a', update: update(1) },
        { docId: 'b', update: update(2) },
        { docId: 'a', update: update(3) },
      ])
      if (!appended.ok) throw new Error('group commit failed')
      expect(appended.value.map((r) => r.tail)).toEqual([
        { updates: 1, bytes: 3 },
        { updates: 1, bytes: 3 },
        { updates: 2, bytes: 6 },
      ])
      expect(appended.value[2]!.seq).toBeGreaterThan(appended.value[1]!.seq)
      expect(countTail('a')).toEqual({ updates: 2, bytes: 6 })

      // The second update of the group fails: the first, already inserted, is rolled back with it.
      db.exec("CREATE TRIGGER refuse BEFORE INSERT ON doc_updates WHEN NEW.doc_id = 'c' BEGIN SELECT RAISE(ABORT, 'disk full'); END")
      const refused = await store.appendUpdates!([
        { docId: 'b', update: update(4) },
        { docId: 'c', update: update(5) },
      ])
      expect(refused.ok).toBe(false)
      expect(countTail('b')).toEqual({ updates: 1, bytes: 3 })
      expect(await store.tailStats('b')).toEqual({ ok: true, value: { updates: 1, bytes: 3 } })
    } finally {
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps one epoch per incarnation of a doc: none before the first write, a new one after delete (PS-9)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-store-'))
    const file = path.join(dir, 'safetymap.db')
    const db = openDatabase(file)
    const store = createSqliteDocStore(db)
    try {
      expect(await store.loadEpoch!('m1')).toEqual({ ok: true, value: null })
      await store.appendUpdate('m1', Uint8Array.of(0, 0))
      const first = await store.loadEpoch!('m1')
      if (!first.ok || !first.value) throw new Error('no epoch')
      const other = openDatabase(file)
      expect(await createSqliteDocStore(other).loadEpoch!('m1')).toEqual(first)
      other.close()
      await store.delete('m1')
      expect(await store.loadEpoch!('m1')).toEqual({ ok: true, value: null })
      await store.appendUpdate('m1', Uint8Array.of(0, 0))
      const second = await store.loadEpoch!('m1')
      expect(second.ok && second.value).toBeTruthy()
      expect(second).not.toEqual(first)
    } finally {
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('opens the database in WAL mode with NORMAL sync, foreign keys and secure delete (PS-1, PS-2)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-store-'))
    const db = openDatabase(path.join(dir, 'safetymap.db'))
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('synchronous', { simple: true })).toBe(1)
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(db.pragma('secure_delete', { simple: true })).toBe(1)
    } finally {
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
