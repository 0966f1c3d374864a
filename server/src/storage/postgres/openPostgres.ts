/**
 * Connects a SafetyMap server to PostgreSQL (`DATABASE_URL`, issue 9): one connection pool shared
 * by every store, with the schema migrated before anything reads it.
 *
 * ```ts
 * const pool = await openPostgres({ url: config.databaseUrl, onIdleError: (err) => log.error({ err }) })
 * const store = createPostgresDocStore(pool)
 * ```
 */
import pg from 'pg'
import { migratePostgres } from './migratePostgres.ts'
import { POSTGRES_MIGRATIONS } from './postgresMigrations.ts'

/** Connections one server process keeps at most; several instances share the database's limit. @public */
export const POSTGRES_POOL_MAX_CONNECTIONS = 10

// Epoch milliseconds, counts and sequence numbers are bigint columns; all stay far below 2^53, so
// they come back as numbers like SQLite's, not as pg's default strings. Set per pool, not globally.
const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser

/** @public */
export interface OpenPostgresOptions {
  /** A `postgres://` or `postgresql://` URL. */
  readonly url: string
  /**
   * Called when an idle pooled connection fails (database restart, network drop). The pool drops
   * that connection and opens a new one on the next query; without a listener Node would crash.
   */
  readonly onIdleError: (error: Error) => void
}

/**
 * Opens the pool and applies pending migrations. Throws (after closing the pool) when the
 * database is unreachable or a migration fails: a server must not boot without its tables.
 * @public
 */
export async function openPostgres(options: OpenPostgresOptions): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: options.url, max: POSTGRES_POOL_MAX_CONNECTIONS, types: { getTypeParser } })
  pool.on('error', options.onIdleError)
  try {
    await migratePostgres(pool, POSTGRES_MIGRATIONS)
  } catch (error) {
    await pool.end()
    throw error
  }
  return pool
}
