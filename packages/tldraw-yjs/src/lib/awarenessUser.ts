/**
 * Owns the `user` field of Yjs awareness: who each connected client is, in SafetyMap's terms
 * (participant id, display name, colour, meeting role). The web app writes it once per connection
 * with {@link setAwarenessUser}; the "who's here" list reads it with {@link readPeers}. tldraw's
 * own cursor/selection presence travels separately in the `presence` field (see `bindPresence`).
 *
 * ```ts
 * setAwarenessUser(provider.awareness, { id: 'p-12', name: 'Ana', color: '#d94', role: 'facilitator' })
 * readPeers(provider.awareness) // [{ clientId, user, isSelf }], one per participant
 * ```
 */
import { type TLUser, UserRecordType, createUserId } from '@tldraw/tlschema'
import type { Awareness } from 'y-protocols/awareness'

/** Awareness state field that holds {@link AwarenessUser}. @public */
export const AWARENESS_USER_FIELD = 'user'

/** Longest accepted participant id in a peer's awareness state. @public */
export const MAX_AWARENESS_USER_ID_LENGTH = 128

/** Longest accepted display name in a peer's awareness state. @public */
export const MAX_AWARENESS_USER_NAME_LENGTH = 200

/** Longest accepted colour or role string in a peer's awareness state. @public */
export const MAX_AWARENESS_USER_TAG_LENGTH = 64

/**
 * A participant as announced in awareness. `id` is SafetyMap's participant id (not prefixed with
 * `user:`); `role` is the meeting role the web app assigned, passed through as-is.
 *
 * @public
 */
export interface AwarenessUser {
  readonly id: string
  readonly name: string
  readonly color: string
  readonly role: string
}

/**
 * One participant in the "who's here" list.
 *
 * @public
 */
export interface Peer {
  /** The awareness client id chosen to represent this participant (lowest, or our own). */
  readonly clientId: number
  readonly user: AwarenessUser
  /** True when one of this participant's clients is the local one. */
  readonly isSelf: boolean
}

/**
 * Announces the local participant in awareness.
 *
 * @public
 */
export function setAwarenessUser(awareness: Awareness, user: AwarenessUser): void {
  const { id, name, color, role } = user
  awareness.setLocalStateField(AWARENESS_USER_FIELD, { id, name, color, role })
}

/**
 * Reads and checks the `user` field of one awareness state. Returns `undefined` for anything that
 * is not a well-formed {@link AwarenessUser} within the length limits.
 *
 * @public
 */
export function readAwarenessUser(state: unknown): AwarenessUser | undefined {
  if (typeof state !== 'object' || state === null) return undefined
  const value = (state as Record<string, unknown>)[AWARENESS_USER_FIELD]
  if (typeof value !== 'object' || value === null) return undefined
  const { id, name, color, role } = value as Record<string, unknown>
  if (!isBoundedString(id, MAX_AWARENESS_USER_ID_LENGTH) || id.length === 0) return undefined
  if (!isBoundedString(name, MAX_AWARENESS_USER_NAME_LENGTH)) return undefined
  if (!isBoundedString(color, MAX_AWARENESS_USER_TAG_LENGTH)) return undefined
  if (!isBoundedString(role, MAX_AWARENESS_USER_TAG_LENGTH)) return undefined
  return { id, name, color, role }
}

/**
 * Everyone connected, one entry per participant id (several tabs of one person count once),
 * sorted by name then id. States without a valid `user` field are left out.
 *
 * @public
 */
export function readPeers(awareness: Awareness): Peer[] {
  const byUserId = new Map<string, Peer>()
  for (const [clientId, state] of awareness.getStates()) {
    const user = readAwarenessUser(state)
    if (!user) continue
    const isSelf = clientId === awareness.clientID
    const existing = byUserId.get(user.id)
    if (!existing) {
      byUserId.set(user.id, { clientId, user, isSelf })
      continue
    }
    const preferNew = isSelf || (!existing.isSelf && clientId < existing.clientId)
    const chosen = preferNew ? { clientId, user } : existing
    byUserId.set(user.id, { clientId: chosen.clientId, user: chosen.user, isSelf: isSelf || existing.isSelf })
  }
  return [...byUserId.values()].sort(
    (a, b) => a.user.name.localeCompare(b.user.name) || a.user.id.localeCompare(b.user.id),
  )
}

/**
 * The tldraw user record for a participant: id `user:<participant id>`, same name and colour.
 * tldraw writes it into the doc (it is `document`-scoped) and uses it for presence and
 * attribution.
 *
 * @public
 */
export function createTLUserFromParticipant(participant: {
  readonly id: string
  readonly name: string
  readonly color: string
}): TLUser {
  return UserRecordType.create({
    id: createUserId(participant.id),
    name: participant.name,
    color: participant.color,
  })
}

function isBoundedString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max
}
