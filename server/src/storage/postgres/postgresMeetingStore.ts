/**
 * Meetings, facilitators, invites, participants and finalized versions in PostgreSQL: the same
 * behaviour as the SQLite {@link createMeetingStore}, with the same columns, so rows map through
 * the same functions. Joining locks the invite row, so a personal invite is used at most once even
 * when requests race on different relay instances.
 *
 * ```ts
 * const meetings = createPostgresMeetingStore(pool)
 * const joined = await meetings.join({ token, name, relationship, attendance, consentVersion, now })
 * ```
 */
import type { Pool } from 'pg'
import { createId, hashSecret } from '../../access/secrets.ts'
import {
  DETAIL_COLUMNS,
  detailAssignments,
  detailColumnValues,
  judgeInvite,
  MEETING_INVITES,
  newInvite,
  newJoiner,
  toInvite,
  toMeeting,
  toParticipant,
  type InviteRow,
  type MeetingRow,
  type MeetingStore,
  type ParticipantRow,
} from '../../meetings/MeetingStore.ts'
import { NO_MEETING_DETAILS } from '../../meetings/meetingDetails.ts'
import { versionDetailsFromJson, versionDetailsToJson } from '../../meetings/versionDetails.ts'
import { inTransaction } from './inTransaction.ts'

/** @public */
export const POSTGRES_MEETING_SCHEMA = `
CREATE TABLE meetings (
  id text PRIMARY KEY,
  title text NOT NULL,
  locale text NOT NULL,
  status text NOT NULL DEFAULT 'live',
  owner_worker_id text NOT NULL,
  created_at bigint NOT NULL,
  version integer NOT NULL DEFAULT 1,
  finalized_at bigint,
  ended_at bigint,
  case_reference text,
  meeting_type text,
  purpose text,
  start_time bigint,
  end_time bigint,
  opened_at bigint
);
CREATE INDEX meetings_owner ON meetings (owner_worker_id, created_at);
CREATE INDEX meetings_finalized ON meetings (finalized_at) WHERE status = 'finalized';
CREATE INDEX meetings_ended ON meetings (ended_at) WHERE status <> 'finalized';
CREATE TABLE invites (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  role text NOT NULL,
  created_by text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  revoked_at bigint,
  kind text NOT NULL DEFAULT 'personal',
  label text,
  lobby integer NOT NULL DEFAULT 0,
  uses integer NOT NULL DEFAULT 0
);
CREATE INDEX invites_meeting ON invites (meeting_id, created_at);
CREATE TABLE participants (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  invite_id text REFERENCES invites(id),
  name text NOT NULL,
  role text NOT NULL,
  joined_at bigint NOT NULL,
  removed_at bigint,
  status text NOT NULL DEFAULT 'admitted',
  relationship text,
  attendance text,
  consent_version text,
  consented_at bigint
);
CREATE INDEX participants_meeting ON participants (meeting_id, joined_at);
CREATE TABLE meeting_facilitators (
  meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  worker_id text NOT NULL,
  added_by text NOT NULL,
  added_at bigint NOT NULL,
  PRIMARY KEY (meeting_id, worker_id)
);
CREATE INDEX meeting_facilitators_worker ON meeting_facilitators (worker_id);
CREATE TABLE meeting_versions (
  meeting_id text NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  version integer NOT NULL,
  state bytea NOT NULL,
  finalized_at bigint NOT NULL,
  finalized_by text NOT NULL,
  PRIMARY KEY (meeting_id, version)
);
`

/** The meeting's details kept with each finalized version (versionDetails.ts), as JSON text like SQLite's. @public */
export const POSTGRES_VERSION_DETAILS_SCHEMA = 'ALTER TABLE meeting_versions ADD COLUMN details text'

/** A remote participant's own talk-check answer, as in SQLite (MeetingStore.ts CanTalk). @public */
export const POSTGRES_CAN_TALK_SCHEMA = 'ALTER TABLE participants ADD COLUMN can_talk text'

