/**
 * Persistence of meeting documents (SPEC PS-1..PS-4): the {@link DocStore} interface, its SQLite
 * adapter, and the shared database opener.
 *
 * ```ts
 * import { openDatabase, createSqliteDocStore } from './storage/index.ts'
 * const db = openDatabase(path.join(dataDir, 'safetymap.db'))
 * const store = createSqliteDocStore(db)
 * ```
 */
export {
  STORE_ERROR_CODES,
  type DocSnapshot,
  type DocStore,
  type StoreError,
  type StoreErrorCode,
  type StoreResult,
  type StoredDoc,
  type TailStats,
} from './DocStore.ts'
export { createSqliteDocStore } from './sqliteDocStore.ts'
export { openDatabase, SQLITE_BUSY_TIMEOUT_MS } from './openDatabase.ts'
