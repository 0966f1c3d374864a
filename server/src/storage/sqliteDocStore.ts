/**
 * The default {@link DocStore} adapter (PS-1): two tables in the server's SQLite file.
 *
 * ```
 * doc_updates   (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT, data BLOB)  -- the tail
 * doc_snapshots (doc_id TEXT PRIMARY KEY, state BLOB, through_seq INTEGER)       -- one merged state
 * doc_epochs    (doc_id TEXT PRIMARY KEY, epoch TEXT)                            -- PS-9
 * ```
 *
 * `seq` is global and AUTOINCREMENT, so a number is never reused after compaction deleted rows;
 * a snapshot's `through_seq` therefore always separates "merged" from "still in the tail".
 * better-sqlite3 is synchronous: each call commits before it returns, and the promise it hands
 * back is already settled.
 *
 * ```ts
 * const store = createSqliteDocStore(openDatabase(file))
 * await store.appendUpdate('m1', update)
 * ```
 */
import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import * as Y from 'yjs'
import {
  STORE_ERROR_CODES,
  type AppendedUpdate,
  type DocSnapshot,
  type DocStore,
  type PendingAppend,
  type StoreErrorCode,
  type StoreResult,
  type StoredDoc,
  type StoredTail,
  type TailStats,
} from './DocStore.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS doc_snapshots (
  doc_id TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  through_seq INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id TEXT NOT NULL,
  data BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (doc_id, seq);
