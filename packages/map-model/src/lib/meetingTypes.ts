/**
 * The kinds of meeting a facilitator records for the case file, one fixed list for the server
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
