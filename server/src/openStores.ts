/**
 * Opens every store of a SafetyMap server on one backend: the embedded SQLite file
 * `DATA_DIR/safetymap.db` (the zero-setup default), or PostgreSQL when `DATABASE_URL` is set, so
 * several relay instances share accounts, meetings, documents and one audit chain (issue 9).
 * The server (`app.ts`) and the operator's CLI both open their stores here.
 *
 *   const stores = await openStores(config, { onIdleError: (err) => log.error({ err }, '…') })
 *   await stores.meetings.get(id)
 *   await stores.close()
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Config } from './config.ts'
import { createPostgresDocStore, createSqliteDocStore, openDatabase, type DocStore } from './storage/index.ts'
import { startWalCheckpoints, type WalCheckpointsOptions } from './storage/walCheckpoints.ts'
import { createWorkerStore, type WorkerStore } from './access/WorkerStore.ts'
import { createSessionStore, type SessionStore } from './access/SessionStore.ts'
import { createMeetingStore, type MeetingStore } from './meetings/MeetingStore.ts'
import { createAuditLog, type AuditLog } from './audit/AuditLog.ts'
import { createRatingStore, type RatingStore } from './ratings/index.ts'
import { createJournalStore, type SafetyJournalStore } from './journal/SafetyJournalStore.ts'
import { createPostgresWorkerStore } from './storage/postgres/postgresWorkerStore.ts'
import { createPostgresSessionStore } from './storage/postgres/postgresSessionStore.ts'
import { createPostgresMeetingStore } from './storage/postgres/postgresMeetingStore.ts'
import { createPostgresAuditLog } from './storage/postgres/postgresAuditLog.ts'
import { createPostgresRatingStore } from './storage/postgres/postgresRatingStore.ts'
import { createPostgresJournalStore } from './storage/postgres/postgresJournalStore.ts'

/** File name of the embedded database inside `DATA_DIR`. */
export const DATABASE_FILE = 'safetymap.db'

export interface Stores {
  readonly docs: DocStore
  readonly workers: WorkerStore
  readonly sessions: SessionStore
  readonly meetings: MeetingStore
  readonly audit: AuditLog
  readonly ratings: RatingStore
  readonly journal: SafetyJournalStore
  /** Closes the database (after the relay has flushed). */
  close(): Promise<void>
}

export interface OpenStoresOptions {
  /** A pooled PostgreSQL connection failed while idle; the pool replaces it. Unused for SQLite. */
  onIdleError(error: Error): void
  /**
   * SQLite only: checkpoint the WAL on a worker thread, off the event loop (the server). Left out,
   * SQLite checkpoints inside commits, which suits a short-lived process (the CLI).
   */
  readonly walCheckpoints?: WalCheckpointsOptions
}

/** Opens the stores `config` names; throws when the database cannot be opened or migrated. */
export async function openStores(config: Config, options: OpenStoresOptions): Promise<Stores> {
  if (config.databaseUrl) {
    // Loaded only here, so the SQLite default never holds the PostgreSQL driver in memory.
    const { openPostgres } = await import('./storage/postgres/openPostgres.ts')
    const pool = await openPostgres({ url: config.databaseUrl, onIdleError: options.onIdleError })
    return {
      docs: createPostgresDocStore(pool),
      workers: createPostgresWorkerStore(pool),
      sessions: createPostgresSessionStore(pool),
      meetings: createPostgresMeetingStore(pool),
      audit: createPostgresAuditLog(pool),
      ratings: createPostgresRatingStore(pool),
      journal: createPostgresJournalStore(pool),
      close: () => pool.end(),
    }
  }
  mkdirSync(config.dataDir, { recursive: true })
  const database = openDatabase(path.join(config.dataDir, DATABASE_FILE))
  const checkpoints = options.walCheckpoints ? startWalCheckpoints(database, options.walCheckpoints) : null
  return {
    docs: createSqliteDocStore(database),
    workers: createWorkerStore(database),
    sessions: createSessionStore(database),
    meetings: createMeetingStore(database),
    audit: createAuditLog(database),
    ratings: createRatingStore(database),
    journal: createJournalStore(database),
    close: async () => {
      await checkpoints?.stop()
      database.close()
    },
  }
}
