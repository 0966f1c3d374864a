/**
 * Meetings, their facilitators, invites, participants and finalized versions, in SQLite. The map
 * itself lives in the meeting's Y.Doc (see the relay's doc store); this is only who may reach it,
 * how, and the frozen states a facilitator finalized.
 *
 *   const meetings = createMeetingStore(db)
 *   const meeting = await meetings.create({ title, locale, ownerWorkerId, now })
 *   const joined = await meetings.join({ token, name, relationship, attendance, consentVersion, now })
 */
import type { Database } from 'better-sqlite3'
import type { Locale } from '@safetymap/map-model'
import { createId, createSecret, hashSecret } from '../access/secrets.ts'
import { migrateMeetingTables } from './migrateMeetingTables.ts'
import { childrenFromColumn, childrenToColumn, NO_MEETING_DETAILS, type MeetingDetails, type MeetingFormat, type MeetingType } from './meetingDetails.ts'
import { versionDetailsFromJson, versionDetailsToJson, type VersionDetails } from './versionDetails.ts'

export const PARTICIPANT_ROLES = ['facilitator', 'editor', 'viewer'] as const
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number]
export const INVITE_ROLES = ['editor', 'viewer'] as const
export type InviteRole = (typeof INVITE_ROLES)[number]
/**
 * `personal`: for one named person, usable once. `shared`: a meeting link, usable until it expires.
 * `journal`: for one named person, usable once, lasting days or weeks: it opens the meeting's
 * safety journal only, so a family's network can write in it between meetings.
 */
export const INVITE_KINDS = ['personal', 'shared', 'journal'] as const
export type InviteKind = (typeof INVITE_KINDS)[number]
export const ATTENDANCE_MODES = ['in-room', 'video', 'phone'] as const
export type Attendance = (typeof ATTENDANCE_MODES)[number]
/** Where a joiner stands: waiting in the lobby, let in, turned away, or taken off the meeting. */
export const PARTICIPANT_STATUSES = ['waiting', 'admitted', 'declined', 'removed'] as const
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number]
/**
 * A remote participant's own answer to "Can you talk freely where you are right now?" (guide §9).
 * Only facilitators ever see it: the person causing harm may be another participant.
 */
export const CAN_TALK_ANSWERS = ['yes', 'not-now'] as const
export type CanTalk = (typeof CAN_TALK_ANSWERS)[number]

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
  /** What the facilitator entered for the case file. */
  details: MeetingDetails
  /** When a facilitator first opened the meeting page; `null` before. */
  openedAt: number | null
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
  /** When a facilitator recorded that they signed the release-of-information consent; `null`: not recorded. */
  releaseConsentAt: number | null
  joinedAt: number
  /** `null` until they answer the talk check (or when they are never asked). */
  canTalk: CanTalk | null
  /** The invite they joined with (`null` for rows older than invites). */
  inviteId: string | null
  /** Joined by a journal link: reaches the meeting's safety journal and nothing else (principal.ts `participantAccess`). */
  journalOnly: boolean
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
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'used'; meetingId: string | null; inviteId: string | null; kind: InviteKind | null }

/** A finalized state of a meeting's doc, kept when the meeting is reopened. */
export interface MeetingVersion {
  version: number
  state: Uint8Array
  finalizedAt: number
  finalizedBy: string
  /** The meeting's title and details as they stood at finalize; `null` for versions kept before they were stored. */
  details: VersionDetails | null
}

