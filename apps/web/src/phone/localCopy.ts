/**
 * Remembers, in localStorage, whether this device keeps a copy of a meeting's map in IndexedDB.
 * The list view's early start reads it synchronously, before IndexedDB could answer, to decide
 * whether to ask the relay for the whole map at once (no copy) or only for what is new.
 * A wrong answer costs bytes, never correctness: the sync exchange still merges both sides.
 *
 *   if (!hasLocalCopy(meetingId)) …
 *   rememberLocalCopy(meetingId, true)
 */

const key = (meetingId: string) => `safetymap.localCopy.${meetingId}`

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
    else window.localStorage.removeItem(key(meetingId))
  } catch {
    // Storage blocked: the early start then asks for the whole map, which is only slower.
  }
}
