/**
 * The PostgreSQL {@link DocStore} adapter (PS-1, issue 9): the same append log + snapshot as the
 * SQLite adapter, shared by every relay instance that points at one database.
 *
 * ```
 * doc_heads     (doc_id PK, last_seq, tail_updates, tail_bytes, epoch)  -- per-doc counter, tail size, PS-9
 * doc_updates   (doc_id, seq, data bytea)  PK (doc_id, seq)      -- the tail
 * doc_snapshots (doc_id PK, state bytea, through_seq)            -- one merged state
 * ```
 *
 * Several processes append to one doc at once, so two rules keep "the snapshot holds every update
 * up to `through_seq`" true:
 * - An append takes the next `seq` from the doc's `doc_heads` row in the same statement that
 *   inserts the update; the row lock orders appends, so a doc's updates commit in `seq` order and
 *   no reader ever sees seq 11 while seq 10 is still uncommitted (a global sequence would allow
 *   that, and a compaction through 11 would then hide 10 forever).
 * - Compaction never trusts the caller's state alone: another instance's updates may not have
 *   reached it yet. It merges the caller's state with the stored snapshot and with every update it
 *   is about to delete, so a row leaves the tail only once its content is in the snapshot. The
 *   caller's state goes first so that its garbage-collected form wins where both describe the
 *   same structs (Yjs keeps the first of overlapping structs), keeping snapshots compact.
 *
 * ```ts
 * const store = createPostgresDocStore(await openPostgres({ url }))
 * await store.appendUpdate('m1', update)
 * ```
 */
import { randomUUID } from 'node:crypto'
import type { Pool } from 'pg'
import * as Y from 'yjs'
import {
  STORE_ERROR_CODES,
  type AppendedUpdate,
  type DocStore,
  type StoreErrorCode,
  type StoreResult,
  type StoredDoc,
  type StoredTail,
  type TailStats,
} from '../DocStore.ts'
import { inTransaction } from './inTransaction.ts'

/** The doc epoch (PS-9) lives on the head row, so it goes when the doc is deleted; migration 7. @public */
export const POSTGRES_DOC_EPOCH_SCHEMA = 'ALTER TABLE doc_heads ADD COLUMN epoch text'

/** Schema of this adapter, applied by {@link migratePostgres} as migration 1. @public */
export const POSTGRES_DOC_SCHEMA = `
CREATE TABLE doc_heads (
  doc_id text PRIMARY KEY,
  last_seq bigint NOT NULL DEFAULT 0,
  tail_updates bigint NOT NULL DEFAULT 0,
  tail_bytes bigint NOT NULL DEFAULT 0
);
CREATE TABLE doc_updates (
  doc_id text NOT NULL,
  seq bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (doc_id, seq)
);
CREATE TABLE doc_snapshots (
  doc_id text PRIMARY KEY,
  state bytea NOT NULL,
  through_seq bigint NOT NULL
);
`

// One statement, so the counter bump and the insert commit together and the row lock on the
// doc's head is held until both are durable.
const APPEND_SQL = `
WITH head AS (
  INSERT INTO doc_heads AS h (doc_id, last_seq, tail_updates, tail_bytes) VALUES ($1, 1, 1, $3)
  ON CONFLICT (doc_id) DO UPDATE
    SET last_seq = h.last_seq + 1, tail_updates = h.tail_updates + 1, tail_bytes = h.tail_bytes + $3
  RETURNING last_seq, tail_updates, tail_bytes
), appended AS (
  INSERT INTO doc_updates (doc_id, seq, data) SELECT $1, last_seq, $2 FROM head
)
SELECT last_seq, tail_updates, tail_bytes FROM head`

// One statement reads snapshot and tail from the same committed state; the snapshot row sorts first.
const LOAD_SQL = `
WITH snap AS (SELECT state, through_seq FROM doc_snapshots WHERE doc_id = $1)
SELECT NULL::bigint AS seq, state AS data, through_seq FROM snap
UNION ALL
SELECT u.seq, u.data, NULL FROM doc_updates u
WHERE u.doc_id = $1 AND u.seq > COALESCE((SELECT through_seq FROM snap), 0)
ORDER BY seq NULLS FIRST`

// The snapshot row (seq NULL) sorts first and says whether rows after $2 were merged away.
const LOAD_TAIL_SQL = `
SELECT NULL::bigint AS seq, NULL::bytea AS data, through_seq FROM doc_snapshots WHERE doc_id = $1
UNION ALL
SELECT seq, data, NULL FROM doc_updates WHERE doc_id = $1 AND seq > $2
ORDER BY seq NULLS FIRST`

