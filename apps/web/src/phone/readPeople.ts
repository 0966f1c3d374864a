/**
 * Owns "who is here" for the phone view, read straight from Yjs awareness states (the `user`
 * field: `{ id, name, color, role }`, as the canvas writes it). It follows the same rules as
 * `readPeers` in `@safetymap/tldraw-yjs` without importing that package, which would pull tldraw's
 * schema into the phone chunk: malformed entries are skipped, each person is listed once however
 * many tabs they have open, sorted by name.
 *
 *   readPeople(awareness.getStates(), awareness.clientID) // [{ clientId, id, name, color, role, isSelf }]
 */

/** The awareness state field holding the person. */
export const AWARENESS_USER_FIELD = 'user'

/** Longer names, ids or tags than these are not shown (same limits as the canvas). */
const MAX_ID_LENGTH = 128
const MAX_NAME_LENGTH = 200
const MAX_TAG_LENGTH = 64

/** One person connected to the meeting. */
export interface Person {
  readonly clientId: number
  readonly id: string
  readonly name: string
  readonly color: string
  readonly role: string
  readonly isSelf: boolean
}

/** Who this device announces itself as. */
export interface AwarenessPerson {
  readonly id: string
  readonly name: string
  readonly color: string
  readonly role: string
}

const shortString = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max

function readUser(state: unknown): AwarenessPerson | null {
  if (typeof state !== 'object' || state === null) return null
  const user = (state as Record<string, unknown>)[AWARENESS_USER_FIELD]
  if (typeof user !== 'object' || user === null) return null
  const { id, name, color, role } = user as Record<string, unknown>
  if (!shortString(id, MAX_ID_LENGTH) || !shortString(name, MAX_NAME_LENGTH)) return null
  if (!shortString(color, MAX_TAG_LENGTH) || !shortString(role, MAX_TAG_LENGTH)) return null
  return { id, name, color, role }
}

/** Everyone in `states`, once each, sorted by name; `selfClientId` marks this device. */
export function readPeople(states: ReadonlyMap<number, unknown>, selfClientId: number): Person[] {
  const byId = new Map<string, Person>()
  for (const [clientId, state] of states) {
    const user = readUser(state)
    if (!user) continue
    const isSelf = clientId === selfClientId
    const seen = byId.get(user.id)
    if (seen && (seen.isSelf || (!isSelf && seen.clientId < clientId))) {
      if (isSelf) byId.set(user.id, { ...seen, isSelf: true })
      continue
    }
    byId.set(user.id, { clientId, ...user, isSelf: isSelf || (seen?.isSelf ?? false) })
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId)
}

/** True when two lists show the same people the same way (awareness changes far more often). */
export function samePeople(a: readonly Person[], b: readonly Person[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]
      return q !== undefined && p.clientId === q.clientId && p.id === q.id && p.name === q.name && p.color === q.color && p.role === q.role && p.isSelf === q.isSelf
    })
  )
}
