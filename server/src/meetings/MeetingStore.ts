/**
 * Meetings, their facilitators, invites, participants and finalized versions, in SQLite. The map
 * itself lives in the meeting's Y.Doc (see the relay's doc store); this is only who may reach it,
 * how, and the frozen states a facilitator finalized.
 *
 *   const meetings = createMeetingStore(db)
 *   const meeting = meetings.create({ title, locale, ownerWorkerId, now })
 *   const joined = meetings.join({ token, name, relationship, attendance, consentVersion, now })
 */
import type { Database } from 'better-sqlite3'
import type { Locale } from '@safetymap/map-model'
import { createId, createSecret, hashSecret } from '../access/secrets.ts'
import { migrateMeetingTables } from './migrateMeetingTables.ts'

export const PARTICIPANT_ROLES = ['facilitator', 'editor', 'viewer'] as const
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number]
export const INVITE_ROLES = ['editor', 'viewer'] as const
export type InviteRole = (typeof INVITE_ROLES)[number]
/** `personal`: for one named person, usable once. `shared`: a meeting link, usable until it expires. */
export const INVITE_KINDS = ['personal', 'shared'] as const
export type InviteKind = (typeof INVITE_KINDS)[number]
export const ATTENDANCE_MODES = ['in-room', 'video', 'phone'] as const
export type Attendance = (typeof ATTENDANCE_MODES)[number]
/** Where a joiner stands: waiting in the lobby, let in, turned away, or taken off the meeting. */
export const PARTICIPANT_STATUSES = ['waiting', 'admitted', 'declined', 'removed'] as const
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number]

export interface Meeting {
  id: string
  title: string
  locale: Locale
  status: 'live' | 'finalized'
  ownerWorkerId: string
  /** The owner first, then co-facilitators. */
  facilitatorIds: readonly string[]
  createdAt: number
  /** Starts at 1; each reopen after a finalize adds one. */
  version: number
  finalizedAt: number | null
  endedAt: number | null
}

export interface Participant {
  id: string
  meetingId: string
  name: string
  role: ParticipantRole
  status: ParticipantStatus
  relationship: string | null
  attendance: Attendance | null
  consentVersion: string | null
  consentedAt: number | null
  joinedAt: number
}

export interface Invite {
  id: string
  meetingId: string
  role: InviteRole
  kind: InviteKind
  label: string | null
  lobby: boolean
  expiresAt: number
  revoked: boolean
  uses: number
}

export type InviteLookup =
  | { ok: true; invite: Invite }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'used'; meetingId: string | null }

/** A finalized state of a meeting's doc, kept when the meeting is reopened. */
export interface MeetingVersion {
  version: number
  state: Uint8Array
  finalizedAt: number
  finalizedBy: string
}

type MeetingRow = {
  id: string
  title: string
  locale: Locale
  status: Meeting['status']
  owner_worker_id: string
  created_at: number
  version: number
  finalized_at: number | null
  ended_at: number | null
}
type InviteRow = {
  id: string
  meeting_id: string
  role: InviteRole
  kind: InviteKind
  label: string | null
  lobby: number
  expires_at: number
  revoked_at: number | null
  uses: number
}
type ParticipantRow = {
  id: string
  meeting_id: string
  name: string
  role: ParticipantRole
  status: ParticipantStatus
  relationship: string | null
  attendance: Attendance | null
  consent_version: string | null
  consented_at: number | null
  joined_at: number
}

const toInvite = (r: InviteRow): Invite => ({
  id: r.id,
  meetingId: r.meeting_id,
  role: r.role,
  kind: r.kind,
  label: r.label,
  lobby: r.lobby === 1,
  expiresAt: r.expires_at,
  revoked: r.revoked_at !== null,
  uses: r.uses,
})
const toParticipant = (r: ParticipantRow): Participant => ({
  id: r.id,
  meetingId: r.meeting_id,
  name: r.name,
  role: r.role,
  status: r.status,
  relationship: r.relationship,
  attendance: r.attendance,
  consentVersion: r.consent_version,
  consentedAt: r.consented_at,
  joinedAt: r.joined_at,
})

