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
    async refuseAppends(onlyDocId) {
      const when = onlyDocId === undefined ? '' : `WHEN NEW.doc_id = '${onlyDocId}'`
      db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON doc_updates ${when} BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    },
    async close() {
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

describe('SQLite doc store', () => {
  docStoreContract(async () => openSqliteHarness())

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
