/**
 * Every PostgreSQL schema step, in order. Shipped versions are never edited: a change to a table
 * is a new entry with the next version.
 */
import type { PostgresMigration } from './migratePostgres.ts'
import { POSTGRES_AUDIT_SCHEMA } from './postgresAuditLog.ts'
import { POSTGRES_JOURNAL_SCHEMA } from './postgresJournalStore.ts'
import { POSTGRES_DOC_EPOCH_SCHEMA, POSTGRES_DOC_SCHEMA } from './postgresDocStore.ts'
import { POSTGRES_CAN_TALK_SCHEMA, POSTGRES_JOURNAL_LINK_SCHEMA, POSTGRES_MEETING_SCHEMA, POSTGRES_RECORD_DETAILS_SCHEMA, POSTGRES_VERSION_DETAILS_SCHEMA } from './postgresMeetingStore.ts'
import { POSTGRES_RATING_SCHEMA } from './postgresRatingStore.ts'
import { POSTGRES_SESSION_SCHEMA } from './postgresSessionStore.ts'
import { POSTGRES_WORKER_SCHEMA } from './postgresWorkerStore.ts'

/** @public */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  { version: 1, name: 'doc store: heads, update log, snapshots', sql: POSTGRES_DOC_SCHEMA },
  { version: 2, name: 'workers, API keys, setup codes', sql: POSTGRES_WORKER_SCHEMA },
  { version: 3, name: 'sessions and revoked sessions', sql: POSTGRES_SESSION_SCHEMA },
  { version: 4, name: 'meetings, facilitators, invites, participants, versions', sql: POSTGRES_MEETING_SCHEMA },
  { version: 5, name: 'hash-chained audit log', sql: POSTGRES_AUDIT_SCHEMA },
  { version: 6, name: 'hidden ratings', sql: POSTGRES_RATING_SCHEMA },
  { version: 7, name: 'doc epochs', sql: POSTGRES_DOC_EPOCH_SCHEMA },
  { version: 8, name: 'meeting details kept with each finalized version', sql: POSTGRES_VERSION_DETAILS_SCHEMA },
  { version: 9, name: "participants' own talk-check answer", sql: POSTGRES_CAN_TALK_SCHEMA },
  { version: 10, name: 'children, format, agreements and desired outcome; release-of-information consent', sql: POSTGRES_RECORD_DETAILS_SCHEMA },
  { version: 11, name: 'safety journal entries', sql: POSTGRES_JOURNAL_SCHEMA },
  { version: 12, name: 'participants who joined by a journal link', sql: POSTGRES_JOURNAL_LINK_SCHEMA },
]