/** A `meetings` row as both backends return it (PostgreSQL keeps the same columns). */
export type MeetingRow = {
  id: string
  title: string
  locale: Locale
  status: Meeting['status']
  owner_worker_id: string
  created_at: number
  version: number
  finalized_at: number | null
  ended_at: number | null
  case_reference: string | null
  /** JSON list of names (meetingDetails.ts `childrenToColumn`). */
  children: string | null
  meeting_type: MeetingType | null
  meeting_format: MeetingFormat | null
  purpose: string | null
  agreements: string | null
  desired_outcome: string | null
  start_time: number | null
  end_time: number | null
  opened_at: number | null
}
export type InviteRow = {
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
export type ParticipantRow = {
  id: string
  meeting_id: string
  name: string
  role: ParticipantRole
  status: ParticipantStatus
  relationship: string | null
  attendance: Attendance | null
  consent_version: string | null
  consented_at: number | null
  release_consent_at: number | null
  joined_at: number
  can_talk: CanTalk | null
  invite_id: string | null
  journal_only: number
}

/** A purge's WAL truncation: tries this many times, this far apart, while another connection checkpoints. */
const CHECKPOINT_ATTEMPTS = 100
const CHECKPOINT_RETRY_MS = 20

export const toInvite = (r: InviteRow): Invite => ({
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
export const toParticipant = (r: ParticipantRow): Participant => ({
  id: r.id,
  meetingId: r.meeting_id,
  name: r.name,
  role: r.role,
  status: r.status,
  relationship: r.relationship,
  attendance: r.attendance,
  consentVersion: r.consent_version,
  consentedAt: r.consented_at,
  releaseConsentAt: r.release_consent_at,
  joinedAt: r.joined_at,
  canTalk: r.can_talk,
  inviteId: r.invite_id,
  journalOnly: r.journal_only === 1,
})

/** A meeting from its row and its co-facilitators' worker ids (oldest first). */
export const toMeeting = (r: MeetingRow, coFacilitatorIds: readonly string[]): Meeting => ({
  id: r.id,
  title: r.title,
  locale: r.locale,
  status: r.status,
  ownerWorkerId: r.owner_worker_id,
  facilitatorIds: [r.owner_worker_id, ...coFacilitatorIds],
  createdAt: r.created_at,
  version: r.version,
  finalizedAt: r.finalized_at,
  endedAt: r.ended_at,
  details: {
    caseReference: r.case_reference,
    children: childrenFromColumn(r.children),
    meetingType: r.meeting_type,
    meetingFormat: r.meeting_format,
    purpose: r.purpose,
    agreements: r.agreements,
    desiredOutcome: r.desired_outcome,
    startTime: r.start_time,
    endTime: r.end_time,
  },
  openedAt: r.opened_at,
})

/** The columns of the meeting details, and their values in that order, as both backends write them. */
export const DETAIL_COLUMNS = 'case_reference, children, meeting_type, meeting_format, purpose, agreements, desired_outcome, start_time, end_time'
export const detailColumnValues = (d: MeetingDetails) =>
  [d.caseReference, childrenToColumn(d.children), d.meetingType, d.meetingFormat, d.purpose, d.agreements, d.desiredOutcome, d.startTime, d.endTime] as const
/** `case_reference = ?, …` over {@link DETAIL_COLUMNS}, with each placeholder as the backend writes it (`?`, `$1`). */
export const detailAssignments = (placeholder: (i: number) => string) =>
  DETAIL_COLUMNS.split(', ').map((column, i) => `${column} = ${placeholder(i)}`).join(', ')

/**
 * SQL condition for the invites that let people into the meeting itself, which ending it revokes.
 * Journal links stay: the journal outlives the meeting, and they open nothing else.
 */
export const MEETING_INVITES = "kind <> 'journal'"

/** What an invite row (or none) lets its token holder do at `now`. */
export function judgeInvite(row: InviteRow | undefined, now: number): InviteLookup {
  if (!row) return { ok: false, reason: 'unknown', meetingId: null, inviteId: null, kind: null }
  const refusal = { ok: false, meetingId: row.meeting_id, inviteId: row.id, kind: row.kind } as const
  if (row.revoked_at !== null) return { ...refusal, reason: 'revoked' }
  if (row.expires_at <= now) return { ...refusal, reason: 'expired' }
  // Personal invites and journal links are for one person each.
  if (row.kind !== 'shared' && row.uses > 0) return { ...refusal, reason: 'used' }
  return { ok: true, invite: toInvite(row) }
}

/** A new invite, unrevoked and unused, with its token (handed out once) and the hash both backends keep. */
export function newInvite(input: Pick<Invite, 'meetingId' | 'role' | 'kind' | 'label' | 'lobby' | 'expiresAt'>): { invite: Invite; token: string; tokenHash: string } {
  const { secret, hash } = createSecret('invite')
  const invite: Invite = {
    id: createId(),
    meetingId: input.meetingId,
    role: input.role,
    kind: input.kind,
    label: input.label,
    lobby: input.lobby,
    expiresAt: input.expiresAt,
    revoked: false,
    uses: 0,
  }
  return { invite, token: secret, tokenHash: hash }
}

/** The participant a join makes from an invite: in its lobby when it has one, consenting `now`. */
export const newJoiner = (
  invite: Invite,
  input: { name: string; relationship: string; attendance: Attendance | null; consentVersion: string; now: number },
): Participant => ({
  id: createId(),
  meetingId: invite.meetingId,
  name: input.name.trim(),
  role: invite.role,
  status: invite.lobby ? 'waiting' : 'admitted',
  relationship: input.relationship.trim(),
  attendance: input.attendance,
  consentVersion: input.consentVersion,
  consentedAt: input.now,
  releaseConsentAt: null,
  joinedAt: input.now,
  canTalk: null,
  inviteId: invite.id,
  journalOnly: invite.kind === 'journal',
})

/** Creates the meeting store over an open database (tables and new columns are added when missing). */
export function createMeetingStore(db: Database) {
  migrateMeetingTables(db)
  const q = {
    insert: db.prepare(
      `INSERT INTO meetings (id, title, locale, owner_worker_id, created_at, ${DETAIL_COLUMNS})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    setDetails: db.prepare(`UPDATE meetings SET ${detailAssignments(() => '?')} WHERE id = ?`),
    setLocale: db.prepare('UPDATE meetings SET locale = ? WHERE id = ?'),
    setOpened: db.prepare('UPDATE meetings SET opened_at = ? WHERE id = ? AND opened_at IS NULL'),
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
    removeFacilitator: db.prepare('DELETE FROM meeting_facilitators WHERE meeting_id = ? AND worker_id = ?'),
    insertInvite: db.prepare(
      `INSERT INTO invites (id, meeting_id, token_hash, role, created_by, created_at, expires_at, kind, label, lobby)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    inviteByHash: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE token_hash = ?'),
    invitesOf: db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE meeting_id = ? ORDER BY created_at'),
    revokeInvite: db.prepare('UPDATE invites SET revoked_at = ? WHERE meeting_id = ? AND id = ? AND revoked_at IS NULL'),
    revokeAllInvites: db.prepare(`UPDATE invites SET revoked_at = ? WHERE meeting_id = ? AND revoked_at IS NULL AND ${MEETING_INVITES}`),
    useInvite: db.prepare('UPDATE invites SET uses = uses + 1 WHERE id = ?'),
    inviteExists: db.prepare<[string, string], { id: string }>('SELECT id FROM invites WHERE meeting_id = ? AND id = ?'),
    insertParticipant: db.prepare(
      `INSERT INTO participants (id, meeting_id, invite_id, name, role, joined_at, status, relationship, attendance, consent_version, consented_at, journal_only)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    participant: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE id = ?'),
    participantsOf: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE meeting_id = ? ORDER BY joined_at'),
    setRole: db.prepare('UPDATE participants SET role = ? WHERE meeting_id = ? AND id = ?'),
    setStatus: db.prepare('UPDATE participants SET status = ? WHERE meeting_id = ? AND id = ?'),
    setCanTalk: db.prepare('UPDATE participants SET can_talk = ? WHERE meeting_id = ? AND id = ?'),
    setReleaseConsent: db.prepare('UPDATE participants SET release_consent_at = ? WHERE meeting_id = ? AND id = ?'),
    setRemoved: db.prepare("UPDATE participants SET status = 'removed', removed_at = ? WHERE meeting_id = ? AND id = ?"),
    setMeetingStatus: db.prepare('UPDATE meetings SET status = ?, finalized_at = ? WHERE id = ?'),
    bumpVersion: db.prepare("UPDATE meetings SET status = 'live', finalized_at = NULL, version = version + 1 WHERE id = ?"),
    setEnded: db.prepare('UPDATE meetings SET ended_at = ? WHERE id = ?'),
    insertVersion: db.prepare(
      'INSERT OR REPLACE INTO meeting_versions (meeting_id, version, state, finalized_at, finalized_by, details) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    versionsOf: db.prepare<[string], { version: number; state: Buffer; finalized_at: number; finalized_by: string; details: string | null }>(
      'SELECT version, state, finalized_at, finalized_by, details FROM meeting_versions WHERE meeting_id = ? ORDER BY version',
    ),
    finalizedBefore: db.prepare<[number], { id: string }>(
      "SELECT id FROM meetings WHERE status = 'finalized' AND finalized_at IS NOT NULL AND finalized_at <= ?",
    ),
    endedBefore: db.prepare<[number], { id: string }>(
      `SELECT id FROM meetings m WHERE m.status <> 'finalized' AND m.ended_at IS NOT NULL AND m.ended_at <= ?
       AND NOT EXISTS (SELECT 1 FROM meeting_versions v WHERE v.meeting_id = m.id AND v.finalized_at >= m.ended_at)`,
    ),
    purge: {
      versions: db.prepare('DELETE FROM meeting_versions WHERE meeting_id = ?'),
      participants: db.prepare('DELETE FROM participants WHERE meeting_id = ?'),
      invites: db.prepare('DELETE FROM invites WHERE meeting_id = ?'),
      facilitators: db.prepare('DELETE FROM meeting_facilitators WHERE meeting_id = ?'),
      meeting: db.prepare('DELETE FROM meetings WHERE id = ?'),
    },
  }

  const meetingOf = (r: MeetingRow): Meeting => toMeeting(r, q.coFacilitators.all(r.id).map((c) => c.worker_id))
  const lookupInvite = (token: string, now: number): InviteLookup => judgeInvite(q.inviteByHash.get(hashSecret(token)), now)

  return {
    async create(input: { title: string; locale: Locale; ownerWorkerId: string; now: number; details?: Partial<MeetingDetails> }): Promise<Meeting> {
      const id = createId()
      const d = { ...NO_MEETING_DETAILS, ...input.details }
      q.insert.run(id, input.title.trim(), input.locale, input.ownerWorkerId, input.now, ...detailColumnValues(d))
      return meetingOf(q.byId.get(id) as MeetingRow)
    },
    /** Changes the fields of the meeting's details that `change` holds; `null` for an unknown meeting. */
    async updateDetails(meetingId: string, change: Partial<MeetingDetails>): Promise<Meeting | null> {
      return db.transaction(() => {
        const row = q.byId.get(meetingId)
        if (!row) return null
        const d = { ...meetingOf(row).details, ...change }
        q.setDetails.run(...detailColumnValues(d), meetingId)
        return meetingOf(q.byId.get(meetingId) as MeetingRow)
      })()
    },
    /** Changes the meeting's language (its board's own words and exports follow it). */
    async setLocale(meetingId: string, locale: Locale): Promise<void> {
      q.setLocale.run(locale, meetingId)
    },
    /** Records when a facilitator first opened the meeting (later openings keep the first time). */
    async markOpened(meetingId: string, now: number): Promise<void> {
      q.setOpened.run(now, meetingId)
    },
    async get(id: string): Promise<Meeting | null> {
      const row = q.byId.get(id)
      return row ? meetingOf(row) : null
    },
    /** Meetings the worker owns or co-facilitates, newest first. */
    async listForWorker(workerId: string): Promise<Meeting[]> {
      return q.forWorker.all(workerId, workerId).map(meetingOf)
    },
    /** Adds a co-facilitator; false when they already were one. */
    async addFacilitator(input: { meetingId: string; workerId: string; addedBy: string; now: number }): Promise<boolean> {
      return q.addFacilitator.run(input.meetingId, input.workerId, input.addedBy, input.now).changes === 1
    },
    /** Takes a co-facilitator off (never the owner, who is not in that table); false when they were not one. */
    async removeFacilitator(meetingId: string, workerId: string): Promise<boolean> {
      return q.removeFacilitator.run(meetingId, workerId).changes === 1
    },

    /** Creates an invite; the token is returned once and only its hash is kept. */
    async createInvite(input: {
      meetingId: string
      role: InviteRole
      kind: InviteKind
      label: string | null
      lobby: boolean
      createdBy: string
      expiresAt: number
      now: number
    }): Promise<{ invite: Invite; token: string }> {
      const { invite, token, tokenHash } = newInvite(input)
      q.insertInvite.run(invite.id, input.meetingId, tokenHash, input.role, input.createdBy, input.now, input.expiresAt, input.kind, input.label, input.lobby ? 1 : 0)
      return { invite, token }
    },
    async listInvites(meetingId: string): Promise<Invite[]> {
      return q.invitesOf.all(meetingId).map(toInvite)
    },
    /** Revokes an invite of the meeting: 'revoked', 'already' (was revoked before) or 'unknown'. */
    async revokeInvite(meetingId: string, inviteId: string, now: number): Promise<'revoked' | 'already' | 'unknown'> {
      if (q.revokeInvite.run(now, meetingId, inviteId).changes === 1) return 'revoked'
      return q.inviteExists.get(meetingId, inviteId) ? 'already' : 'unknown'
    },
    /** What an invite token opens, without using it. */
    findInvite: async (token: string, now: number): Promise<InviteLookup> => lookupInvite(token, now),
    /**
     * Uses an invite: records the joiner with their consent (who, when, which version) and counts
     * the use, in one transaction, so a personal invite cannot be used twice by racing requests.
     */
    async join(input: {
      token: string
      name: string
      relationship: string
      /** `null` only for a journal link, which is not taking part in a meeting. */
      attendance: Attendance | null
      consentVersion: string
      now: number
    }): Promise<{ ok: true; participant: Participant; invite: Invite } | Extract<InviteLookup, { ok: false }>> {
      return db.transaction(() => {
        const found = lookupInvite(input.token, input.now)
        if (!found.ok) return found
        const { invite } = found
        q.useInvite.run(invite.id)
        const participant = newJoiner(invite, input)
        q.insertParticipant.run(
          participant.id, participant.meetingId, invite.id, participant.name, participant.role, input.now,
          participant.status, participant.relationship, participant.attendance, participant.consentVersion, participant.consentedAt,
          participant.journalOnly ? 1 : 0,
        )
        return { ok: true as const, participant, invite: { ...invite, uses: invite.uses + 1 } }
      })()
    },

    async getParticipant(id: string): Promise<Participant | null> {
      const row = q.participant.get(id)
      return row ? toParticipant(row) : null
    },
    async listParticipants(meetingId: string): Promise<Participant[]> {
      return q.participantsOf.all(meetingId).map(toParticipant)
    },
    async setParticipantRole(meetingId: string, participantId: string, role: ParticipantRole): Promise<boolean> {
      return q.setRole.run(role, meetingId, participantId).changes === 1
    },
    async setParticipantStatus(meetingId: string, participantId: string, status: 'admitted' | 'declined'): Promise<boolean> {
      return q.setStatus.run(status, meetingId, participantId).changes === 1
    },
    /** Records the participant's own talk-check answer; false for someone not in the meeting. */
    async setCanTalk(meetingId: string, participantId: string, canTalk: CanTalk): Promise<boolean> {
      return q.setCanTalk.run(canTalk, meetingId, participantId).changes === 1
    },
    /** Records (a time) or clears (`null`) that the participant signed the release-of-information consent; false for someone not in the meeting. */
    async setReleaseConsent(meetingId: string, participantId: string, at: number | null): Promise<boolean> {
      return q.setReleaseConsent.run(at, meetingId, participantId).changes === 1
    },
    async markRemoved(meetingId: string, participantId: string, now: number): Promise<boolean> {
      return q.setRemoved.run(now, meetingId, participantId).changes === 1
    },

    /** Marks the meeting ended and revokes every invite but journal links, so nobody new can join it. */
    async markEnded(meetingId: string, now: number): Promise<void> {
      db.transaction(() => {
        q.setEnded.run(now, meetingId)
        q.revokeAllInvites.run(now, meetingId)
      })()
    },
    async setFinalized(meetingId: string, now: number): Promise<void> {
      q.setMeetingStatus.run('finalized', now, meetingId)
    },
    /** Undoes {@link setFinalized} when the finalize could not complete. */
    async setLive(meetingId: string): Promise<void> {
      q.setMeetingStatus.run('live', null, meetingId)
    },
    /** Keeps a finalized doc state as `version`, with the meeting's details as they stand. */
    async saveVersion(input: { meetingId: string; version: number; state: Uint8Array; finalizedBy: string; now: number; details: VersionDetails }): Promise<void> {
      q.insertVersion.run(input.meetingId, input.version, Buffer.from(input.state), input.now, input.finalizedBy, versionDetailsToJson(input.details))
    },
    /** Live again with the next version number; earlier versions stay. */
    async reopen(meetingId: string): Promise<void> {
      q.bumpVersion.run(meetingId)
    },
    async listVersions(meetingId: string): Promise<MeetingVersion[]> {
      return q.versionsOf.all(meetingId).map((r) => ({
        version: r.version,
        state: new Uint8Array(r.state),
        finalizedAt: r.finalized_at,
        finalizedBy: r.finalized_by,
        details: versionDetailsFromJson(r.details),
      }))
    },

    /** Ids of meetings finalized at or before `cutoff` (due for the retention purge). */
    async finalizedBefore(cutoff: number): Promise<string[]> {
      return q.finalizedBefore.all(cutoff).map((r) => r.id)
    },
    /** Ids of meetings ended at or before `cutoff` and not finalized since (a reopened map counts from its next end). */
    async endedBefore(cutoff: number): Promise<string[]> {
      return q.endedBefore.all(cutoff).map((r) => r.id)
    },
    /**
     * Deletes every row of the meeting here (versions, participants, invites, facilitators, the
     * meeting). The doc's own rows belong to the doc store; sessions to the session store.
     */
    async purge(meetingId: string): Promise<void> {
      db.transaction(() => {
        q.purge.versions.run(meetingId)
        q.purge.participants.run(meetingId)
        q.purge.invites.run(meetingId)
        q.purge.facilitators.run(meetingId)
        q.purge.meeting.run(meetingId)
      })()
    },
    /**
     * Writes the WAL back into the database file and empties it, so deleted bytes leave the WAL
     * too. The server's checkpoint worker (`walCheckpoints.ts`) may hold the checkpoint for a few
     * ms: SQLite then reports busy rather than wait, so this waits and tries again.
     */
    async checkpoint(): Promise<void> {
      for (let attempt = 1; ; attempt++) {
        const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
        if (!result?.busy) return
        if (attempt === CHECKPOINT_ATTEMPTS) throw new Error('The database stayed busy, so deleted content may stay in its WAL file until the next checkpoint. Try the purge again.')
        await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_RETRY_MS))
      }
    },
  }
}

export type MeetingStore = ReturnType<typeof createMeetingStore>
