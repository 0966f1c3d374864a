/**
 * The kinds of meeting (and how it was held) a facilitator records for the case file, fixed lists for the server
 * (validation, exports) and the web app (the form), in the order forms list them.
 *
 * ```ts
 * if (isMeetingType(body.meetingType)) save(body.meetingType)
 * ```
 */

/** @public */
export const MEETING_TYPES = ['child-and-family-team', 'safety-mapping', 'consultation', 'other'] as const

/** @public */
export type MeetingType = (typeof MEETING_TYPES)[number]

/** True when `value` is one of {@link MEETING_TYPES}. @public */
export function isMeetingType(value: unknown): value is MeetingType {
  return (MEETING_TYPES as readonly unknown[]).includes(value)
}

/** How the meeting was held, for the case file: everyone in one room, everyone remote, or some of each. @public */
export const MEETING_FORMATS = ['in-person', 'remote', 'hybrid'] as const

/** @public */
export type MeetingFormat = (typeof MEETING_FORMATS)[number]

/** True when `value` is one of {@link MEETING_FORMATS}. @public */
export function isMeetingFormat(value: unknown): value is MeetingFormat {
  return (MEETING_FORMATS as readonly unknown[]).includes(value)
}
