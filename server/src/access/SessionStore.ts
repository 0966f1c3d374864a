/**
 * Browser sessions: an opaque cookie secret, stored hashed, naming either a worker or a
 * meeting participant, with an expiry. Also usable as a Bearer token by programmatic clients.
 *
 *   const { token, expiresAt } = await sessions.create({ workerId, now })
 *   await sessions.resolve(token, now) // → { workerId } | { participantId } | { revoked } | null
 *   await sessions.revokeParticipants([participantId], 'removed', now)
 *
 * Revoking a participant deletes their sessions but keeps each token's hash (until it would have
 * expired) with the reason, so an old token gets a precise answer ("you were removed") instead of
 * a generic "sign in first".
 */
import type { Database } from 'better-sqlite3'
import { createSecret, hashSecret } from './secrets.ts'

/** A worker's browser session lasts a working day. */
export const WORKER_SESSION_TTL_MS = 12 * 60 * 60 * 1000

export type SessionOwner = { kind: 'worker'; workerId: string } | { kind: 'participant'; participantId: string }

/** Why a participant's sessions were ended by someone else. */
export const SESSION_REVOKE_REASONS = ['removed', 'meeting-ended'] as const
export type SessionRevokeReason = (typeof SESSION_REVOKE_REASONS)[number]

/** What a presented token turned out to be. */
export type SessionLookup = SessionOwner | { kind: 'revoked'; reason: SessionRevokeReason }

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  worker_id TEXT,
  participant_id TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  CHECK ((worker_id IS NULL) <> (participant_id IS NULL))
);
CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions (expires_at);
CREATE INDEX IF NOT EXISTS sessions_participant ON sessions (participant_id);
CREATE TABLE IF NOT EXISTS revoked_sessions (
  token_hash TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS revoked_sessions_participant ON revoked_sessions (participant_id);
`

type SessionOwnerColumns = { worker_id: string | null; participant_id: string | null }

/** The `worker_id` and `participant_id` of a session row, in that order: exactly one is set. */
export const sessionOwnerColumns = (owner: SessionOwner): [workerId: string | null, participantId: string | null] => [
  owner.kind === 'worker' ? owner.workerId : null,
  owner.kind === 'participant' ? owner.participantId : null,
]

/** Whom a session row names (null for a row naming neither, which the schema forbids). */
export function toSessionOwner(row: SessionOwnerColumns): SessionOwner | null {
  if (row.worker_id) return { kind: 'worker', workerId: row.worker_id }
  if (row.participant_id) return { kind: 'participant', participantId: row.participant_id }
  return null
}

/** Creates the session store over an open database. */
export function createSessionStore(db: Database) {
  db.exec(SCHEMA)
  const q = {
    insert: db.prepare('INSERT INTO sessions (token_hash, worker_id, participant_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    get: db.prepare<[string, number], SessionOwnerColumns>(
      'SELECT worker_id, participant_id FROM sessions WHERE token_hash = ? AND expires_at > ?',
    ),
    remove: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    purgeExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    purgeExpiredRevoked: db.prepare('DELETE FROM revoked_sessions WHERE expires_at <= ?'),
    revoked: db.prepare<[string, number], { reason: SessionRevokeReason }>(
      'SELECT reason FROM revoked_sessions WHERE token_hash = ? AND expires_at > ?',
    ),
    keepRevoked: db.prepare(
      `INSERT OR REPLACE INTO revoked_sessions (token_hash, participant_id, reason, expires_at)
       SELECT token_hash, participant_id, ?, expires_at FROM sessions WHERE participant_id = ?`,
    ),
    removeForParticipant: db.prepare('DELETE FROM sessions WHERE participant_id = ?'),
    forgetRevoked: db.prepare('DELETE FROM revoked_sessions WHERE participant_id = ?'),
  }
  return {
    /** Starts a session; the token is returned once and only its hash is kept. */
    async create(owner: SessionOwner, expiresAt: number, now: number): Promise<string> {
      const { secret, hash } = createSecret('session')
      q.purgeExpired.run(now)
      q.purgeExpiredRevoked.run(now)
      q.insert.run(hash, ...sessionOwnerColumns(owner), now, expiresAt)
      return secret
    },
    /** Who a token belongs to; `revoked` when someone ended it; null when unknown or expired. */
    async resolve(token: string, now: number): Promise<SessionLookup | null> {
      const hash = hashSecret(token)
      const row = q.get.get(hash, now)
      if (!row) {
        const revoked = q.revoked.get(hash, now)
        return revoked ? { kind: 'revoked', reason: revoked.reason } : null
      }
      return toSessionOwner(row)
    },
    async end(token: string): Promise<void> {
      q.remove.run(hashSecret(token))
    },
    /** Ends every session of these participants, remembering why; returns how many ended. */
    async revokeParticipants(participantIds: readonly string[], reason: SessionRevokeReason): Promise<number> {
      return db.transaction(() => {
        let ended = 0
        for (const id of participantIds) {
          q.keepRevoked.run(reason, id)
          ended += q.removeForParticipant.run(id).changes
        }
        return ended
      })()
    },
    /** Deletes every trace of these participants' sessions (retention purge). */
    async forgetParticipants(participantIds: readonly string[]): Promise<void> {
      db.transaction(() => {
        for (const id of participantIds) {
          q.removeForParticipant.run(id)
          q.forgetRevoked.run(id)
        }
      })()
    },
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>