const COMPACT_WRITE_SQL = `
WITH snap AS (
  INSERT INTO doc_snapshots (doc_id, state, through_seq) VALUES ($1, $2, $3)
  ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq
), gone AS (
  DELETE FROM doc_updates WHERE doc_id = $1 AND seq <= $3 RETURNING octet_length(data) AS bytes
)
UPDATE doc_heads
SET tail_updates = tail_updates - (SELECT count(*) FROM gone),
    tail_bytes = tail_bytes - (SELECT COALESCE(sum(bytes), 0) FROM gone)
WHERE doc_id = $1`

interface LoadRow {
  seq: string | null
  data: Uint8Array
  through_seq: string | null
}
interface HeadRow {
  last_seq: string
  tail_updates: string
  tail_bytes: string
}
interface SnapshotRow {
  state: Uint8Array
  through_seq: string
}

/** Raised inside the compaction transaction so it rolls back and reports STORE_CORRUPT_DOC. */
class CorruptRows extends Error {}

const ok = <T>(value: T): StoreResult<T> => ({ ok: true, value })
const fail = <T>(code: StoreErrorCode, cause: unknown): StoreResult<T> => ({ ok: false, error: { code, cause } })

/** Runs `work`, turning any throw into a failed {@link StoreResult} with `code`. */
async function attempt<T>(code: StoreErrorCode, work: () => Promise<T>): Promise<StoreResult<T>> {
  try {
    return ok(await work())
  } catch (error) {
    return fail(code, error)
  }
}

const tailOf = (row: Pick<HeadRow, 'tail_updates' | 'tail_bytes'>): TailStats => ({
  updates: Number(row.tail_updates),
  bytes: Number(row.tail_bytes),
})

/**
 * Creates the PostgreSQL doc store over a pool whose database {@link openPostgres} has migrated.
 * @public
 */
