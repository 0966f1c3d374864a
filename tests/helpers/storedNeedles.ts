/**
 * Which texts a test server still stores: every file in its DATA_DIR (SQLite database, WAL,
 * shared memory) and, when it runs on PostgreSQL, every row of its database.
 *
 *   expect(await storedNeedles(dataDir, ['Quillfeather household'])).toEqual([])
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { findStoredText } from '../../server/src/storage/postgres/testing/findStoredText.ts'
import { databaseEnv } from './servers.ts'

export async function storedNeedles(dataDir: string, needles: string[]): Promise<string[]> {
  const files = readdirSync(dataDir).map((f) => readFileSync(path.join(dataDir, f)))
  const inFiles = needles.filter((needle) => files.some((bytes) => bytes.includes(Buffer.from(needle, 'utf8'))))
  const { DATABASE_URL } = await databaseEnv(dataDir)
  const inDatabase = DATABASE_URL ? await findStoredText(DATABASE_URL, needles) : []
  return needles.filter((needle) => inFiles.includes(needle) || inDatabase.includes(needle))
}
