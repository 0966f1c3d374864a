/**
 * Idempotent schema migration for SQLite: adds the columns a table lacks, leaving existing ones
 * alone, so a database created by an older server upgrades in place on start.
 *
 *   addMissingColumns(db, 'participants', { relationship: 'TEXT', status: "TEXT NOT NULL DEFAULT 'admitted'" })
 */
import type { Database } from 'better-sqlite3'

/** Adds each `name: definition` column that `table` does not have yet. */
export function addMissingColumns(db: Database, table: string, columns: Record<string, string>): void {
  const existing = new Set(db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => c.name))
  for (const [name, definition] of Object.entries(columns)) {
    if (!existing.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${definition}`)
  }
}
