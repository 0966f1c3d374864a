/**
 * Schema migrations for PostgreSQL, run on every start (issue 9): each migration is applied once,
 * in version order, and recorded in `schema_migrations`. Several relay instances may start at the
 * same moment, so the whole run holds one transaction-scoped advisory lock: the first instance
 * migrates, the others wait and then find nothing left to do.
 *
 * ```ts
 * await migratePostgres(pool, POSTGRES_MIGRATIONS)
 * ```
 */
import type { Pool } from 'pg'
import { inTransaction } from './inTransaction.ts'

/** One schema step. Versions are never renumbered or edited once shipped; add a new one. @public */
export interface PostgresMigration {
  readonly version: number
  readonly name: string
  readonly sql: string
}

/** Advisory lock key held while migrating ("SMAP" in ASCII); any constant works if it never changes. */
const MIGRATION_LOCK_KEY = 0x534d4150

/**
 * Applies every migration not yet recorded, in one transaction. Returns the versions it applied
 * (empty when the schema was already current). Throws on failure: a server must not boot on a
 * half-known schema.
 * @public
 */
export async function migratePostgres(pool: Pool, migrations: readonly PostgresMigration[]): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const done = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
    const applied = new Set(done.rows.map((row) => row.version))
    const pending = [...migrations].filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version)
    for (const migration of pending) {
      await client.query(migration.sql)
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
    }
    return pending.map((m) => m.version)
  })
}