/** Creates the meeting store over an open database (tables and new columns are added when missing). */
export function createMeetingStore(db: Database) {
  migrateMeetingTables(db)
  const q = {
    insert: db.prepare('INSERT INTO meetings (id, title, locale, owner_worker_id, created_at) VALUES (?, ?, ?, ?, ?)'),
    byId: db.prepare<[string], MeetingRow>('SELECT * FROM meetings WHERE id = ?'),
    coFacilitators: db.prepare<[string], { worker_id: string }>(
      'SELECT worker_id FROM meeting_facilitators WHERE meeting_id = ? ORDER BY added_at',
    ),
    forWorker: db.prepare<[string, string], MeetingRow>(
      `SELECT * FROM meetings WHERE owner_worker_id = ?
       OR id IN (SELECT meeting_id FROM meeting_facilitators WHERE worker_id = ?) ORDER BY created_at DESC`,
    ),
    addFacilitator: db.prepare(
      'INSERT OR IGNORE INTO meeting_facilitators (meeting_id, worker_id, added_by, added_at) VALUES (?, ?, ?, ?)',
    ),
    insertInvite: db.prepare(
      `INSERT INTO invites (id, meeting_id, token_hash, role, created_by, created_at, expires_at, kind, label, lobby)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    inviteByHash: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE token_hash = ?'),
    invitesOf: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE meeting_id = ? ORDER BY created_at'),
    revokeInvite: db.prepare('UPDATE invites SET revoked_at = ? WHERE meeting_id = ? AND id = ? AND revoked_at IS NULL'),
    revokeAllInvites: db.prepare('UPDATE invites SET revoked_at = ? WHERE meeting_id = ? AND revoked_at IS NULL'),
    useInvite: db.prepare('UPDATE invites SET uses = uses + 1 WHERE id = ?'),
    inviteExists: db.prepare<[string, string], { id: string }>('SELECT id FROM invites WHERE meeting_id = ? AND id = ?'),
    insertParticipant: db.prepare(
      `INSERT INTO participants (id, meeting_id, invite_id, name, role, joined_at, status, relationship, attendance, consent_version, consented_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    participant: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE id = ?'),
    participantsOf: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE meeting_id = ? ORDER BY joined_at'),
    setRole: db.prepare('UPDATE participants SET role = ? WHERE meeting_id = ? AND id = ?'),
    setStatus: db.prepare('UPDATE participants SET status = ? WHERE meeting_id = ? AND id = ?'),
    setRemoved: db.prepare("UPDATE participants SET status = 'removed', removed_at = ? WHERE meeting_id = ? AND id = ?"),
    setMeetingStatus: db.prepare('UPDATE meetings SET status = ?, finalized_at = ? WHERE id = ?'),
    bumpVersion: db.prepare("UPDATE meetings SET status = 'live', finalized_at = NULL, version = version + 1 WHERE id = ?"),
    setEnded: db.prepare('UPDATE meetings SET ended_at = ? WHERE id = ?'),
    insertVersion: db.prepare(
      'INSERT OR REPLACE INTO meeting_versions (meeting_id, version, state, finalized_at, finalized_by) VALUES (?, ?, ?, ?, ?)',
    ),
    versionsOf: db.prepare<[string], { version: number; state: Buffer; finalized_at: number; finalized_by: string }>(
      'SELECT version, state, finalized_at, finalized_by FROM meeting_versions WHERE meeting_id = ? ORDER BY version',
    ),
    finalizedBefore: db.prepare<[number], { id: string }>(
      "SELECT id FROM meetings WHERE status = 'finalized' AND finalized_at IS NOT NULL AND finalized_at <= ?",
    ),
    purge: {
      versions: db.prepare('DELETE FROM meeting_versions WHERE meeting_id = ?'),
      participants: db.prepare('DELETE FROM participants WHERE meeting_id = ?'),
      invites: db.prepare('DELETE FROM invites WHERE meeting_id = ?'),
      facilitators: db.prepare('DELETE FROM meeting_facilitators WHERE meeting_id = ?'),
      meeting: db.prepare('DELETE FROM meetings WHERE id = ?'),
    },
  }

  const toMeeting = (r: MeetingRow): Meeting => ({
    id: r.id,
    title: r.title,
    locale: r.locale,
    status: r.status,
    ownerWorkerId: r.owner_worker_id,
    facilitatorIds: [r.owner_worker_id, ...q.coFacilitators.all(r.id).map((c) => c.worker_id)],
    createdAt: r.created_at,
    version: r.version,
    finalizedAt: r.finalized_at,
    endedAt: r.ended_at,
  })

  const lookupInvite = (token: string, now: number): InviteLookup => {
    const row = q.inviteByHash.get(hashSecret(token))
    if (!row) return { ok: false, reason: 'unknown', meetingId: null }
    const meetingId = row.meeting_id
    if (row.revoked_at !== null) return { ok: false, reason: 'revoked', meetingId }
    if (row.expires_at <= now) return { ok: false, reason: 'expired', meetingId }
    if (row.kind === 'personal' && row.uses > 0) return { ok: false, reason: 'used', meetingId }
    return { ok: true, invite: toInvite(row) }
  }

  return {
    create(input: { title: string; locale: Locale; ownerWorkerId: string; now: number }): Meeting {
      const id = createId()
      q.insert.run(id, input.title.trim(), input.locale, input.ownerWorkerId, input.now)
      return toMeeting(q.byId.get(id) as MeetingRow)
    },
    get(id: string): Meeting | null {
      const row = q.byId.get(id)
      return row ? toMeeting(row) : null
    },
    /** Meetings the worker owns or co-facilitates, newest first. */
    listForWorker(workerId: string): Meeting[] {
      return q.forWorker.all(workerId, workerId).map(toMeeting)
    },
    /** Adds a co-facilitator; false when they already were one. */
    addFacilitator(input: { meetingId: string; workerId: string; addedBy: string; now: number }): boolean {
      return q.addFacilitator.run(input.meetingId, input.workerId, input.addedBy, input.now).changes === 1
    },

    /** Creates an invite; the token is returned once and only its hash is kept. */
    createInvite(input: {
      meetingId: string
      role: InviteRole
      kind: InviteKind
      label: string | null
      lobby: boolean
      createdBy: string
      expiresAt: number
      now: number
    }): { invite: Invite; token: string } {
      const { secret, hash } = createSecret('invite')
      const id = createId()
      q.insertInvite.run(id, input.meetingId, hash, input.role, input.createdBy, input.now, input.expiresAt, input.kind, input.label, input.lobby ? 1 : 0)
      const invite: Invite = {
        id,
        meetingId: input.meetingId,
        role: input.role,
        kind: input.kind,
        label: input.label,
        lobby: input.lobby,
        expiresAt: input.expiresAt,
        revoked: false,
        uses: 0,
      }
      return { invite, token: secret }
    },
    listInvites(meetingId: string): Invite[] {
      return q.invitesOf.all(meetingId).map(toInvite)
    },
    /** Revokes an invite of the meeting: 'revoked', 'already' (was revoked before) or 'unknown'. */
    revokeInvite(meetingId: string, inviteId: string, now: number): 'revoked' | 'already' | 'unknown' {
      if (q.revokeInvite.run(now, meetingId, inviteId).changes === 1) return 'revoked'
      return q.inviteExists.get(meetingId, inviteId) ? 'already' : 'unknown'
    },
    /** What an invite token opens, without using it. */
    findInvite: lookupInvite,
    /**
     * Uses an invite: records the joiner with their consent (who, when, which version) and counts
     * the use, in one transaction, so a personal invite cannot be used twice by racing requests.
     */
    join(input: {
      token: string
      name: string
      relationship: string
      attendance: Attendance
      consentVersion: string
      now: number
    }): { ok: true; participant: Participant; invite: Invite } | Extract<InviteLookup, { ok: false }> {
      return db.transaction(() => {
        const found = lookupInvite(input.token, input.now)
        if (!found.ok) return found
        const { invite } = found
        q.useInvite.run(invite.id)
        const participant: Participant = {
          id: createId(),
          meetingId: invite.meetingId,
          name: input.name.trim(),
          role: invite.role,
          status: invite.lobby ? 'waiting' : 'admitted',
          relationship: input.relationship.trim(),
          attendance: input.attendance,
          consentVersion: input.consentVersion,
          consentedAt: input.now,
          joinedAt: input.now,
        }
        q.insertParticipant.run(
          participant.id, participant.meetingId, invite.id, participant.name, participant.role, input.now,
          participant.status, participant.relationship, participant.attendance, participant.consentVersion, participant.consentedAt,
        )
        return { ok: true as const, participant, invite: { ...invite, uses: invite.uses + 1 } }
      })()
    },

    getParticipant(id: string): Participant | null {
      const row = q.participant.get(id)
      return row ? toParticipant(row) : null
    },
    listParticipants(meetingId: string): Participant[] {
      return q.participantsOf.all(meetingId).map(toParticipant)
    },
    setParticipantRole(meetingId: string, participantId: string, role: ParticipantRole): boolean {
      return q.setRole.run(role, meetingId, participantId).changes === 1
    },
    setParticipantStatus(meetingId: string, participantId: string, status: 'admitted' | 'declined'): boolean {
      return q.setStatus.run(status, meetingId, participantId).changes === 1
    },
    markRemoved(meetingId: string, participantId: string, now: number): boolean {
      return q.setRemoved.run(now, meetingId, participantId).changes === 1
    },

    /** Marks the meeting ended and revokes every invite, so nobody new can join. */
    markEnded(meetingId: string, now: number): void {
      db.transaction(() => {
        q.setEnded.run(now, meetingId)
        q.revokeAllInvites.run(now, meetingId)
      })()
    },
    setFinalized(meetingId: string, now: number): void {
      q.setMeetingStatus.run('finalized', now, meetingId)
    },
    /** Undoes {@link setFinalized} when the finalize could not complete. */
    setLive(meetingId: string): void {
      q.setMeetingStatus.run('live', null, meetingId)
    },
    /** Keeps a finalized doc state as `version`. */
    saveVersion(input: { meetingId: string; version: number; state: Uint8Array; finalizedBy: string; now: number }): void {
      q.insertVersion.run(input.meetingId, input.version, Buffer.from(input.state), input.now, input.finalizedBy)
    },
    /** Live again with the next version number; earlier versions stay. */
    reopen(meetingId: string): void {
      q.bumpVersion.run(meetingId)
    },
    listVersions(meetingId: string): MeetingVersion[] {
      return q.versionsOf.all(meetingId).map((r) => ({
        version: r.version,
        state: new Uint8Array(r.state),
        finalizedAt: r.finalized_at,
        finalizedBy: r.finalized_by,
      }))
    },

    /** Ids of meetings finalized at or before `cutoff` (due for the retention purge). */
    finalizedBefore(cutoff: number): string[] {
      return q.finalizedBefore.all(cutoff).map((r) => r.id)
    },
    /**
     * Deletes every row of the meeting here (versions, participants, invites, facilitators, the
     * meeting). The doc's own rows belong to the doc store; sessions to the session store.
     */
    purge(meetingId: string): void {
      db.transaction(() => {
        q.purge.versions.run(meetingId)
        q.purge.participants.run(meetingId)
        q.purge.invites.run(meetingId)
        q.purge.facilitators.run(meetingId)
        q.purge.meeting.run(meetingId)
      })()
    },
    /** Writes the WAL back into the database file and empties it, so deleted bytes leave the WAL too. */
    checkpoint(): void {
      db.pragma('wal_checkpoint(TRUNCATE)')
    },
  }
}

export type MeetingStore = ReturnType<typeof createMeetingStore>
