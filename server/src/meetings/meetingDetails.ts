/**
 * Owns the meeting details a facilitator records for the case file besides the title: the case
 * reference, the child or children it is about (as the family calls them), the kind of meeting and
 * how it was held (fixed lists), its purpose, the group's agreements (confidentiality among them),
 * the outcome hoped for today, and when it started and ended. Every field is optional (`null`: not entered). The agency's name is a deployment setting
 * (`AGENCY_NAME`), not a detail of one meeting.
 *
 *   const details = meetingDetailsFromApi(request.body) // fields absent from the body stay undefined
 */

import { MEETING_FORMATS, MEETING_TYPES, type MeetingFormat, type MeetingType } from '@safetymap/map-model'

export { MEETING_FORMATS, MEETING_TYPES, type MeetingFormat, type MeetingType }

export const CASE_REFERENCE_MAX_LENGTH = 80
export const PURPOSE_MAX_LENGTH = 1000
/** Agreements and the desired outcome are a few sentences each, like the purpose. */
export const AGREEMENTS_MAX_LENGTH = PURPOSE_MAX_LENGTH
export const DESIRED_OUTCOME_MAX_LENGTH = PURPOSE_MAX_LENGTH
/** A short list: the children one meeting is about. */
export const CHILDREN_MAX_COUNT = 12
export const CHILD_NAME_MAX_LENGTH = 80

/**
 * What a facilitator may enter about a meeting; times are epoch milliseconds. Exports fall back to
 * when a facilitator first opened the map and when the meeting was ended for times not entered.
 */
export interface MeetingDetails {
  caseReference: string | null
  /** Names as the family uses them, in the order entered; empty when none were entered. */
  children: readonly string[]
  meetingType: MeetingType | null
  meetingFormat: MeetingFormat | null
  purpose: string | null
  agreements: string | null
  desiredOutcome: string | null
  startTime: number | null
  endTime: number | null
}

export const NO_MEETING_DETAILS: Readonly<MeetingDetails> = Object.freeze({
  caseReference: null,
  children: Object.freeze([]),
  meetingType: null,
  meetingFormat: null,
  purpose: null,
  agreements: null,
  desiredOutcome: null,
  startTime: null,
  endTime: null,
})

/** The details as the API sends and receives them (times as ISO 8601). */
export interface MeetingDetailsBody {
  caseReference?: string | null
  children?: readonly string[]
  meetingType?: MeetingType | null
  meetingFormat?: MeetingFormat | null
  purpose?: string | null
  agreements?: string | null
  desiredOutcome?: string | null
  startTime?: string | null
  endTime?: string | null
}

/** JSON-schema properties of {@link MeetingDetailsBody}, for request bodies and responses. */
export const meetingDetailsProperties = {
  caseReference: { type: ['string', 'null'], maxLength: CASE_REFERENCE_MAX_LENGTH },
  children: { type: 'array', maxItems: CHILDREN_MAX_COUNT, items: { type: 'string', maxLength: CHILD_NAME_MAX_LENGTH } },
  meetingType: { type: ['string', 'null'], enum: [...MEETING_TYPES, null] },
  meetingFormat: { type: ['string', 'null'], enum: [...MEETING_FORMATS, null] },
  purpose: { type: ['string', 'null'], maxLength: PURPOSE_MAX_LENGTH },
  agreements: { type: ['string', 'null'], maxLength: AGREEMENTS_MAX_LENGTH },
  desiredOutcome: { type: ['string', 'null'], maxLength: DESIRED_OUTCOME_MAX_LENGTH },
  startTime: { type: ['string', 'null'], format: 'date-time' },
  endTime: { type: ['string', 'null'], format: 'date-time' },
} as const

/** A trimmed text, or `null` when nothing is left. */
const textOrNull = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim()

/** Trimmed names, blanks dropped. */
const namesOrUndefined = (value: readonly string[] | undefined): string[] | undefined =>
  value?.map((name) => name.trim()).filter((name) => name !== '')

const timeOrNull = (value: string | null | undefined): number | null | undefined =>
  value === undefined ? undefined : value === null ? null : Date.parse(value)

/** Converts a (schema-validated) body to store values; fields the body leaves out stay `undefined`. */
export function meetingDetailsFromApi(body: MeetingDetailsBody): Partial<MeetingDetails> {
  const out: Partial<MeetingDetails> = {}
  const caseReference = textOrNull(body.caseReference)
  const children = namesOrUndefined(body.children)
  const purpose = textOrNull(body.purpose)
  const agreements = textOrNull(body.agreements)
  const desiredOutcome = textOrNull(body.desiredOutcome)
  const startTime = timeOrNull(body.startTime)
  const endTime = timeOrNull(body.endTime)
  if (caseReference !== undefined) out.caseReference = caseReference
  if (children !== undefined) out.children = children
  if (body.meetingType !== undefined) out.meetingType = body.meetingType
  if (body.meetingFormat !== undefined) out.meetingFormat = body.meetingFormat
  if (purpose !== undefined) out.purpose = purpose
  if (agreements !== undefined) out.agreements = agreements
  if (desiredOutcome !== undefined) out.desiredOutcome = desiredOutcome
  if (startTime !== undefined) out.startTime = startTime
  if (endTime !== undefined) out.endTime = endTime
  return out
}

/** Names of the fields a change touched whose value differs, for the audit entry (never the values). */
export function changedDetailFields(before: MeetingDetails, change: Partial<MeetingDetails>): (keyof MeetingDetails)[] {
  return (Object.keys(change) as (keyof MeetingDetails)[]).filter((key) => JSON.stringify(change[key]) !== JSON.stringify(before[key]))
}

/** The children's names as a column holds them (JSON text; `null` for none), and back. */
export const childrenToColumn = (children: readonly string[]): string | null => (children.length === 0 ? null : JSON.stringify(children))
/** The strings of a stored list (anything else reads as no names). */
export const namesOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((n): n is string => typeof n === 'string') : [])
export function childrenFromColumn(stored: string | null): string[] {
  if (stored === null) return []
  try {
    return namesOf(JSON.parse(stored))
  } catch {
    return []
  }
}

/** True when both times are set and the end is before the start. */
export function endsBeforeStart(details: Pick<MeetingDetails, 'startTime' | 'endTime'>): boolean {
  return details.startTime !== null && details.endTime !== null && details.endTime < details.startTime
}
