/**
 * The audit log: an append-only, hash-chained record of who did what to which meeting and when.
 * It never holds map content or names: actors and subjects are ids, details are small codes.
 * Each entry's hash covers the previous entry's hash, so a deleted or edited row breaks the chain.
 *
 *   await audit.record({ action: 'meeting.created', actor: { kind: 'worker', id }, meetingId, now })
 *   await audit.verify() // → { ok: true } or the first broken sequence number
 */
import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'

/** Every action the log knows; closed so a typo cannot invent a new one. */
export const AUDIT_ACTIONS = [
  'worker.signed-in',
  'worker.signed-out',
  'worker.setup-completed',
  'worker.signin-failed',
  'apikey.created',
  'apikey.revoked',
  'meeting.created',
  'meeting.finalized',
  'meeting.reopened',
  'meeting.ended',
  'meeting.purged',
  'meeting.facilitator-added',
  'meeting.details-changed',
  'meeting.facilitator-removed',
  'audit.viewed',
  'audit.exported',
  'invite.created',
  'invite.revoked',
  'participant.joined',
  'participant.consented',
  'participant.admitted',
  'participant.declined',
  'participant.role-changed',
  'participant.removed',
  'participant.release-consent-recorded',
  'join.refused',
  'access.refused',
  'rate.limited',
  'export.created',
  'item.restricted',
  'scale.privacy-changed',
  'rating.submitted',
  'rating.recorded-for',
  'rating.revealed',
  'journal.entry-added',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** `anonymous` is someone not (or no longer) signed in, e.g. a refused invite token; id is `-`. */
export type AuditActor = { kind: 'worker' | 'participant' | 'system' | 'anonymous'; id: string }

/** Small, content-free facts about an action (a role, a format, a checksum). */
export type AuditDetails = Record<string, string | number | boolean | null>

export interface AuditEntry {
  seq: number
  at: string
  action: AuditAction
  actor: AuditActor
  meetingId: string | null
  subjectId: string | null
  details: AuditDetails
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  action TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  meeting_id TEXT,
  subject_id TEXT,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_meeting ON audit_log (meeting_id, seq);
`

const GENESIS_HASH = '0'.repeat(64)

type Row = {
  seq: number
  at: number
  action: AuditAction
  actor_kind: AuditActor['kind']
  actor_id: string
  meeting_id: string | null
  subject_id: string | null
  details: string
  prev_hash: string
  hash: string
}

function entryHash(prevHash: string, row: Omit<Row, 'seq' | 'hash' | 'prev_hash'>): string {
  const body = JSON.stringify([row.at, row.action, row.actor_kind, row.actor_id, row.meeting_id, row.subject_id, row.details])
  return createHash('sha256').update(prevHash).update(body).digest('hex')
}

/** What {@link AuditLog.record} is told about one action. */
type RecordInput = {
  action: AuditAction
  actor: AuditActor
  meetingId?: string | null
  subjectId?: string | null
  details?: AuditDetails
  now: number
}

/** The row an action is stored as, before the chain adds its hashes. */
const toUnchainedRow = (input: RecordInput): Omit<Row, 'seq' | 'hash' | 'prev_hash'> => ({
  at: input.now,
  action: input.action,
  actor_kind: input.actor.kind,
  actor_id: input.actor.id,
  meeting_id: input.meetingId ?? null,
  subject_id: input.subjectId ?? null,
  details: JSON.stringify(input.details ?? {}),
})

const toEntry = (row: Row): AuditEntry => ({
  seq: row.seq,
  at: new Date(row.at).toISOString(),
  action: row.action,
  actor: { kind: row.actor_kind, id: row.actor_id },
  meetingId: row.meeting_id,
  subjectId: row.subject_id,
  details: JSON.parse(row.details) as AuditDetails,
})

/** Creates the audit log over an open database. */
export function createAuditLog(db: Database) {
  db.exec(SCHEMA)
  const q = {
    last: db.prepare<[], { hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
    insert: db.prepare(
      `INSERT INTO audit_log (at, action, actor_kind, actor_id, meeting_id, subject_id, details, prev_hash, hash)
       VALUES (@at, @action, @actor_kind, @actor_id, @meeting_id, @subject_id, @details, @prev_hash, @hash)`,
    ),
    forMeeting: db.prepare<[string], Row>('SELECT * FROM audit_log WHERE meeting_id = ? ORDER BY seq'),
    all: db.prepare<[], Row>('SELECT * FROM audit_log ORDER BY seq'),
  }
  const append = db.transaction((row: Omit<Row, 'seq' | 'hash' | 'prev_hash'>) => {
    const prev = q.last.get()?.hash ?? GENESIS_HASH
    q.insert.run({ ...row, prev_hash: prev, hash: entryHash(prev, row) })
  })

  return {
    /** Appends one entry; never throws for content reasons (there is no content). */
    async record(input: RecordInput): Promise<void> {
      append(toUnchainedRow(input))
    },
    async forMeeting(meetingId: string): Promise<AuditEntry[]> {
      return q.forMeeting.all(meetingId).map(toEntry)
    },
    async all(): Promise<AuditEntry[]> {
      return q.all.all().map(toEntry)
    },
    /** Walks the chain; reports the first entry whose hash does not follow from its predecessor. */
    async verify(): Promise<{ ok: true } | { ok: false; brokenAtSeq: number }> {
      let prev = GENESIS_HASH
      for (const row of q.all.iterate()) {
        if (row.prev_hash !== prev || row.hash !== entryHash(prev, row)) return { ok: false, brokenAtSeq: row.seq }
        prev = row.hash
      }
      return { ok: true }
    },
  }
}

export type AuditLog = ReturnType<typeof createAuditLog>

// The PostgreSQL adapter (storage/postgres/postgresAuditLog.ts) keeps the same rows and chain.
export {
  GENESIS_HASH as AUDIT_GENESIS_HASH,
  entryHash as auditEntryHash,
  toEntry as toAuditEntry,
  toUnchainedRow as toUnchainedAuditRow,
  type Row as AuditRow,
}
