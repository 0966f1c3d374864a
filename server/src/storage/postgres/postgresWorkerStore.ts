/**
 * Worker accounts, API keys and one-time setup codes in PostgreSQL: the same behaviour as the
 * SQLite {@link createWorkerStore}. Emails are unique whatever their case, as there.
 *
 * ```ts
 * const workers = createPostgresWorkerStore(pool)
 * const added = await workers.addWorker({ email, name, now })
 * ```
 */
import type { Pool } from 'pg'
import { createId, createSecret, hashSecret } from '../../access/secrets.ts'
import { SETUP_CODE_TTL_MS, type Worker, type WorkerStore } from '../../access/WorkerStore.ts'
import { inTransaction } from './inTransaction.ts'

/** @public */
export const POSTGRES_WORKER_SCHEMA = `
CREATE TABLE workers (
  id text PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text,
  created_at bigint NOT NULL
);
CREATE UNIQUE INDEX workers_email ON workers (lower(email));
CREATE TABLE api_keys (
  id text PRIMARY KEY,
  worker_id text NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
  key_hash text NOT NULL UNIQUE,
  created_at bigint NOT NULL,
  revoked_at bigint,
  label text
);
CREATE INDEX api_keys_worker ON api_keys (worker_id, created_at);
CREATE TABLE setup_codes (
  code_hash text PRIMARY KEY,
  worker_id text REFERENCES workers(id) ON DELETE CASCADE,
  expires_at bigint NOT NULL,
  used_at bigint
);
`

/** SQLSTATE of a unique-constraint violation: another instance added the same email first. */
const UNIQUE_VIOLATION = '23505'
const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION

/** Rolls the redeem transaction back, so the claimed code is not spent. */
class RefusedRedeem extends Error {}

type WorkerRow = Worker & { password_hash: string | null }
const BY_EMAIL_SQL = 'SELECT id, email, name, password_hash FROM workers WHERE lower(email) = lower($1)'

/** @public */
export function createPostgresWorkerStore(pool: Pool): WorkerStore {
  const byEmail = async (email: string): Promise<WorkerRow | null> =>
    (await pool.query<WorkerRow>(BY_EMAIL_SQL, [email.trim()])).rows[0] ?? null
  const byId = async (id: string): Promise<Worker | null> =>
    (await pool.query<Worker>('SELECT id, email, name FROM workers WHERE id = $1', [id])).rows[0] ?? null

  return {
    async isEmpty() {
      return (await pool.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM workers) AS empty')).rows[0]?.empty === true
    },
    getWorker: byId,
    async findForSignIn(email) {
      const row = await byEmail(email)
      return row ? { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash } : null
    },
    async addWorker(input) {
      const worker: Worker = { id: createId(), email: input.email.trim(), name: input.name.trim() }
      const apiKey = createSecret('apiKey')
      try {
        await inTransaction(pool, async (client) => {
          await client.query('INSERT INTO workers (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, NULL, $4)', [
            worker.id, worker.email, worker.name, input.now,
          ])
          await client.query('INSERT INTO api_keys (id, worker_id, key_hash, created_at) VALUES ($1, $2, $3, $4)', [
            createId(), worker.id, apiKey.hash, input.now,
          ])
        })
      } catch (error) {
        if (isUniqueViolation(error)) return null
        throw error
      }
      return { worker, apiKey: apiKey.secret }
    },
    async findByEmail(email) {
      const row = await byEmail(email)
      return row ? { id: row.id, email: row.email, name: row.name } : null
    },
    async createApiKey(input) {
      const key = createSecret('apiKey')
      const id = createId()
      await pool.query('INSERT INTO api_keys (id, worker_id, key_hash, created_at, label) VALUES ($1, $2, $3, $4, $5)', [
        id, input.workerId, key.hash, input.now, input.label,
      ])
      return { info: { id, label: input.label, createdAt: input.now, revokedAt: null }, apiKey: key.secret }
    },
    async listApiKeys(workerId) {
      const { rows } = await pool.query<{ id: string; label: string | null; created_at: number; revoked_at: number | null }>(
        'SELECT id, label, created_at, revoked_at FROM api_keys WHERE worker_id = $1 ORDER BY created_at',
        [workerId],
      )
      return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at }))
    },
    async revokeApiKey(input) {
      const result = await pool.query('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND worker_id = $3 AND revoked_at IS NULL', [
        input.now, input.keyId, input.workerId,
      ])
      return result.rowCount === 1
    },
    async workerForApiKey(key) {
      const { rows } = await pool.query<Worker>(
        `SELECT w.id, w.email, w.name FROM api_keys k JOIN workers w ON w.id = k.worker_id
         WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
        [hashSecret(key)],
      )
      return rows[0] ?? null
    },
    async issueSetupCode(workerId, now) {
      const code = createSecret('setup')
      await inTransaction(pool, async (client) => {
        if (workerId === null) await client.query('DELETE FROM setup_codes WHERE worker_id IS NULL AND used_at IS NULL')
        await client.query('INSERT INTO setup_codes (code_hash, worker_id, expires_at) VALUES ($1, $2, $3)', [
          code.hash, workerId, now + SETUP_CODE_TTL_MS,
        ])
      })
      return code.secret
    },
    async inspectSetupCode(code, now) {
      const { rows } = await pool.query<{ worker_id: string | null }>(
        'SELECT worker_id FROM setup_codes WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2',
        [hashSecret(code), now],
      )
      const row = rows[0]
      if (!row) return null
      if (row.worker_id === null) return { workerId: null, email: null, name: null }
      const worker = await byId(row.worker_id)
      return worker ? { workerId: worker.id, email: worker.email, name: worker.name } : null
    },
    async redeemSetupCode(input) {
      const codeHash = hashSecret(input.code)
      try {
        return await inTransaction(pool, async (client) => {
          // Claiming the code first (row lock until commit) lets only one racing request redeem it.
          const claimed = await client.query<{ worker_id: string | null }>(
            'UPDATE setup_codes SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING worker_id',
            [input.now, codeHash],
          )
          const row = claimed.rows[0]
          if (!row) return null
          if (row.worker_id === null) {
            if (!input.email || !input.name) throw new RefusedRedeem()
            const worker: Worker = { id: createId(), email: input.email.trim(), name: input.name.trim() }
            await client.query('INSERT INTO workers (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)', [
              worker.id, worker.email, worker.name, input.passwordHash, input.now,
            ])
            return worker
          }
          const worker = (await client.query<Worker>('SELECT id, email, name FROM workers WHERE id = $1', [row.worker_id])).rows[0]
          if (!worker) throw new RefusedRedeem()
          await client.query('UPDATE workers SET password_hash = $1 WHERE id = $2', [input.passwordHash, worker.id])
          return worker
        })
      } catch (error) {
        // The code stays unused when the redeem is refused (missing name, email taken, worker gone).
        if (error instanceof RefusedRedeem || isUniqueViolation(error)) return null
        throw error
      }
    },
  }
}
