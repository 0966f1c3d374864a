/**
 * Remembers, in localStorage, whether this device keeps a copy of a meeting's map in IndexedDB,
 * and who opened it here with which role (`rememberAccess`). The list view's early start reads the
 * first synchronously, before IndexedDB could answer, to decide whether to ask the relay for the
 * whole map at once (no copy) or only for what is new: a wrong answer costs bytes, never
 * correctness. The second lets a phone without signal open the list as last seen: the server
 * cannot say who you are then. Both go when the copy goes (removed, meeting closed).
 *
 *   if (!hasLocalCopy(meetingId)) …
 *   rememberLocalCopy(meetingId, true)
 *   rememberAccess({ meeting, user }); rememberedAccess(meetingId) // null: none kept
 */
import type { Meeting } from '../api/api.ts'
import type { MeetingUser } from '../canvas/MeetingUser.ts'

/** The IndexedDB databases of meetings' local copies start so (`localDocName`). */
export const LOCAL_DOC_PREFIX = 'safetymap-meeting-'

/** The IndexedDB database name of a meeting's local copy. */
export function localDocName(meetingId: string): string {
  return `${LOCAL_DOC_PREFIX}${meetingId}`
}

const key = (meetingId: string) => `safetymap.localCopy.${meetingId}`
const accessKey = (meetingId: string) => `safetymap.localAccess.${meetingId}`

/** Whether the map of `meetingId` was stored on this device (and not deleted since). */
export function hasLocalCopy(meetingId: string): boolean {
  try {
    return window.localStorage.getItem(key(meetingId)) === '1'
  } catch {
    return false
  }
}

/** Records that the map of `meetingId` is (or is no longer) stored on this device. */
export function rememberLocalCopy(meetingId: string, has: boolean): void {
  try {
    if (has) window.localStorage.setItem(key(meetingId), '1')
    else {
      window.localStorage.removeItem(key(meetingId))
      window.localStorage.removeItem(accessKey(meetingId))
    }
  } catch {
    // Storage blocked: the early start then asks for the whole map, which is only slower.
  }
}

/** What the list needs to show a meeting the server last let this person into. */
export interface LocalAccess {
  readonly meeting: Meeting
  readonly user: MeetingUser
}

/** Keeps `access` for a visit without signal: the meeting's name and status, the person and their role, no more. */
export function rememberAccess({ meeting, user }: LocalAccess): void {
  // The agency's headings too, so the list without signal is headed as with it.
  const { id, title, locale, status, createdAt, role, labels } = meeting
  try {
    window.localStorage.setItem(accessKey(id), JSON.stringify({ meeting: { id, title, locale, status, createdAt, role, labels }, user: { id: user.id, name: user.name, role: user.role } }))
  } catch {
    // Storage blocked: offline, the page then says so without the map.
  }
}

/** The access kept for `meetingId` while this device keeps its map, else `null`. */
export function rememberedAccess(meetingId: string): LocalAccess | null {
  if (!hasLocalCopy(meetingId)) return null
  try {
    const kept = JSON.parse(window.localStorage.getItem(accessKey(meetingId)) ?? 'null') as LocalAccess | null
    return kept?.meeting.id === meetingId ? kept : null
  } catch {
    return null
  }
}

/** Forgets the access kept for `meetingId` (the server says this person is signed out). */
export function forgetAccess(meetingId: string): void {
  try {
    window.localStorage.removeItem(accessKey(meetingId))
  } catch {
    // Storage blocked: nothing was kept.
  }
}
