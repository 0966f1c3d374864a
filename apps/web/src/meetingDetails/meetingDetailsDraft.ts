/**
 * Owns the meeting-details form's values: what the inputs hold (plain strings, the children's
 * names as one comma-separated text, times as the browser's local `datetime-local` text) and the conversion to and from the API's details
 * (`null` for empty, times as ISO 8601).
 *
 *   const draft = draftFromDetails(meeting)
 *   const details = detailsFromDraft(draft) // → api.updateMeetingDetails(id, details)
 */
import type { MeetingFormat, MeetingType } from '@safetymap/map-model'
import type { MeetingDetails } from '../api/api.ts'

/** The form's values. */
export interface MeetingDetailsDraft {
  readonly caseReference: string
  /** The children's names, comma-separated as typed. */
  readonly children: string
  readonly meetingType: MeetingType | ''
  readonly meetingFormat: MeetingFormat | ''
  readonly purpose: string
  readonly agreements: string
  readonly desiredOutcome: string
  /** `YYYY-MM-DDTHH:mm` in this browser's time zone, or ''. */
  readonly startTime: string
  readonly endTime: string
}

export const EMPTY_DRAFT: MeetingDetailsDraft = {
  caseReference: '',
  children: '',
  meetingType: '',
  meetingFormat: '',
  purpose: '',
  agreements: '',
  desiredOutcome: '',
  startTime: '',
  endTime: '',
}

const pad = (n: number) => String(n).padStart(2, '0')

/** An ISO time as `datetime-local` text in this browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** `datetime-local` text (this browser's time zone) as ISO 8601, or null when empty or invalid. */
export function fromLocalInput(local: string): string | null {
  if (local === '') return null
  const d = new Date(local)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

/** The two date-time fields of the form. */
export type MeetingTimeField = 'startTime' | 'endTime'

/** What {@link firstIncompleteTime} needs of a `datetime-local` input. */
export interface TimeInputState {
  readonly value: string
  readonly validity: { readonly badInput: boolean }
}

/**
 * The first time field the browser shows as only half filled in (a date without a time, say),
 * or null. Such a field's `value` is '' as if it were empty, so saving it would drop what the
 * person typed without a word: it is refused instead.
 */
export function firstIncompleteTime(inputs: Partial<Record<MeetingTimeField, TimeInputState | null>>): MeetingTimeField | null {
  for (const field of ['startTime', 'endTime'] as const) {
    const input = inputs[field]
    if (input && input.value === '' && input.validity.badInput) return field
  }
  return null
}

/** The form's values for a meeting's recorded details. */
export function draftFromDetails(details: Partial<MeetingDetails>): MeetingDetailsDraft {
  return {
    caseReference: details.caseReference ?? '',
    children: (details.children ?? []).join(', '),
    meetingType: details.meetingType ?? '',
    meetingFormat: details.meetingFormat ?? '',
    purpose: details.purpose ?? '',
    agreements: details.agreements ?? '',
    desiredOutcome: details.desiredOutcome ?? '',
    startTime: toLocalInput(details.startTime),
    endTime: toLocalInput(details.endTime),
  }
}

/** The details to send for the form's values: trimmed, empty as null. */
export function detailsFromDraft(draft: MeetingDetailsDraft): MeetingDetails {
  const text = (value: string) => (value.trim() === '' ? null : value.trim())
  return {
    caseReference: text(draft.caseReference),
    children: draft.children.split(',').map((name) => name.trim()).filter((name) => name !== ''),
    meetingType: draft.meetingType === '' ? null : draft.meetingType,
    meetingFormat: draft.meetingFormat === '' ? null : draft.meetingFormat,
    purpose: text(draft.purpose),
    agreements: text(draft.agreements),
    desiredOutcome: text(draft.desiredOutcome),
    startTime: fromLocalInput(draft.startTime),
    endTime: fromLocalInput(draft.endTime),
  }
}

/** True when both times are filled and the end comes before the start. */
export function endsBeforeStart(draft: MeetingDetailsDraft): boolean {
  const start = fromLocalInput(draft.startTime)
  const end = fromLocalInput(draft.endTime)
  return start !== null && end !== null && Date.parse(end) < Date.parse(start)
}
