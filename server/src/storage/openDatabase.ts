/**
 * Opens the one SQLite file of a SafetyMap server (`DATA_DIR/safetymap.db`) with the settings
 * every table in it relies on. The relay's doc store and the HTTP layer's own stores share it.
 *
 * ```ts
 * const db = openDatabase(path.join(config.dataDir, 'safetymap.db'))
 * const store = createSqliteDocStore(db)
 * ```
 */
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Database } from 'better-sqlite3'

/** How long a writer waits for another connection's lock before failing with SQLITE_BUSY. @public */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000

/**
 * Opens (creating the directory and file if needed) a SQLite database with:
 * - `journal_mode = WAL`: readers never block the writer;
 * - `synchronous = NORMAL`: in WAL mode a commit survives a process crash (`kill -9`), which is
 *   the durability PS-2 asks for; only a power loss can drop the last commits;
 * - `busy_timeout` ({@link SQLITE_BUSY_TIMEOUT_MS}) for the rare second connection (CLI, backups);
 * - `foreign_keys = ON`;
 * - `secure_delete = ON`: a purged meeting's pages are overwritten with zeros, not merely
 *   unlinked (its content can still sit in the WAL file until the next checkpoint).
 *
 * Throws when the file cannot be opened or WAL cannot be enabled: a server must not boot on that.
 * @public
 */
export function openDatabase(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new BetterSqlite3(file)
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true })
    if (file !== ':memory:' && String(mode).toLowerCase() !== 'wal') {
      throw new Error(`SQLite refused WAL journal mode (got ${String(mode)})`)
    }
    db.pragma('synchronous = NORMAL')
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
    db.pragma('foreign_keys = ON')
    db.pragma('secure_delete = ON')
  } catch (error) {
    db.close()
    throw error
  }
  return db
}