CREATE TABLE IF NOT EXISTS doc_epochs (
  doc_id TEXT PRIMARY KEY,
  epoch TEXT NOT NULL
) STRICT;
`

interface SnapshotRow {
  state: Uint8Array
  through_seq: number
}
interface UpdateRow {
  seq: number
  data: Uint8Array
}
interface TailRow {
  updates: number
  bytes: number
}

const ok = <T>(value: T): Promise<StoreResult<T>> => Promise.resolve({ ok: true, value })
const fail = <T>(code: StoreErrorCode, cause: unknown): Promise<StoreResult<T>> =>
  Promise.resolve({ ok: false, error: { code, cause } })

/**
 * Creates the SQLite doc store over a database opened by {@link openDatabase} (WAL). Creates its
 * tables if missing; throws only if that fails (the server must not boot without them).
 * @public
 */
export function createSqliteDocStore(db: Database): DocStore {
  db.exec(SCHEMA)

  const selectSnapshot = db.prepare<[string], SnapshotRow>(
    'SELECT state, through_seq FROM doc_snapshots WHERE doc_id = ?',
  )
  const selectThroughSeq = db.prepare<[string], Pick<SnapshotRow, 'through_seq'>>(
    'SELECT through_seq FROM doc_snapshots WHERE doc_id = ?',
  )
  const selectTail = db.prepare<[string, number], UpdateRow>(
    'SELECT seq, data FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
  )
  const selectTailStats = db.prepare<[string], TailRow>(
    'SELECT COUNT(*) AS updates, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM doc_updates WHERE doc_id = ?',
  )
  const insertUpdate = db.prepare<[string, Uint8Array]>('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)')
  // A stale compaction (lower through_seq) never replaces a newer snapshot.
  const upsertSnapshot = db.prepare<[string, Uint8Array, number]>(
    `INSERT INTO doc_snapshots (doc_id, state, through_seq) VALUES (?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq
     WHERE excluded.through_seq >= doc_snapshots.through_seq`,
  )
  const deleteTailThrough = db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?')
  const deleteSnapshot = db.prepare<[string]>('DELETE FROM doc_snapshots WHERE doc_id = ?')
  const deleteUpdates = db.prepare<[string]>('DELETE FROM doc_updates WHERE doc_id = ?')
  const selectExists = db.prepare<[string, string], { found: number }>(
    `SELECT EXISTS (SELECT 1 FROM doc_snapshots WHERE doc_id = ?)
         OR EXISTS (SELECT 1 FROM doc_updates WHERE doc_id = ?) AS found`,
  )

  // Tail sizes are counted once per doc (and after each compaction or delete), then kept up to
  // date on append: counting on every append scanned the whole tail, up to 500 rows per update.
  // Only this store appends to or compacts these tables, so the cache cannot go stale.
  const tailCache = new Map<string, TailStats>()
  const readTailStats = (docId: string): TailStats => {
    const cached = tailCache.get(docId)
    if (cached) return cached
    const row = selectTailStats.get(docId)
    const stats = { updates: row?.updates ?? 0, bytes: row?.bytes ?? 0 }
    tailCache.set(docId, stats)
    return stats
  }

  // One read transaction, so snapshot and tail come from the same committed state.
  const readDoc = db.transaction((docId: string) => {
    const snapshot = selectSnapshot.get(docId)
    const throughSeq = snapshot?.through_seq ?? 0
    const tail = selectTail.all(docId, throughSeq)
    return { snapshot, throughSeq, tail }
  })

  // One read transaction: the snapshot's through_seq tells whether the rows after `afterSeq` are all still there.
  const readTailAfter = db.transaction((docId: string, afterSeq: number): StoredTail | null => {
    const throughSeq = selectThroughSeq.get(docId)?.through_seq ?? 0
    if (throughSeq > afterSeq) return null
    const rows = selectTail.all(docId, afterSeq)
    return { updates: rows.map((row) => row.data), lastSeq: rows[rows.length - 1]?.seq ?? afterSeq }
  })

  const insertOne = (docId: string, update: Uint8Array): AppendedUpdate => {
    const before = readTailStats(docId)
    const seq = Number(insertUpdate.run(docId, update).lastInsertRowid)
    return { seq, tail: { updates: before.updates + 1, bytes: before.bytes + update.byteLength } }
  }
  const appendTx = db.transaction(insertOne)

  // A group commit (PS-8): one transaction, so one WAL commit for a whole tick of updates.
  const appendManyTx = db.transaction((updates: readonly PendingAppend[]) => updates.map(({ docId, update }) => {
    const appended = insertOne(docId, update)
    tailCache.set(docId, appended.tail)
    return appended
  }))

  const compactTx = db.transaction((docId: string, snapshot: DocSnapshot) => {
    upsertSnapshot.run(docId, snapshot.state, snapshot.throughSeq)
    deleteTailThrough.run(docId, snapshot.throughSeq)
  })

  const selectEpoch = db.prepare<[string], { epoch: string }>('SELECT epoch FROM doc_epochs WHERE doc_id = ?')
  const insertEpoch = db.prepare<[string, string]>('INSERT INTO doc_epochs (doc_id, epoch) VALUES (?, ?)')
  const deleteEpoch = db.prepare<[string]>('DELETE FROM doc_epochs WHERE doc_id = ?')
  // Created on first read rather than on every append: the hot path stays one INSERT per update.
  const epochTx = db.transaction((docId: string): string | null => {
    const existing = selectEpoch.get(docId)
    if (existing) return existing.epoch
    if (selectExists.get(docId, docId)?.found !== 1) return null
    const epoch = randomUUID()
    insertEpoch.run(docId, epoch)
    return epoch
  })

  const deleteTx = db.transaction((docId: string) => {
    deleteSnapshot.run(docId)
    deleteUpdates.run(docId)
    deleteEpoch.run(docId)
  })

  return {
    load(docId) {
      let read: ReturnType<typeof readDoc>
      try {
        read = readDoc(docId)
      } catch (error) {
        return fail(STORE_ERROR_CODES.STORE_READ_FAILED, error)
      }
      const { snapshot, throughSeq, tail } = read
      if (!snapshot && tail.length === 0) return ok<StoredDoc | null>(null)
      const parts = [...(snapshot ? [snapshot.state] : []), ...tail.map((row) => row.data)]
      let state: Uint8Array
      try {
        state = parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts)
      } catch (error) {
        return fail(STORE_ERROR_CODES.STORE_CORRUPT_DOC, error)
      }
      const last = tail[tail.length - 1]
      return ok<StoredDoc | null>({
        state,
        lastSeq: last ? last.seq : throughSeq,
        tail: { updates: tail.length, bytes: tail.reduce((sum, row) => sum + row.data.byteLength, 0) },
      })
    },

    loadTail(docId, afterSeq) {
      try {
        return ok(readTailAfter(docId, afterSeq))
      } catch (error) {
        return fail(STORE_ERROR_CODES.STORE_READ_FAILED, error)
      }
    },

    appendUpdate(docId, update) {
      try {
        const appended = appendTx(docId, update)
        tailCache.set(docId, appended.tail)
        return ok(appended)
      } catch (error) {
        tailCache.delete(docId)
        return fail(STORE_ERROR_CODES.STORE_WRITE_FAILED, error)
      }
    },

    appendUpdates(updates) {
      try {
        return ok(appendManyTx(updates))
      } catch (error) {
        // The transaction rolled back, yet the cache may have counted some of it.
        for (const { docId } of updates) tailCache.delete(docId)
        return fail(STORE_ERROR_CODES.STORE_WRITE_FAILED, error)
      }
    },

    loadEpoch(docId) {
      try {
        return ok(epochTx(docId))
      } catch (error) {
        return fail(STORE_ERROR_CODES.STORE_READ_FAILED, error)
      }
    },

    compact(docId, snapshot) {
      try {
        tailCache.delete(docId)
        compactTx(docId, snapshot)
        return ok(undefined)
      } catch (error) {
        return fail(STORE_ERROR_CODES.STORE_WRITE_FAILED, error)
      }
    },

    tailStats(docId) {
      try {
        return ok(readTailStats(docId))
      } catch (error) {
        return fail(STORE_ERROR_CODES.STORE_READ_FAILED, error)
      }
    },

    hasDoc(docId) {
      try {
        return ok(selectExists.get(docId, docId)?.found === 1)
      } catch (error) {
        return fail(STORE_ERROR_CODES.STORE_READ_FAILED, error)
      }
    },

    delete(docId) {
      try {
        tailCache.delete(docId)
        deleteTx(docId)
        return ok(undefined)
      } catch (error) {
        return fail(STORE_ERROR_CODES.STORE_WRITE_FAILED, error)
      }
    },
  }
}