export function createPostgresDocStore(pool: Pool): DocStore {
  return {
    async load(docId) {
      const read = await attempt(STORE_ERROR_CODES.STORE_READ_FAILED, () => pool.query<LoadRow>(LOAD_SQL, [docId]))
      if (!read.ok) return read
      const rows = read.value.rows
      if (rows.length === 0) return ok<StoredDoc | null>(null)
      const snapshot = rows[0]?.seq === null ? rows[0] : undefined
      const tail = snapshot ? rows.slice(1) : rows
      let state: Uint8Array
      try {
        state = rows.length === 1 ? (rows[0] as LoadRow).data : Y.mergeUpdates(rows.map((row) => row.data))
      } catch (error) {
        return fail(STORE_ERROR_CODES.STORE_CORRUPT_DOC, error)
      }
      const last = tail[tail.length - 1]
      return ok<StoredDoc | null>({
        state,
        lastSeq: Number(last ? last.seq : snapshot?.through_seq),
        tail: { updates: tail.length, bytes: tail.reduce((sum, row) => sum + row.data.byteLength, 0) },
      })
    },

    async loadTail(docId, afterSeq) {
      const read = await attempt(STORE_ERROR_CODES.STORE_READ_FAILED, () => pool.query<LoadRow>(LOAD_TAIL_SQL, [docId, afterSeq]))
      if (!read.ok) return read
      const rows = read.value.rows
      if (rows[0]?.seq === null && Number(rows[0].through_seq) > afterSeq) return ok<StoredTail | null>(null)
      const tail = rows.filter((row) => row.seq !== null)
      const last = tail[tail.length - 1]
      return ok<StoredTail | null>({ updates: tail.map((row) => row.data), lastSeq: last ? Number(last.seq) : afterSeq })
    },

    async loadEpoch(docId) {
      return attempt(STORE_ERROR_CODES.STORE_READ_FAILED, async () => {
        const read = async () =>
          (await pool.query<{ epoch: string | null }>('SELECT epoch FROM doc_heads WHERE doc_id = $1', [docId])).rows[0]
        const head = await read()
        if (!head) return null
        if (head.epoch) return head.epoch
        // Created on first read, as in SQLite; if another instance set it first, theirs stands.
        const set = await pool.query<{ epoch: string }>(
          'UPDATE doc_heads SET epoch = $2 WHERE doc_id = $1 AND epoch IS NULL RETURNING epoch',
          [docId, randomUUID()],
        )
        return set.rows[0]?.epoch ?? (await read())?.epoch ?? null
      })
    },

    async appendUpdate(docId, update) {
      return attempt(STORE_ERROR_CODES.STORE_WRITE_FAILED, async () => {
        const result = await pool.query<HeadRow>(APPEND_SQL, [docId, update, update.byteLength])
        const head = result.rows[0] as HeadRow
        return { seq: Number(head.last_seq), tail: tailOf(head) }
      })
    },

    async appendUpdates(updates) {
      // Group commit (PS-8): one transaction, one WAL flush for the batch. The heads are locked
      // first in doc id order, so two instances committing batches of the same docs cannot deadlock.
      const docIds = [...new Set(updates.map((u) => u.docId))].sort()
      return attempt(STORE_ERROR_CODES.STORE_WRITE_FAILED, () =>
        inTransaction(pool, async (client) => {
          await client.query('INSERT INTO doc_heads (doc_id) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT (doc_id) DO NOTHING', [docIds])
          await client.query('SELECT 1 FROM doc_heads WHERE doc_id = ANY($1) ORDER BY doc_id FOR UPDATE', [docIds])
          const appended: AppendedUpdate[] = []
          for (const { docId, update } of updates) {
            const head = (await client.query<HeadRow>(APPEND_SQL, [docId, update, update.byteLength])).rows[0] as HeadRow
            appended.push({ seq: Number(head.last_seq), tail: tailOf(head) })
          }
          return appended
        }),
      )
    },

    async compact(docId, snapshot) {
      try {
        await inTransaction(pool, async (client) => {
          // Creating the head when missing lets a doc whose every append failed still be saved.
          await client.query('INSERT INTO doc_heads (doc_id) VALUES ($1) ON CONFLICT (doc_id) DO NOTHING', [docId])
          const head = await client.query<Pick<HeadRow, 'last_seq'>>('SELECT last_seq FROM doc_heads WHERE doc_id = $1 FOR UPDATE', [docId])
          const lastSeq = Number(head.rows[0]?.last_seq)
          // Read only once the lock is held: a join in the locking statement would hand back the
          // snapshot as it was before a concurrent compaction committed, and lose what that merged.
          const stored = (await client.query<SnapshotRow>('SELECT state, through_seq FROM doc_snapshots WHERE doc_id = $1', [docId])).rows[0]
          const storedThrough = Number(stored?.through_seq ?? 0)
          // Never past what exists (later appends would hide behind it), never backwards.
          const through = Math.max(storedThrough, Math.min(snapshot.throughSeq, lastSeq))
          const merged = await client.query<{ data: Uint8Array }>(
            'SELECT data FROM doc_updates WHERE doc_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq',
            [docId, storedThrough, through],
          )
          const parts = [snapshot.state, ...(stored ? [stored.state] : []), ...merged.rows.map((row) => row.data)]
          let state: Uint8Array
          try {
            state = parts.length === 1 ? snapshot.state : Y.mergeUpdates(parts)
          } catch (error) {
            throw new CorruptRows('stored rows do not merge', { cause: error })
          }
          await client.query(COMPACT_WRITE_SQL, [docId, state, through])
        })
        return ok(undefined)
      } catch (error) {
        if (error instanceof CorruptRows) return fail(STORE_ERROR_CODES.STORE_CORRUPT_DOC, error.cause)
        return fail(STORE_ERROR_CODES.STORE_WRITE_FAILED, error)
      }
    },

    async tailStats(docId) {
      return attempt(STORE_ERROR_CODES.STORE_READ_FAILED, async () => {
        const result = await pool.query<HeadRow>('SELECT tail_updates, tail_bytes FROM doc_heads WHERE doc_id = $1', [docId])
        const head = result.rows[0]
        return head ? tailOf(head) : { updates: 0, bytes: 0 }
      })
    },

    async hasDoc(docId) {
      return attempt(STORE_ERROR_CODES.STORE_READ_FAILED, async () => {
        const result = await pool.query<{ found: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM doc_snapshots WHERE doc_id = $1)
               OR EXISTS (SELECT 1 FROM doc_updates WHERE doc_id = $1) AS found`,
          [docId],
        )
        return result.rows[0]?.found === true
      })
    },

    async delete(docId) {
      return attempt(STORE_ERROR_CODES.STORE_WRITE_FAILED, () =>
        // The head row first: every writer of this doc locks it before touching the other tables.
        inTransaction(pool, async (client) => {
          await client.query('DELETE FROM doc_heads WHERE doc_id = $1', [docId])
          await client.query('DELETE FROM doc_snapshots WHERE doc_id = $1', [docId])
          await client.query('DELETE FROM doc_updates WHERE doc_id = $1', [docId])
        }),
      )
    },
  }
}
