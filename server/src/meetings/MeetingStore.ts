/**
 * Meetings, their invites and their participants, in SQLite. The map itself lives in the
 * meeting's Y.Doc (see the relay's doc store); this is only who may reach it and how.
 *
 *   const meetings = createMeetingStore(db)
 *   const meeting = meetings.create({ title, locale, ownerWorkerId, now })
 */
import type { Database } from 'better-sqlite3'
import type { Locale } from '@safetymap/map-model'
import { createId, createSecret, hashSecret } from '../access/secrets.ts'

export const PARTICIPANT_ROLES = ['facilitator', 'editor', 'viewer'] as const
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number]
export const INVITE_ROLES = ['editor', 'viewer'] as const
export type InviteRole = (typeof INVITE_ROLES)[number]

export interface Meeting {
  id: string
  title: string
  locale: Locale
  status: 'live' | 'finalized'
  ownerWorkerId: string
  createdAt: number
}

export interface Participant {
  id: string
  meetingId: string
  name: string
  role: ParticipantRole
}

export type InviteLookup =
  | { ok: true; inviteId: string; meetingId: string; role: InviteRole; expiresAt: number }
  | { ok: false; reason: 'unknown' | 'expired' }

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
`

type MeetingRow = { id: string; title: string; locale: Locale; status: Meeting['status']; owner_worker_id: string; created_at: number }
const toMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  title: r.title,
  locale: r.locale,
  status: r.status,
  ownerWorkerId: r.owner_worker_id,
  createdAt: r.created_at,
})

/** Creates the meeting store over an open database. */
export function createMeetingStore(db: Database) {
  db.exec(SCHEMA)
  const q = {
    insert: db.prepare('INSERT INTO meetings (id, title, locale, owner_worker_id, created_at) VALUES (?, ?, ?, ?, ?)'),
    byId: db.prepare<[string], MeetingRow>('SELECT * FROM meetings WHERE id = ?'),
    byOwner: db.prepare<[string], MeetingRow>('SELECT * FROM meetings WHERE owner_worker_id = ? ORDER BY created_at DESC'),
    insertInvite: db.prepare(
      'INSERT INTO invites (id, meeting_id, token_hash, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    inviteByHash: db.prepare<[string], { id: string; meeting_id: string; role: InviteRole; expires_at: number; revoked_at: number | null }>(
      'SELECT id, meeting_id, role, expires_at, revoked_at FROM invites WHERE token_hash = ?',
    ),
    insertParticipant: db.prepare(
      'INSERT INTO participants (id, meeting_id, invite_id, name, role, joined_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    participant: db.prepare<[string], { id: string; meeting_id: string; name: string; role: ParticipantRole }>(
      'SELECT id, meeting_id, name, role FROM participants WHERE id = ? AND removed_at IS NULL',
    ),
  }

  return {
    create(input: { title: string; locale: Locale; ownerWorkerId: string; now: number }): Meeting {
      const meeting: Meeting = {
        id: createId(),
        title: input.title.trim(),
        locale: input.locale,
        status: 'live',
        ownerWorkerId: input.ownerWorkerId,
        createdAt: input.now,
      }
      q.insert.run(meeting.id, meeting.title, meeting.locale, meeting.ownerWorkerId, meeting.createdAt)
      return meeting
    },
    get(id: string): Meeting | null {
      const row = q.byId.get(id)
      return row ? toMeeting(row) : null
    },
    listForWorker(workerId: string): Meeting[] {
      return q.byOwner.all(workerId).map(toMeeting)
    },
    /** Creates an invite; the token is returned once and only its hash is kept. */
    createInvite(input: { meetingId: string; role: InviteRole; createdBy: string; expiresAt: number; now: number }): string {
      const { secret, hash } = createSecret('invite')
      q.insertInvite.run(createId(), input.meetingId, hash, input.role, input.createdBy, input.now, input.expiresAt)
      return secret
    },
    findInvite(token: string, now: number): InviteLookup {
      const row = q.inviteByHash.get(hashSecret(token))
      if (!row || row.revoked_at !== null) return { ok: false, reason: 'unknown' }
      if (row.expires_at <= now) return { ok: false, reason: 'expired' }
      return { ok: true, inviteId: row.id, meetingId: row.meeting_id, role: row.role, expiresAt: row.expires_at }
    },
    addParticipant(input: { meetingId: string; inviteId: string; name: string; role: ParticipantRole; now: number }): Participant {
      const participant: Participant = { id: createId(), meetingId: input.meetingId, name: input.name.trim(), role: input.role }
      q.insertParticipant.run(participant.id, participant.meetingId, input.inviteId, participant.name, participant.role, input.now)
      return participant
    },
    getParticipant(id: string): Participant | null {
      const row = q.participant.get(id)
      return row ? { id: row.id, meetingId: row.meeting_id, name: row.name, role: row.role } : null
    },
  }
}

export type MeetingStore = ReturnType<typeof createMeetingStore>
