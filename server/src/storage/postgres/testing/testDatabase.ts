/**
 * A fresh, empty PostgreSQL database per test file, so test files running in parallel never see
 * each other's rows. Needs `DATABASE_URL` pointing at a server where that role may create
 * databases (`.ci/run` sets it to the local service).
 *
 * ```ts
 * const database = await createTestDatabase(process.env.DATABASE_URL!)
 * // … use database.url …
 * await database.drop()
 * ```
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface TestDatabase {
  /** URL of the new database (same server and credentials as the admin URL). */
  readonly url: string
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>
}

/**
 * An `onIdleError` for store tests: keeps what idle pooled connections report, for the test to
 * expect none. It does not throw: pg's `pool.end()` resolves before its sockets close, so a pool
 * ended just before its database is dropped can still hear the server's "terminating connection".
 *
 *   const idle = idleErrors()
 *   afterEach(() => expect(idle.errors).toEqual([]))
 *   await openPostgres({ url, onIdleError: idle.onIdleError })
 */
export function idleErrors(): { readonly errors: Error[]; readonly onIdleError: (error: Error) => void } {
  const errors: Error[] = []
  return { errors, onIdleError: (error) => errors.push(error) }
}

/** Why PostgreSQL tests are skipped when `DATABASE_URL` is not set; printed once per file. */
export function skipReasonWithoutPostgres(what: string): string | null {
  if (process.env.DATABASE_URL) return null
  const reason = `skipping ${what}: DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/postgres)`
  console.log(reason)
  return reason
}

async function asAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Test databases older than this are left over from a crashed or unfinished run, and dropped. */
const STALE_TEST_DATABASE_MS = 6 * 60 * 60 * 1000
const TEST_DATABASE_NAME = /^sm_test_(\d+)_[0-9a-f]+$/

/** Drops test databases created more than {@link STALE_TEST_DATABASE_MS} ago (their name holds the time). */
async function dropStaleTestDatabases(client: pg.Client, now: number): Promise<void> {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'sm_test_%'")
  for (const { datname } of rows) {
    const createdSeconds = TEST_DATABASE_NAME.exec(datname)?.[1]
    if (createdSeconds && now - Number(createdSeconds) * 1000 > STALE_TEST_DATABASE_MS) {
      // Another run may be dropping it at the same moment; either way it goes.
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined)
    }
  }
}

/**
 * Creates `sm_test_<unix seconds>_<random>` on the server of `adminUrl`. Servers a test restarts
 * keep their database, so not every one is dropped by its test; stale ones go on a later run.
 */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const now = Date.now()
  const name = `sm_test_${Math.floor(now / 1000)}_${randomBytes(6).toString('hex')}`
  await asAdmin(adminUrl, async (client) => {
    await dropStaleTestDatabases(client, now)
    await client.query(`CREATE DATABASE ${name}`)
  })
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => asAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  }
}
