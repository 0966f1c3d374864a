/**
 * Browser sessions in PostgreSQL: the same behaviour as the SQLite {@link createSessionStore},
 * so a session started on one relay instance is valid on every other one.
 *
 * ```ts
 * const sessions = createPostgresSessionStore(pool)
 * const token = await sessions.create({ kind: 'worker', workerId }, expiresAt, now)
 * ```
 */
import type { Pool } from 'pg'
import { createSecret, hashSecret } from '../../access/secrets.ts'
import { sessionOwnerColumns, toSessionOwner, type SessionRevokeReason, type SessionStore } from '../../access/SessionStore.ts'
import { inTransaction } from './inTransaction.ts'

/** @public */
export const POSTGRES_SESSION_SCHEMA = `
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  worker_id text,
  participant_id text,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  CHECK ((worker_id IS NULL) <> (participant_id IS NULL))
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
CREATE INDEX sessions_participant ON sessions (participant_id);
CREATE TABLE revoked_sessions (
  token_hash text PRIMARY KEY,
  participant_id text NOT NULL,
  reason text NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX revoked_sessions_participant ON revoked_sessions (participant_id);
CREATE INDEX revoked_sessions_expiry ON revoked_sessions (expires_at);
`

/** @public */
export function createPostgresSessionStore(pool: Pool): SessionStore {
  return {
    async create(owner, expiresAt, now) {
      const { secret, hash } = createSecret('session')
      await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now])
      await pool.query('DELETE FROM revoked_sessions WHERE expires_at <= $1', [now])
      await pool.query('INSERT INTO sessions (token_hash, worker_id, participant_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        hash, ...sessionOwnerColumns(owner), now, expiresAt,
      ])
      return secret
    },
    async resolve(token, now) {
      const hash = hashSecret(token)
      const { rows } = await pool.query<{ worker_id: string | null; participant_id: string | null }>(
        'SELECT worker_id, participant_id FROM sessions WHERE token_hash = $1 AND expires_at > $2',
        [hash, now],
      )
      const row = rows[0]
      if (!row) {
        const revoked = await pool.query<{ reason: SessionRevokeReason }>(
          'SELECT reason FROM revoked_sessions WHERE token_hash = $1 AND expires_at > $2',
          [hash, now],
        )
        const reason = revoked.rows[0]?.reason
        return reason ? { kind: 'revoked', reason } : null
      }
      return toSessionOwner(row)
    },
    async end(token) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [hashSecret(token)])
    },
    async revokeParticipants(participantIds, reason) {
      if (participantIds.length === 0) return 0
      return inTransaction(pool, async (client) => {
        const ids = [...participantIds]
        await client.query(
          `INSERT INTO revoked_sessions (token_hash, participant_id, reason, expires_at)
           SELECT token_hash, participant_id, $1, expires_at FROM sessions WHERE participant_id = ANY($2)
           ON CONFLICT (token_hash) DO UPDATE SET participant_id = excluded.participant_id, reason = excluded.reason, expires_at = excluded.expires_at`,
          [reason, ids],
        )
        return (await client.query('DELETE FROM sessions WHERE participant_id = ANY($1)', [ids])).rowCount ?? 0
      })
    },
    async forgetParticipants(participantIds) {
      if (participantIds.length === 0) return
      await inTransaction(pool, async (client) => {
        const ids = [...participantIds]
        await client.query('DELETE FROM sessions WHERE participant_id = ANY($1)', [ids])
        await client.query('DELETE FROM revoked_sessions WHERE participant_id = ANY($1)', [ids])
      })
    },
  }
}
