/**
 * Persistence of meeting documents (SPEC PS-1..PS-4): the {@link DocStore} interface, its SQLite
 * adapter (the zero-setup default) and its PostgreSQL adapter (`DATABASE_URL`), and the openers.
 *
 * ```ts
 * import { openDatabase, createSqliteDocStore } from './storage/index.ts'
 * const db = openDatabase(path.join(dataDir, 'safetymap.db'))
 * const store = createSqliteDocStore(db)
 * ```
 */
export {
  STORE_ERROR_CODES,
  type AppendedUpdate,
  type DocSnapshot,
  type DocStore,
  type PendingAppend,
  type StoreError,
  type StoreErrorCode,
  type StoreResult,
  type StoredDoc,
  type StoredTail,
  type TailStats,
} from './DocStore.ts'
export { createSqliteDocStore } from './sqliteDocStore.ts'
export { openDatabase, SQLITE_BUSY_TIMEOUT_MS } from './openDatabase.ts'
export { createPostgresDocStore } from './postgres/postgresDocStore.ts'
// Not `openPostgres`: it loads pg, which the SQLite default never needs (`openStores` imports it for DATABASE_URL).
export type { OpenPostgresOptions } from './postgres/openPostgres.ts'
export { inTransaction } from './postgres/inTransaction.ts'
