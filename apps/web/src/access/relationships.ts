/**
 * The answers the join page offers for "How are you connected to the child?" and "How are you
 * taking part today?", and how the roster shows them. A relationship is stored as one of the
 * listed keys, or as the joiner's own words when none fits.
 *
 *   relationshipLabel('grandparent', t) // 'Grandparent'
 *   relationshipLabel('Godmother', t)   // 'Godmother'
 */
import type { Attendance } from '../api/api.ts'
import type { MessageKey } from '../i18n/messages.ts'

/** The relationships the join page lists, in the order shown; `other` asks for the joiner's words. */
export const RELATIONSHIPS = ['parent', 'grandparent', 'sibling', 'relative', 'friend', 'neighbour', 'teacher', 'worker', 'other'] as const

/** One of {@link RELATIONSHIPS}. */
export type Relationship = (typeof RELATIONSHIPS)[number]

/** How someone can take part, in the order shown. */
export const ATTENDANCES: readonly Attendance[] = ['in-room', 'video', 'phone']

/** Longest relationship the join page sends (the server's limit for free text). */
export const RELATIONSHIP_MAX_CHARS = 60

/** Whether `value` is one of the listed relationships. */
export function isRelationship(value: string): value is Relationship {
  return (RELATIONSHIPS as readonly string[]).includes(value)
}

/** The catalogue key for a listed relationship. */
export function relationshipKey(value: Relationship): MessageKey {
  return `relationship.${value}`
}

/** The words to show for a stored relationship: translated when listed, as written otherwise. */
export function relationshipLabel(value: string, t: (key: MessageKey) => string): string {
  return isRelationship(value) ? t(relationshipKey(value)) : value
}

/** The catalogue key for how someone takes part. */
export function attendanceKey(value: Attendance): MessageKey {
  return `attendance.${value}`
}

/** Whether `value` is a known way of taking part. */
export function isAttendance(value: string): value is Attendance {
  return (ATTENDANCES as readonly string[]).includes(value)
}
