/**
 * Owns the meeting details kept with each finalized version: the title, what the facilitator
 * entered for the case file, and when the meeting was opened and ended, as they stood at
 * finalize. An older version exported after a reopen then prints its own details, not the
 * meeting's current ones. Stored as JSON text beside the version's state (same text in SQLite and
 * PostgreSQL).
 *
 *   const text = versionDetailsToJson(meeting)      // at finalize
 *   const details = versionDetailsFromJson(row.details) // null for versions kept before this
 */
import type { Meeting } from './MeetingStore.ts'
import { isMeetingFormat, isMeetingType, type MeetingFormat, type MeetingType } from '@safetymap/map-model'
import { namesOf } from './meetingDetails.ts'

/** What a finalized version keeps of its meeting's record. */
export type VersionDetails = Pick<Meeting, 'title' | 'details' | 'openedAt' | 'endedAt'>

/** The snapshot of `meeting` as stored text, with a fixed key order. */
export function versionDetailsToJson(meeting: VersionDetails): string {
  const { caseReference, children, meetingType, meetingFormat, purpose, agreements, desiredOutcome, startTime, endTime } = meeting.details
  return JSON.stringify({
    title: meeting.title,
    details: { caseReference, children, meetingType, meetingFormat, purpose, agreements, desiredOutcome, startTime, endTime },
    openedAt: meeting.openedAt,
    endedAt: meeting.endedAt,
  })
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const time = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const meetingType = (v: unknown): MeetingType | null => (isMeetingType(v) ? v : null)
const meetingFormat = (v: unknown): MeetingFormat | null => (isMeetingFormat(v) ? v : null)

/** The stored snapshot, or `null` when none was kept (versions finalized before) or it is unreadable. */
export function versionDetailsFromJson(stored: string | null): VersionDetails | null {
  if (stored === null) return null
  let value: unknown
  try {
    value = JSON.parse(stored)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  const d = (typeof v.details === 'object' && v.details !== null ? v.details : {}) as Record<string, unknown>
  if (typeof v.title !== 'string') return null
  return {
    title: v.title,
    // Versions kept before a field existed read it as not entered.
    details: {
      caseReference: text(d.caseReference),
      children: namesOf(d.children),
      meetingType: meetingType(d.meetingType),
      meetingFormat: meetingFormat(d.meetingFormat),
      purpose: text(d.purpose),
      agreements: text(d.agreements),
      desiredOutcome: text(d.desiredOutcome),
      startTime: time(d.startTime),
      endTime: time(d.endTime),
    },
    openedAt: time(v.openedAt),
    endedAt: time(v.endedAt),
  }
}
