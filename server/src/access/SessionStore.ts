/**
 * Browser sessions: an opaque cookie secret, stored hashed, naming either a worker or a
 * meeting participant, with an expiry. Also usable as a Bearer token by programmatic clients.
 *
 *   const { token, expiresAt } = sessions.create({ workerId, now })
 *   sessions.resolve(token, now) // → { workerId } | { participantId } | null
 */
import type { Database } from 'better-sqlite3'
import { createSecret, hashSecret } from './secrets.ts'

/** A worker's browser session lasts a working day. */
export const WORKER_SESSION_TTL_MS = 12 * 60 * 60 * 1000

export type SessionOwner = { kind: 'worker'; workerId: string } | { kind: 'participant'; participantId: string }

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
`

/** Creates the session store over an open database. */
export function createSessionStore(db: Database) {
  db.exec(SCHEMA)
  const q = {
    insert: db.prepare('INSERT INTO sessions (token_hash, worker_id, participant_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    get: db.prepare<[string, number], { worker_id: string | null; participant_id: string | null }>(
      'SELECT worker_id, participant_id FROM sessions WHERE token_hash = ? AND expires_at > ?',
    ),
    remove: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    purgeExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
  }
  return {
    /** Starts a session; the token is returned once and only its hash is kept. */
    create(owner: SessionOwner, expiresAt: number, now: number): string {
      const { secret, hash } = createSecret('session')
      q.purgeExpired.run(now)
      q.insert.run(
        hash,
        owner.kind === 'worker' ? owner.workerId : null,
        owner.kind === 'participant' ? owner.participantId : null,
        now,
        expiresAt,
      )
      return secret
    },
    resolve(token: string, now: number): SessionOwner | null {
      const row = q.get.get(hashSecret(token), now)
      if (!row) return null
      if (row.worker_id) return { kind: 'worker', workerId: row.worker_id }
      if (row.participant_id) return { kind: 'participant', participantId: row.participant_id }
      return null
    },
    end(token: string): void {
      q.remove.run(hashSecret(token))
    },
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>
