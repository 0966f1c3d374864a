/**
 * Forgets what this device keeps of meetings. Family members join from borrowed and shared phones:
 * once they sign out or leave, the next person to pick the phone up must find nothing of the map.
 * What the app keeps: each meeting's map in IndexedDB (`localDocName`); under `safetymap.` in
 * localStorage the local copy's mark, the access kept for offline visits (names), the doc epoch,
 * items and private numbers not sent yet (pendingItems.ts, pendingRatings.ts), the view and
 * language chosen; in sessionStorage the words typed into open forms (ui/drafts.ts). The service
 * worker's cache holds only the app's code, never a map (serviceWorker.ts).
 *
 *   if (hasUnsentOnDevice()) … ask first: forgetting loses it
 *   await forgetDevice()             // every meeting, and the choices made here
 *   forgetMeetingStorage(meetingId)  // one meeting's keys (its map: the connection clears it)
 */
import { localDocName, LOCAL_DOC_PREFIX } from './localCopy.ts'

const PREFIX = 'safetymap.'
/** What waits to be sent: `safetymap.unsent.<meeting>` (items) and `safetymap.unsentRatings.<meeting>.<person>`. */
const UNSENT = /^safetymap\.unsent(Ratings)?\./

/** The meeting a key belongs to: every meeting-scoped key is `safetymap.<what>.<meeting>[.<more>]`. */
const meetingOf = (key: string): string | undefined => (key.startsWith(PREFIX) ? key.split('.')[2] : undefined)

function storages(): Storage[] {
  const found: Storage[] = []
  for (const get of [() => window.localStorage, () => window.sessionStorage]) {
    try {
      found.push(get())
    } catch {
      // Storage blocked: nothing was kept there.
    }
  }
  return found
}

function keysOf(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key !== null)
}

function removeKeys(match: (key: string) => boolean): void {
  for (const storage of storages()) for (const key of keysOf(storage).filter(match)) storage.removeItem(key)
}

/** Whether this device holds items or numbers written here and not sent yet, in any meeting. */
export function hasUnsentOnDevice(): boolean {
  return storages().some((storage) => keysOf(storage).some((key) => UNSENT.test(key)))
}

/** Forgets the keys of `meetingId` in both storages: its copy's mark, kept access, epoch, unsent marks and numbers, this tab's drafts. */
export function forgetMeetingStorage(meetingId: string): void {
  removeKeys((key) => meetingOf(key) === meetingId)
}

/** Resolves once IndexedDB deleted database `name` (or cannot: blocked storage, an error). */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.deleteDatabase(name)
      // Blocked: another tab holds it open. Its connection closes on this request (lib0's
      // `onversionchange`), and the deletion then completes by itself.
      request.onsuccess = request.onerror = request.onblocked = () => resolve()
    } catch {
      resolve()
    }
  })
}

async function localDocNames(knownMeetings: Iterable<string>): Promise<Set<string>> {
  const names = new Set(Array.from(knownMeetings, localDocName))
  try {
    // Not in every browser (older Firefox): there the meetings the storage keys name still go.
    for (const { name } of (await indexedDB.databases?.()) ?? []) if (name?.startsWith(LOCAL_DOC_PREFIX)) names.add(name)
  } catch {
    // IndexedDB blocked: no copy was kept.
  }
  return names
}

/** Removes every meeting's map, kept access, drafts and unsent data from this device, and the choices made here. */
export async function forgetDevice(): Promise<void> {
  const meetings = new Set(storages().flatMap((storage) => keysOf(storage).map(meetingOf)).filter((id): id is string => Boolean(id)))
  removeKeys((key) => key.startsWith(PREFIX))
  await Promise.all([...(await localDocNames(meetings))].map(deleteDatabase))
}
