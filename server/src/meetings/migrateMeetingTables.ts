/**
 * The SQLite tables of meetings, facilitators, invites, participants and finalized versions, and
 * their in-place upgrade: tables are created when missing, and columns added by later releases are
 * added to older databases (idempotent, so every start may run it).
 *
 *   migrateMeetingTables(db)   // in createMeetingStore, before preparing statements
 */
import type { Database } from 'better-sqlite3'
import { addMissingColumns } from './addMissingColumns.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meetings (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  locale TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'live',
  owner_worker_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS meetings_owner ON meetings (owner_worker_id, created_at);
CREATE TABLE IF NOT EXISTS invites (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  invite_id TEXT REFERENCES invites(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  removed_at INTEGER
);
CREATE TABLE IF NOT EXISTS meeting_facilitators (
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  worker_id TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, worker_id)
);
CREATE INDEX IF NOT EXISTS meeting_facilitators_worker ON meeting_facilitators (worker_id);
CREATE TABLE IF NOT EXISTS meeting_versions (
  meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  state BLOB NOT NULL,
  finalized_at INTEGER NOT NULL,
  finalized_by TEXT NOT NULL,
  PRIMARY KEY (meeting_id, version)
);
`

/** Creates the tables when missing and adds the columns later releases introduced. */
export function migrateMeetingTables(db: Database): void {
  db.exec(SCHEMA)
  addMissingColumns(db, 'meetings', {
    version: 'INTEGER NOT NULL DEFAULT 1',
    finalized_at: 'INTEGER',
    ended_at: 'INTEGER',
    // Meeting details for the case file (meetingDetails.ts), and when a facilitator first opened it.
    case_reference: 'TEXT',
    children: 'TEXT',
    meeting_type: 'TEXT',
    meeting_format: 'TEXT',
    purpose: 'TEXT',
    agreements: 'TEXT',
    desired_outcome: 'TEXT',
    start_time: 'INTEGER',
    end_time: 'INTEGER',
    opened_at: 'INTEGER',
  })
  addMissingColumns(db, 'invites', {
    kind: "TEXT NOT NULL DEFAULT 'personal'",
    label: 'TEXT',
    lobby: 'INTEGER NOT NULL DEFAULT 0',
    uses: 'INTEGER NOT NULL DEFAULT 0',
  })
  addMissingColumns(db, 'participants', {
    status: "TEXT NOT NULL DEFAULT 'admitted'",
    relationship: 'TEXT',
    attendance: 'TEXT',
    consent_version: 'TEXT',
    consented_at: 'INTEGER',
    // The participant's own talk-check answer, for facilitators only (MeetingStore.ts CanTalk).
    can_talk: 'TEXT',
    // When a facilitator recorded the signed release-of-information consent (MeetingStore.ts setReleaseConsent).
    release_consent_at: 'INTEGER',
    // 1: joined by a journal link, so only the safety journal is theirs (principal.ts participantAccess).
    journal_only: 'INTEGER NOT NULL DEFAULT 0',
  })
  // The meeting's details as they stood when the version was finalized (versionDetails.ts).
  addMissingColumns(db, 'meeting_versions', { details: 'TEXT' })
  db.exec('CREATE INDEX IF NOT EXISTS participants_meeting ON participants (meeting_id, joined_at)')
  db.exec('CREATE INDEX IF NOT EXISTS invites_meeting ON invites (meeting_id, created_at)')
}