/**
 * The case file's further meeting details (meetingDetails.ts) and each participant's recorded
 * release-of-information consent, as in SQLite. @public
 */
export const POSTGRES_RECORD_DETAILS_SCHEMA = `
ALTER TABLE meetings ADD COLUMN children text, ADD COLUMN meeting_format text, ADD COLUMN agreements text, ADD COLUMN desired_outcome text;
ALTER TABLE participants ADD COLUMN release_consent_at bigint;
`

/** Which participants joined by a journal link and so reach the safety journal only, as in SQLite. @public */
export const POSTGRES_JOURNAL_LINK_SCHEMA = 'ALTER TABLE participants ADD COLUMN journal_only integer NOT NULL DEFAULT 0'

/**
 * Tables that hold meeting content or names, vacuumed after a purge so the deleted rows' space
 * is reclaimed rather than left as dead tuples (the PostgreSQL side of the SQLite checkpoint).
 */
const CONTENT_TABLES = [
  'meetings', 'invites', 'participants', 'meeting_facilitators', 'meeting_versions',
  'doc_heads', 'doc_updates', 'doc_snapshots', 'sessions', 'revoked_sessions', 'hidden_ratings',
]

// Co-facilitators come with the meeting row, so a list of meetings is one query.
const MEETING_SQL = `SELECT m.*, ARRAY(
  SELECT f.worker_id FROM meeting_facilitators f WHERE f.meeting_id = m.id ORDER BY f.added_at
) AS co_facilitator_ids FROM meetings m`

type MeetingWithFacilitators = MeetingRow & { co_facilitator_ids: string[] }
const meetingOf = (row: MeetingWithFacilitators) => toMeeting(row, row.co_facilitator_ids)

