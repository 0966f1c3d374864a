/**
 * Who a presence (Yjs awareness) state may claim to be. The web app announces each person in the
 * state's `user` field (`{ id, name, color, role }`, tldraw-yjs `setAwarenessUser`), tldraw's cursor
 * record in `presence` (`userId: 'user:<id>'`), and a facilitator leading everyone's view in
 * `smFollow` (the board's follow-me). Boards believe these fields, so the relay refuses a state that
 * speaks for someone else, calls itself a facilitator, or leads the view, unless the connection that
 * sent it is that person and that facilitator: a changed client must not steer other people's
 * screens or wear another person's cursor.
 *
 * ```ts
 * speaksForItself(JSON.parse(stateJson), { participantId: 'p-12', facilitator: false }) // false for { smFollow: {…} }
 * ```
 */

/** Awareness field of a facilitator's view that everyone follows (`{ bounds, since }`). @public */
export const FOLLOW_PRESENCE_FIELD = 'smFollow'

/** Who sent a presence state, as the server knows it. @public */
export interface PresenceSender {
  readonly participantId: string
  readonly facilitator: boolean
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** True when `state` claims nothing its sender is not: their own id, and a facilitator's role and lead only from a facilitator. @public */
export function speaksForItself(state: unknown, sender: PresenceSender): boolean {
  if (!isObject(state)) return true
  const { user, presence } = state
  if (isObject(user)) {
    if ('id' in user && user.id !== sender.participantId) return false
    if (user.role === 'facilitator' && !sender.facilitator) return false
  }
  const record = isObject(presence) ? presence.record : undefined
  if (isObject(record) && 'userId' in record && record.userId !== `user:${sender.participantId}`) return false
  const lead = state[FOLLOW_PRESENCE_FIELD]
  return sender.facilitator || lead === null || lead === undefined
}
