/**
 * The hash-chained audit log in PostgreSQL: the same entries and chain as the SQLite
 * {@link createAuditLog}. Several relay instances append to one table, so each append holds a
 * transaction-scoped advisory lock while it reads the chain head and inserts the next entry: the
 * log stays one chain, in `seq` order, whichever instance wrote each entry.
 *
 * ```ts
 * const audit = createPostgresAuditLog(pool)
 * await audit.record({ action: 'meeting.created', actor: { kind: 'worker', id }, meetingId, now })
 * ```
 */
import type { Pool } from 'pg'
import { AUDIT_GENESIS_HASH, auditEntryHash, toAuditEntry, toUnchainedAuditRow, type AuditLog, type AuditRow } from '../../audit/AuditLog.ts'
import { inTransaction } from './inTransaction.ts'

/** @public */
export const POSTGRES_AUDIT_SCHEMA = `
CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at bigint NOT NULL,
  action text NOT NULL,
  actor_kind text NOT NULL,
  actor_id text NOT NULL,
  meeting_id text,
  subject_id text,
  details text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_meeting ON audit_log (meeting_id, seq);
`

/** Advisory lock key of the chain head ("SMAU" in ASCII). */
const AUDIT_CHAIN_LOCK_KEY = 0x534d4155
/** Rows read per round trip when walking the chain. */
const VERIFY_BATCH_ROWS = 1_000

/** @public */
export function createPostgresAuditLog(pool: Pool): AuditLog {
  return {
    async record(input) {
      const row = toUnchainedAuditRow(input)
      await inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY])
        const last = await client.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1')
        const prevHash = last.rows[0]?.hash ?? AUDIT_GENESIS_HASH
        await client.query(
          `INSERT INTO audit_log (at, action, actor_kind, actor_id, meeting_id, subject_id, details, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [row.at, row.action, row.actor_kind, row.actor_id, row.meeting_id, row.subject_id, row.details, prevHash, auditEntryHash(prevHash, row)],
        )
      })
    },
    async forMeeting(meetingId) {
      const { rows } = await pool.query<AuditRow>('SELECT * FROM audit_log WHERE meeting_id = $1 ORDER BY seq', [meetingId])
      return rows.map(toAuditEntry)
    },
    async all() {
      const { rows } = await pool.query<AuditRow>('SELECT * FROM audit_log ORDER BY seq')
      return rows.map(toAuditEntry)
    },
    async verify() {
      let prev = AUDIT_GENESIS_HASH
      let afterSeq = 0
      for (;;) {
        const { rows } = await pool.query<AuditRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, VERIFY_BATCH_ROWS])
        for (const row of rows) {
          if (row.prev_hash !== prev || row.hash !== auditEntryHash(prev, row)) return { ok: false, brokenAtSeq: row.seq }
          prev = row.hash
          afterSeq = row.seq
        }
        if (rows.length < VERIFY_BATCH_ROWS) return { ok: true }
      }
    },
  }
}