/** @public */
export function createPostgresMeetingStore(pool: Pool): MeetingStore {
  const getMeeting = async (id: string) => {
    const row = (await pool.query<MeetingWithFacilitators>(`${MEETING_SQL} WHERE m.id = $1`, [id])).rows[0]
    return row ? meetingOf(row) : null
  }
  /** Sets one column of a participant (a fixed name here, never input); true when they exist. */
  const setParticipantColumn = async (column: 'role' | 'status' | 'release_consent_at' | 'can_talk', value: unknown, meetingId: string, participantId: string) =>
    (await pool.query(`UPDATE participants SET ${column} = $1 WHERE meeting_id = $2 AND id = $3`, [value, meetingId, participantId])).rowCount === 1

  return {
    async create(input) {
      const id = createId()
      const d = { ...NO_MEETING_DETAILS, ...input.details }
      await pool.query(
        `INSERT INTO meetings (id, title, locale, owner_worker_id, created_at, ${DETAIL_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [id, input.title.trim(), input.locale, input.ownerWorkerId, input.now, ...detailColumnValues(d)],
      )
      return (await getMeeting(id))!
    },
    async updateDetails(meetingId, change) {
      const updated = await inTransaction(pool, async (client) => {
        // Locked, so two instances changing different fields at once both keep their change.
        const row = (await client.query<MeetingRow>('SELECT * FROM meetings WHERE id = $1 FOR UPDATE', [meetingId])).rows[0]
        if (!row) return false
        const d = { ...toMeeting(row, []).details, ...change }
        const values = detailColumnValues(d)
        await client.query(`UPDATE meetings SET ${detailAssignments((i) => `$${i + 1}`)} WHERE id = $${values.length + 1}`, [...values, meetingId])
        return true
      })
      return updated ? getMeeting(meetingId) : null
    },
    async setLocale(meetingId, locale) {
      await pool.query('UPDATE meetings SET locale = $1 WHERE id = $2', [locale, meetingId])
    },
    async markOpened(meetingId, now) {
      await pool.query('UPDATE meetings SET opened_at = $1 WHERE id = $2 AND opened_at IS NULL', [now, meetingId])
    },
    get: getMeeting,
    async listForWorker(workerId) {
      const { rows } = await pool.query<MeetingWithFacilitators>(
        `${MEETING_SQL} WHERE m.owner_worker_id = $1
         OR m.id IN (SELECT meeting_id FROM meeting_facilitators WHERE worker_id = $1) ORDER BY m.created_at DESC`,
        [workerId],
      )
      return rows.map(meetingOf)
    },
    async addFacilitator(input) {
      const result = await pool.query(
        `INSERT INTO meeting_facilitators (meeting_id, worker_id, added_by, added_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (meeting_id, worker_id) DO NOTHING`,
        [input.meetingId, input.workerId, input.addedBy, input.now],
      )
      return result.rowCount === 1
    },
    async removeFacilitator(meetingId, workerId) {
      const result = await pool.query('DELETE FROM meeting_facilitators WHERE meeting_id = $1 AND worker_id = $2', [meetingId, workerId])
      return result.rowCount === 1
    },

    async createInvite(input) {
      const { invite, token, tokenHash } = newInvite(input)
      await pool.query(
        `INSERT INTO invites (id, meeting_id, token_hash, role, created_by, created_at, expires_at, kind, label, lobby)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [invite.id, input.meetingId, tokenHash, input.role, input.createdBy, input.now, input.expiresAt, input.kind, input.label, input.lobby ? 1 : 0],
      )
      return { invite, token }
    },
    async listInvites(meetingId) {
      const { rows } = await pool.query<InviteRow>('SELECT * FROM invites WHERE meeting_id = $1 ORDER BY created_at', [meetingId])
      return rows.map(toInvite)
    },
    async revokeInvite(meetingId, inviteId, now) {
      const revoked = await pool.query('UPDATE invites SET revoked_at = $1 WHERE meeting_id = $2 AND id = $3 AND revoked_at IS NULL', [
        now, meetingId, inviteId,
      ])
      if (revoked.rowCount === 1) return 'revoked'
      const exists = await pool.query('SELECT 1 FROM invites WHERE meeting_id = $1 AND id = $2', [meetingId, inviteId])
      return exists.rowCount === 1 ? 'already' : 'unknown'
    },
    async findInvite(token, now) {
      const { rows } = await pool.query<InviteRow>('SELECT * FROM invites WHERE token_hash = $1', [hashSecret(token)])
      return judgeInvite(rows[0], now)
    },
    async join(input) {
      return inTransaction(pool, async (client) => {
        // The row lock makes racing joins on one personal invite take turns: the second sees uses = 1.
        const { rows } = await client.query<InviteRow>('SELECT * FROM invites WHERE token_hash = $1 FOR UPDATE', [hashSecret(input.token)])
        const found = judgeInvite(rows[0], input.now)
        if (!found.ok) return found
        const { invite } = found
        await client.query('UPDATE invites SET uses = uses + 1 WHERE id = $1', [invite.id])
        const participant = newJoiner(invite, input)
        await client.query(
          `INSERT INTO participants (id, meeting_id, invite_id, name, role, joined_at, status, relationship, attendance, consent_version, consented_at, journal_only)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            participant.id, participant.meetingId, invite.id, participant.name, participant.role, input.now,
            participant.status, participant.relationship, participant.attendance, participant.consentVersion, participant.consentedAt,
            participant.journalOnly ? 1 : 0,
          ],
        )
        return { ok: true as const, participant, invite: { ...invite, uses: invite.uses + 1 } }
      })
    },

    async getParticipant(id) {
      const row = (await pool.query<ParticipantRow>('SELECT * FROM participants WHERE id = $1', [id])).rows[0]
      return row ? toParticipant(row) : null
    },
    async listParticipants(meetingId) {
      const { rows } = await pool.query<ParticipantRow>('SELECT * FROM participants WHERE meeting_id = $1 ORDER BY joined_at', [meetingId])
      return rows.map(toParticipant)
    },
    setParticipantRole: (meetingId, participantId, role) => setParticipantColumn('role', role, meetingId, participantId),
    setParticipantStatus: (meetingId, participantId, status) => setParticipantColumn('status', status, meetingId, participantId),
    setReleaseConsent: (meetingId, participantId, at) => setParticipantColumn('release_consent_at', at, meetingId, participantId),
    setCanTalk: (meetingId, participantId, canTalk) => setParticipantColumn('can_talk', canTalk, meetingId, participantId),
    async markRemoved(meetingId, participantId, now) {
      const result = await pool.query("UPDATE participants SET status = 'removed', removed_at = $1 WHERE meeting_id = $2 AND id = $3", [
        now, meetingId, participantId,
      ])
      return result.rowCount === 1
    },

    async markEnded(meetingId, now) {
      await inTransaction(pool, async (client) => {
        await client.query('UPDATE meetings SET ended_at = $1 WHERE id = $2', [now, meetingId])
        await client.query(`UPDATE invites SET revoked_at = $1 WHERE meeting_id = $2 AND revoked_at IS NULL AND ${MEETING_INVITES}`, [now, meetingId])
      })
    },
    async setFinalized(meetingId, now) {
      await pool.query("UPDATE meetings SET status = 'finalized', finalized_at = $1 WHERE id = $2", [now, meetingId])
    },
    async setLive(meetingId) {
      await pool.query("UPDATE meetings SET status = 'live', finalized_at = NULL WHERE id = $1", [meetingId])
    },
    async saveVersion(input) {
      await pool.query(
        `INSERT INTO meeting_versions (meeting_id, version, state, finalized_at, finalized_by, details) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (meeting_id, version) DO UPDATE SET state = excluded.state, finalized_at = excluded.finalized_at,
           finalized_by = excluded.finalized_by, details = excluded.details`,
        [input.meetingId, input.version, input.state, input.now, input.finalizedBy, versionDetailsToJson(input.details)],
      )
    },
    async reopen(meetingId) {
      await pool.query("UPDATE meetings SET status = 'live', finalized_at = NULL, version = version + 1 WHERE id = $1", [meetingId])
    },
    async listVersions(meetingId) {
      const { rows } = await pool.query<{ version: number; state: Buffer; finalized_at: number; finalized_by: string; details: string | null }>(
        'SELECT version, state, finalized_at, finalized_by, details FROM meeting_versions WHERE meeting_id = $1 ORDER BY version',
        [meetingId],
      )
      return rows.map((r) => ({
        version: r.version,
        state: new Uint8Array(r.state),
        finalizedAt: r.finalized_at,
        finalizedBy: r.finalized_by,
        details: versionDetailsFromJson(r.details),
      }))
    },

    async finalizedBefore(cutoff) {
      const { rows } = await pool.query<{ id: string }>(
        "SELECT id FROM meetings WHERE status = 'finalized' AND finalized_at IS NOT NULL AND finalized_at <= $1",
        [cutoff],
      )
      return rows.map((r) => r.id)
    },
    async endedBefore(cutoff) {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT id FROM meetings m WHERE m.status <> 'finalized' AND m.ended_at IS NOT NULL AND m.ended_at <= $1
       AND NOT EXISTS (SELECT 1 FROM meeting_versions v WHERE v.meeting_id = m.id AND v.finalized_at >= m.ended_at)`,
        [cutoff],
      )
      return rows.map((r) => r.id)
    },
    async purge(meetingId) {
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM meeting_versions WHERE meeting_id = $1', [meetingId])
        await client.query('DELETE FROM participants WHERE meeting_id = $1', [meetingId])
        await client.query('DELETE FROM invites WHERE meeting_id = $1', [meetingId])
        await client.query('DELETE FROM meeting_facilitators WHERE meeting_id = $1', [meetingId])
        await client.query('DELETE FROM meetings WHERE id = $1', [meetingId])
      })
    },
    async checkpoint() {
      await pool.query(`VACUUM ${CONTENT_TABLES.join(', ')}`)
    },
  }
}
