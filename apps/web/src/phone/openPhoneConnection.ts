/**
 * Owns the phone view's link to a meeting: the same doc, relay and connection tracker as the
 * canvas (`createMeetingConnection`), plus what a phone on a bad connection needs:
 *
 * - the doc is kept in IndexedDB (y-indexeddb), so the map shows before the relay answers and
 *   edits made offline survive a reload and merge on reconnect;
 * - retries use backoff with jitter (`attachJitteredReconnect`);
 * - a terminal close (4400–4499) is remembered with its code, so the page can say why it stopped.
 *   When the person was removed or the meeting closed, the local copy is deleted: the map should
 *   not stay on a phone whose owner no longer belongs to the meeting.
 *
 *   const phone = openPhoneConnection({ meetingId, origin: window.location })
 *   phone.subscribeEnded(() => phone.endedCode) // 4403 …
 *   phone.destroy()
 */
import { IndexeddbPersistence } from 'y-indexeddb'
import { createMeetingConnection, type MeetingConnection } from '../canvas/createMeetingConnection.ts'
import { attachJitteredReconnect } from './jitteredReconnect.ts'

/** Close codes after which this device must not keep the map (removed; meeting closed or purged). */
const FORGET_MAP_CLOSE_CODES: ReadonlySet<number> = new Set([4403, 4410])

/** The IndexedDB database name of a meeting's local copy. */
export function localDocName(meetingId: string): string {
  return `safetymap-meeting-${meetingId}`
}

/** A meeting connection with local persistence and the reason it ended, if it did. */
export interface PhoneConnection extends MeetingConnection {
  readonly persistence: IndexeddbPersistence
  /** The relay's close code once it ended the connection for good, else `null`. */
  readonly endedCode: number | null
  /** True once the local copy has been read from IndexedDB (or found empty). */
  readonly localLoaded: boolean
  /** Calls `listener` when `endedCode` or `localLoaded` changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
}

/** Opens the meeting for the phone view. */
export function openPhoneConnection({
  meetingId,
  origin,
}: {
  meetingId: string
  origin: { protocol: string; host: string }
}): PhoneConnection {
  const connection = createMeetingConnection({ meetingId, origin })
  const persistence = new IndexeddbPersistence(localDocName(meetingId), connection.doc)
  const stopReconnect = attachJitteredReconnect(connection.provider)
  const listeners = new Set<() => void>()
  let endedCode: number | null = null
  let localLoaded = false
  const notify = () => {
    for (const listener of [...listeners]) listener()
  }

  const onClosed = ({ code }: { code: number }) => {
    endedCode = code
    if (FORGET_MAP_CLOSE_CODES.has(code)) void persistence.clearData()
    notify()
  }
  connection.provider.on('closed', onClosed)
  void persistence.whenSynced.then(() => {
    localLoaded = true
    notify()
  })

  return {
    ...connection,
    persistence,
    get endedCode() {
      return endedCode
    },
    get localLoaded() {
      return localLoaded
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      listeners.clear()
      connection.provider.off('closed', onClosed)
      stopReconnect()
      void persistence.destroy()
      connection.destroy()
    },
  }
}
