import type { Pool } from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest'
import { storeContract, type ServerStores } from '../testing/storeContract.ts'
import { openPostgres } from './openPostgres.ts'
import { createPostgresAuditLog } from './postgresAuditLog.ts'
import { createPostgresMeetingStore } from './postgresMeetingStore.ts'
import { createPostgresRatingStore } from './postgresRatingStore.ts'
import { createPostgresJournalStore } from './postgresJournalStore.ts'
import { createPostgresSessionStore } from './postgresSessionStore.ts'
import { createPostgresWorkerStore } from './postgresWorkerStore.ts'
import { createTestDatabase, idleErrors, skipReasonWithoutPostgres, type TestDatabase } from './testing/testDatabase.ts'

const skipReason = skipReasonWithoutPostgres('the PostgreSQL store tests')
const idle = idleErrors()

const postgresStores = (pool: Pool): ServerStores => ({
  workers: createPostgresWorkerStore(pool),
  sessions: createPostgresSessionStore(pool),
  meetings: createPostgresMeetingStore(pool),
  audit: createPostgresAuditLog(pool),
  ratings: createPostgresRatingStore(pool),
  journal: createPostgresJournalStore(pool),
})

describe.skipIf(skipReason !== null)('PostgreSQL stores', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase(process.env.DATABASE_URL as string)
  })
  // A connection that failed while idle would have failed a real server's next query.
  afterEach(() => expect(idle.errors).toEqual([]))
  afterAll(async () => {
    await database?.drop()
  })

  // "Another instance" is a second pool: its own connections, as a second relay process has.
  storeContract(async () => {
    const pool = await openPostgres({ url: database.url, onIdleError: idle.onIdleError })
    // One database per file: every test starts from empty tables and audit seq 1.
    const { rows } = await pool.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
    )
    await pool.query(`TRUNCATE ${rows.map((r) => r.tablename).join(', ')} RESTART IDENTITY CASCADE`)
    return {
      stores: postgresStores(pool),
      async openAnother() {
        const other = await openPostgres({ url: database.url, onIdleError: idle.onIdleError })
        return { stores: postgresStores(other), close: () => other.end() }
      },
      async sql(statement) {
        return (await pool.query(statement)).rows as Record<string, unknown>[]
      },
      close: () => pool.end(),
    }
  })
})
