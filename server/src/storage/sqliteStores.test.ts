import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { describe } from 'vitest'
import { createWorkerStore } from '../access/WorkerStore.ts'
import { createSessionStore } from '../access/SessionStore.ts'
import { createMeetingStore } from '../meetings/MeetingStore.ts'
import { createAuditLog } from '../audit/AuditLog.ts'
import { createRatingStore } from '../ratings/index.ts'
import { createJournalStore } from '../journal/SafetyJournalStore.ts'
import { openDatabase } from './index.ts'
import { storeContract, type ServerStores, type StoresHarness } from './testing/storeContract.ts'

const sqliteStores = (db: Database): ServerStores => ({
  workers: createWorkerStore(db),
  sessions: createSessionStore(db),
  meetings: createMeetingStore(db),
  audit: createAuditLog(db),
  ratings: createRatingStore(db),
  journal: createJournalStore(db),
})

/** The stores over a fresh file; "another instance" is a second connection to it, as the CLI opens. */
async function openSqliteStoresHarness(): Promise<StoresHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-stores-'))
  const file = path.join(dir, 'safetymap.db')
  const db = openDatabase(file)
  return {
    stores: sqliteStores(db),
    async openAnother() {
      const other = openDatabase(file)
      return { stores: sqliteStores(other), close: async () => void other.close() }
    },
    async sql(statement) {
      const prepared = db.prepare(statement)
      if (prepared.reader) return prepared.all() as Record<string, unknown>[]
      prepared.run()
      return []
    },
    async close() {
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

describe('SQLite stores', () => {
  storeContract(openSqliteStoresHarness)
})
