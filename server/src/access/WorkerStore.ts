/**
 * Worker accounts, their API keys and one-time setup codes, in SQLite.
 * Secrets are stored only as SHA-256 hashes; passwords only as scrypt hashes.
 *
 *   const workers = createWorkerStore(db)
 *   const { worker, apiKey } = await workers.addWorker({ email, name, now })
 */
import type { Database } from 'better-sqlite3'
import { createId, createSecret, hashSecret } from './secrets.ts'
import { addMissingColumns } from '../meetings/addMissingColumns.ts'

/** A worker as the API shows it (never the password hash). */
export interface Worker {
  id: string
  email: string
  name: string
}

/** A setup code lets its holder set a password: for a known worker, or create the first worker. */
export interface SetupCode {
  workerId: string | null
  email: string | null
  name: string | null
}

/** An API key as its owner sees it: never the key itself, which is shown once at creation. */
export interface ApiKeyInfo {
  id: string
  label: string | null
  createdAt: number
  revokedAt: number | null
}

/** How long a printed setup link stays usable. */
export const SETUP_CODE_TTL_MS = 24 * 60 * 60 * 1000

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workers (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  password_hash TEXT,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY,
  worker_id TEXT NOT NULL REFERENCES workers(id) ON DELETE CASCADE,
  key_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS setup_codes (
  code_hash TEXT PRIMARY KEY,
  worker_id TEXT REFERENCES workers(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
`

/** Creates the worker store over an open database (tables are created when missing). */
export function createWorkerStore(db: Database) {
  db.exec(SCHEMA)
  addMissingColumns(db, 'api_keys', { label: 'TEXT' })
  const q = {
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM workers'),
    insert: db.prepare('INSERT INTO workers (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)'),
    byId: db.prepare<[string], Worker>('SELECT id, email, name FROM workers WHERE id = ?'),
    byEmail: db.prepare<[string], Worker & { password_hash: string | null }>(
      'SELECT id, email, name, password_hash FROM workers WHERE email = ?',
    ),
    setPassword: db.prepare('UPDATE workers SET password_hash = ? WHERE id = ?'),
    insertKey: db.prepare('INSERT INTO api_keys (id, worker_id, key_hash, created_at) VALUES (?, ?, ?, ?)'),
    workerByKey: db.prepare<[string], Worker>(
      `SELECT w.id, w.email, w.name FROM api_keys k JOIN workers w ON w.id = k.worker_id
       WHERE k.key_hash = ? AND k.revoked_at IS NULL`,
    ),
    insertLabelledKey: db.prepare('INSERT INTO api_keys (id, worker_id, key_hash, created_at, label) VALUES (?, ?, ?, ?, ?)'),
    keysOf: db.prepare<[string], { id: string; label: string | null; created_at: number; revoked_at: number | null }>(
      'SELECT id, label, created_at, revoked_at FROM api_keys WHERE worker_id = ? ORDER BY created_at',
    ),
    revokeKey: db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND worker_id = ? AND revoked_at IS NULL'),
    insertSetup: db.prepare('INSERT INTO setup_codes (code_hash, worker_id, expires_at) VALUES (?, ?, ?)'),
    dropOpenFirstSetup: db.prepare('DELETE FROM setup_codes WHERE worker_id IS NULL AND used_at IS NULL'),
    setupByHash: db.prepare<[string, number], { worker_id: string | null }>(
      'SELECT worker_id FROM setup_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
    ),
    useSetup: db.prepare('UPDATE setup_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL'),
  }

  return {
    /** True until the first worker exists. */
    async isEmpty(): Promise<boolean> {
      return (q.count.get()?.n ?? 0) === 0
    },
    async getWorker(id: string): Promise<Worker | null> {
      return q.byId.get(id) ?? null
    },
    /** Looks a worker up by email with the password hash, for sign-in only. */
    async findForSignIn(email: string): Promise<(Worker & { passwordHash: string | null }) | null> {
      const row = q.byEmail.get(email.trim())
      return row ? { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash } : null
    },
    /** Adds a worker (no password yet) with a fresh API key; the key is returned once. */
    async addWorker(input: { email: string; name: string; now: number }): Promise<{ worker: Worker; apiKey: string } | null> {
      const worker: Worker = { id: createId(), email: input.email.trim(), name: input.name.trim() }
      if (q.byEmail.get(worker.email)) return null
      const apiKey = createSecret('apiKey')
      db.transaction(() => {
        q.insert.run(worker.id, worker.email, worker.name, null, input.now)
        q.insertKey.run(createId(), worker.id, apiKey.hash, input.now)
      })()
      return { worker, apiKey: apiKey.secret }
    },
    /** A worker by email (for adding a co-facilitator), or null. */
    async findByEmail(email: string): Promise<Worker | null> {
      const row = q.byEmail.get(email.trim())
      return row ? { id: row.id, email: row.email, name: row.name } : null
    },
    /** Creates another API key for a worker; the key is returned once and only its hash is kept. */
    async createApiKey(input: { workerId: string; label: string | null; now: number }): Promise<{ info: ApiKeyInfo; apiKey: string }> {
      const key = createSecret('apiKey')
      const id = createId()
      q.insertLabelledKey.run(id, input.workerId, key.hash, input.now, input.label)
      return { info: { id, label: input.label, createdAt: input.now, revokedAt: null }, apiKey: key.secret }
    },
    async listApiKeys(workerId: string): Promise<ApiKeyInfo[]> {
      return q.keysOf.all(workerId).map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at }))
    },
    /** Revokes one of the worker's keys; false when it is not theirs or already revoked. */
    async revokeApiKey(input: { workerId: string; keyId: string; now: number }): Promise<boolean> {
      return q.revokeKey.run(input.now, input.keyId, input.workerId).changes === 1
    },
    async workerForApiKey(key: string): Promise<Worker | null> {
      return q.workerByKey.get(hashSecret(key)) ?? null
    },
    /**
     * Issues a one-time setup code: for `workerId` (set a password) or, with null, for creating the
     * first worker. A new first-worker code replaces any unused earlier one.
     */
    async issueSetupCode(workerId: string | null, now: number): Promise<string> {
      const code = createSecret('setup')
      db.transaction(() => {
        if (workerId === null) q.dropOpenFirstSetup.run()
        q.insertSetup.run(code.hash, workerId, now + SETUP_CODE_TTL_MS)
      })()
      return code.secret
    },
    /** What a setup code is for, or null if unknown, used or expired. */
    async inspectSetupCode(code: string, now: number): Promise<SetupCode | null> {
      const row = q.setupByHash.get(hashSecret(code), now)
      if (!row) return null
      if (row.worker_id === null) return { workerId: null, email: null, name: null }
      const worker = q.byId.get(row.worker_id)
      return worker ? { workerId: worker.id, email: worker.email, name: worker.name } : null
    },
    /**
     * Redeems a setup code: sets the password (creating the worker for a first-worker code).
     * Returns the worker, or null if the code is unusable or the email is taken.
     */
    async redeemSetupCode(input: {
      code: string
      passwordHash: string
      email: string | null
      name: string | null
      now: number
    }): Promise<Worker | null> {
      const codeHash = hashSecret(input.code)
      return db.transaction((): Worker | null => {
        const row = q.setupByHash.get(codeHash, input.now)
        if (!row) return null
        let worker: Worker | null
        if (row.worker_id === null) {
          if (!input.email || !input.name || q.byEmail.get(input.email.trim())) return null
          worker = { id: createId(), email: input.email.trim(), name: input.name.trim() }
          q.insert.run(worker.id, worker.email, worker.name, input.passwordHash, input.now)
        } else {
          worker = q.byId.get(row.worker_id) ?? null
          if (!worker) return null
          q.setPassword.run(input.passwordHash, worker.id)
        }
        q.useSetup.run(input.now, codeHash)
        return worker
      })()
    },
  }
}

export type WorkerStore = ReturnType<typeof createWorkerStore>
