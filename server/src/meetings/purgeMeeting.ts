/**
 * Retention: deleting everything a meeting holds (its docs — the shared map and the restricted
 * doc — with every update and snapshot, its safety journal, its
 * finalized versions, invites, participants and their sessions, the meeting row with its title),
 * leaving only the audit trail (ids, no content) and one `meeting.purged` entry. Afterwards the
 * WAL is checkpointed and truncated; `secure_delete` (see `openDatabase`) zeroes the freed pages,
 * so no content bytes stay in the database files.
 *
 *   await purgeMeeting(deps, meetingId, { kind: 'system', id: 'retention' })
 *   const stop = startRetention({ ...deps, retentionDays: 30, logger })   // on start, then hourly
 */
import type { AuditActor, AuditLog } from '../audit/AuditLog.ts'
import type { SessionStore } from '../access/SessionStore.ts'
import type { Meeting, MeetingStore } from './MeetingStore.ts'
import type { SafetyJournalStore } from '../journal/SafetyJournalStore.ts'
import { meetingDocIds } from './restrictedDoc.ts'

/** How often the retention sweep runs. */
export const RETENTION_SWEEP_INTERVAL_MS = 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** What a purge needs; `deleteDoc` is the relay's `purgeMeeting` in the server, the doc store's `delete` in the CLI. */
export interface PurgeDeps {
  meetings: MeetingStore
  sessions: SessionStore
  audit: AuditLog
  journal: Pick<SafetyJournalStore, 'deleteMeeting'>
  deleteDoc(meetingId: string): Promise<void>
  now(): number
}

/** Purges one meeting; false when there was no such meeting. */
export async function purgeMeeting(deps: PurgeDeps, meetingId: string, actor: AuditActor, reason: 'retention' | 'manual' = 'manual'): Promise<boolean> {
  if (!await deps.meetings.get(meetingId)) return false
  for (const docId of meetingDocIds(meetingId)) await deps.deleteDoc(docId)
  await deps.journal.deleteMeeting(meetingId)
  await deps.sessions.forgetParticipants((await deps.meetings.listParticipants(meetingId)).map((p) => p.id))
  await deps.meetings.purge(meetingId)
  await deps.audit.record({ action: 'meeting.purged', actor, meetingId, details: { reason }, now: deps.now() })
  await deps.meetings.checkpoint()
  return true
}

/**
 * When the sweep will purge `meeting` (as {@link sweepRetention} picks them): `retentionDays` after
 * it was finalized, or after it ended unfinished; null while its retention has not started.
 */
export function purgeDueAt(meeting: Pick<Meeting, 'status' | 'finalizedAt' | 'endedAt'>, retentionDays: number): number | null {
  const since = meeting.status === 'finalized' ? meeting.finalizedAt : meeting.endedAt
  return since === null ? null : since + retentionDays * DAY_MS
}

/**
 * Purges every meeting finalized more than `retentionDays` ago, and every one ended that long ago
 * without being finalized since (an ended meeting is over even if nobody finished its map);
 * returns how many.
 */
export async function sweepRetention(deps: PurgeDeps & { retentionDays: number }): Promise<number> {
  const cutoff = deps.now() - deps.retentionDays * DAY_MS
  const due = new Set([...(await deps.meetings.finalizedBefore(cutoff)), ...(await deps.meetings.endedBefore(cutoff))])
  let purged = 0
  for (const meetingId of due) {
    if (await purgeMeeting(deps, meetingId, { kind: 'system', id: 'retention' }, 'retention')) purged++
  }
  return purged
}

/** Logger the sweep reports through (ids and counts only). */
export interface RetentionLogger {
  info(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

/** Sweeps now and then every {@link RETENTION_SWEEP_INTERVAL_MS}; the returned stop waits for a running sweep. */
export function startRetention(deps: PurgeDeps & { retentionDays: number; logger: RetentionLogger }): () => Promise<void> {
  let running: Promise<void> | null = null
  const sweep = () => {
    if (running) return
    running = sweepRetention(deps)
      .then((purged) => {
        if (purged > 0) deps.logger.info({ purged }, 'retention purged meetings')
      })
      .catch((err: unknown) => deps.logger.error({ err }, 'retention sweep failed'))
      .finally(() => {
        running = null
      })
  }
  sweep()
  const timer = setInterval(sweep, RETENTION_SWEEP_INTERVAL_MS)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}
