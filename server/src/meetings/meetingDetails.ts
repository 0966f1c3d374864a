/**
 * Owns the meeting details a facilitator records for the case file besides the title: the case
 * reference, the kind of meeting (from a fixed list), its purpose, and when it started and ended.
 * Every field is optional (`null`: not entered). The agency's name is a deployment setting
 * (`AGENCY_NAME`), not a detail of one meeting.
 *
 *   const details = meetingDetailsFromApi(request.body) // fields absent from the body stay undefined
 */

import { MEETING_TYPES, type MeetingType } from '@safetymap/map-model'

export { MEETING_TYPES, type MeetingType }

export const CASE_REFERENCE_MAX_LENGTH = 80
export const PURPOSE_MAX_LENGTH = 1000

/**
 * What a facilitator may enter about a meeting; times are epoch milliseconds. Exports fall back to
 * when a facilitator first opened the map and when the meeting was ended for times not entered.
 */
export interface MeetingDetails {
  caseReference: string | null
  meetingType: MeetingType | null
  purpose: string | null
  startTime: number | null
  endTime: number | null
}

export const NO_MEETING_DETAILS: Readonly<MeetingDetails> = Object.freeze({
  caseReference: null,
  meetingType: null,
  purpose: null,
  startTime: null,
  endTime: null,
})

/** The details as the API sends and receives them (times as ISO 8601). */
export interface MeetingDetailsBody {
  caseReference?: string | null
  meetingType?: MeetingType | null
  purpose?: string | null
  startTime?: string | null
  endTime?: string | null
}

/** JSON-schema properties of {@link MeetingDetailsBody}, for request bodies and responses. */
export const meetingDetailsProperties = {
  caseReference: { type: ['string', 'null'], maxLength: CASE_REFERENCE_MAX_LENGTH },
  meetingType: { type: ['string', 'null'], enum: [...MEETING_TYPES, null] },
  purpose: { type: ['string', 'null'], maxLength: PURPOSE_MAX_LENGTH },
  startTime: { type: ['string', 'null'], format: 'date-time' },
  endTime: { type: ['string', 'null'], format: 'date-time' },
} as const

/** A trimmed text, or `null` when nothing is left. */
const textOrNull = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim()

const timeOrNull = (value: string | null | undefined): number | null | undefined =>
  value === undefined ? undefined : value === null ? null : Date.parse(value)

/** Converts a (schema-validated) body to store values; fields the body leaves out stay `undefined`. */
export function meetingDetailsFromApi(body: MeetingDetailsBody): Partial<MeetingDetails> {
  const out: Partial<MeetingDetails> = {}
  const caseReference = textOrNull(body.caseReference)
  const purpose = textOrNull(body.purpose)
  const startTime = timeOrNull(body.startTime)
  const endTime = timeOrNull(body.endTime)
  if (caseReference !== undefined) out.caseReference = caseReference
  if (body.meetingType !== undefined) out.meetingType = body.meetingType
  if (purpose !== undefined) out.purpose = purpose
  if (startTime !== undefined) out.startTime = startTime
  if (endTime !== undefined) out.endTime = endTime
  return out
}

/** Names of the fields a change touched whose value differs, for the audit entry (never the values). */
export function changedDetailFields(before: MeetingDetails, change: Partial<MeetingDetails>): (keyof MeetingDetails)[] {
  return (Object.keys(change) as (keyof MeetingDetails)[]).filter((key) => change[key] !== before[key])
}

/** True when both times are set and the end is before the start. */
export function endsBeforeStart(details: Pick<MeetingDetails, 'startTime' | 'endTime'>): boolean {
  return details.startTime !== null && details.endTime !== null && details.endTime < details.startTime
}
