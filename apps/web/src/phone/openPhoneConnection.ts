/**
 * Owns the phone view's link to a meeting: the same doc, relay and connection tracker as the
 * canvas (`createMeetingConnection`), plus what a phone on a bad connection needs:
 *
 * - the doc is kept in IndexedDB (y-indexeddb), so the map shows before the relay answers and
 *   edits made offline survive a reload and merge on reconnect; the relay is contacted once the
 *   local copy is loaded (or after {@link LOCAL_LOAD_WAIT_MS}), at once when there is none;
 * - retries use backoff with jitter (`attachJitteredReconnect`), except after the closes the
 *   provider's `shouldReconnect` makes final (from `createMeetingConnection`);
 * - the first connection adopts the socket the early start opened while the code downloaded
 *   (`earlyStart.ts`), so the map may already be here when the code is;
 * - a terminal close (4400–4499) is remembered with its code, so the page can say why it stopped.
 *   When the person was removed or the meeting closed, the local copy is deleted with all else the
 *   phone kept of the meeting (forgetDevice.ts): the map should not stay on a phone whose owner no
 *   longer belongs to the meeting.
 * - an upgrade the server refuses (removed, ended, signed out: 401/403 before any socket) reaches
 *   the page without a close code, only as another failed try: `refusedInARow` counts them, so the
 *   page can ask the API why, and `stop(code)` then ends the connection as that close would have.
 *
 *   const phone = openPhoneConnection({ meetingId, origin: window.location })
 *   phone.subscribe(() => phone.endedCode) // 4403 …
 *   phone.stop(4410) // the API says the meeting ended
 *   phone.destroy()
 */
import { IndexeddbPersistence } from 'y-indexeddb'
import { rememberDocEpoch, storedDocEpoch } from '../canvas/docEpoch.ts'
import { createMeetingConnection, type MeetingConnection } from '../canvas/createMeetingConnection.ts'
import { adoptEarlySocket } from './adoptEarlySocket.ts'
import { takeEarlySocket } from './earlyStart.ts'
import { attachJitteredReconnect } from './jitteredReconnect.ts'
import { forgetMeetingStorage } from './forgetDevice.ts'
import { hasLocalCopy, localDocName, rememberLocalCopy } from './localCopy.ts'

/**
 * Close codes after which this device drops its local copy: removed, meeting closed or purged (it
 * must not keep the map); offline edits refused on a finished map (4002 is only ever final then,
 * via `shouldReconnect`): a kept copy would send them again after a reload and be refused again.
 */
const FORGET_MAP_CLOSE_CODES: ReadonlySet<number> = new Set([4403, 4410, 4002])

/** Whether the relay's close `code` makes this device forget the meeting's map (see above). */
export function forgetsMap(code: number): boolean {
  return FORGET_MAP_CLOSE_CODES.has(code)
}

/**
 * What {@link PhoneConnection.stop} is given when the API refuses the person for another reason
 * than removal or the meeting's end (signed out above all): no relay sends it (such upgrades are
 * refused before a socket opens), and the local copy stays: it may hold what was not sent yet.
 */
export const REFUSED_CLOSE_CODE = 4401

/** Longest wait for the local copy before connecting to the relay anyway. */
export const LOCAL_LOAD_WAIT_MS = 2000

/** A meeting connection with local persistence and the reason it ended, if it did. */
export interface PhoneConnection extends MeetingConnection {
  readonly persistence: IndexeddbPersistence
  /** The relay's close code once it ended the connection for good, else `null`. */
  readonly endedCode: number | null
  /** True once the local copy has been read from IndexedDB (or found empty). */
  readonly localLoaded: boolean
  /** Tries in a row that ended before a socket opened (refused upgrades, or no network); 0 once one opens. */
  readonly refusedInARow: number
  /** Calls `listener` when `endedCode`, `localLoaded` or `refusedInARow` changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** Ends the connection for good, as the relay's close `code` would have (the API said why the upgrades are refused). */
  stop(code: number): void
}

/** Opens the meeting for the phone view. */
export function openPhoneConnection({
  meetingId,
  origin,
}: {
  meetingId: string
  origin: { protocol: string; host: string }
}): PhoneConnection {
  const adopting = adoptEarlySocket(takeEarlySocket(meetingId))
  const connection = createMeetingConnection({
    meetingId,
    origin,
    connect: false,
    WebSocketPolyfill: adopting.WebSocket,
    // The copy in IndexedDB belongs to a doc epoch; after a purge or restore it is dropped, not merged.
    knownEpoch: storedDocEpoch(meetingId),
    onEpoch: (epoch) => rememberDocEpoch(meetingId, epoch),
    onStaleCopy: () => {
      rememberLocalCopy(meetingId, false)
      rememberDocEpoch(meetingId, null)
      void persistence.clearData().then(() => window.location.reload())
    },
  })
  // Hold the relay until the local copy is loaded. y-websocket sends every doc update that did
  // not come from itself, so a copy loaded from IndexedDB while connected went to the relay whole,
  // template included, and the relay refused it from a non-facilitator (close 4422: the list said
  // "Disconnected" after a switch to the board and back). Loaded first, the sync exchange sends
  // only what the relay lacks — the items written here offline.
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
    if (forgetsMap(code)) {
      // Everything of the meeting goes, not only the map: the names kept for offline visits, words
      // typed, what waited to be sent (the server would refuse it now).
      forgetMeetingStorage(meetingId)
      void persistence.clearData()
    }
    notify()
  }
  connection.provider.on('closed', onClosed)
  let refusedInARow = 0
  const onConnectionClose = (event: CloseEvent | null) => {
    // Still unopened as it closes (y-websocket resets `wsconnected` after this event): refused.
    if (event === null || connection.provider.wsconnected) return
    refusedInARow += 1
    notify()
  }
  const onStatus = ({ status }: { status: string }) => {
    if (status !== 'connected' || refusedInARow === 0) return
    refusedInARow = 0
    notify()
  }
  connection.provider.on('connection-close', onConnectionClose)
  connection.provider.on('status', onStatus)
  // Synced once, the map is in IndexedDB: a later visit asks the relay only for what is new.
  const onSynced = (synced: boolean) => {
    if (synced && endedCode === null) rememberLocalCopy(meetingId, true)
  }
  connection.provider.on('sync', onSynced)
  let destroyed = false
  let connectTimer: ReturnType<typeof setTimeout> | null = null
  const connectOnce = () => {
    if (connectTimer !== null) clearTimeout(connectTimer)
    connectTimer = null
    if (!destroyed && endedCode === null && !connection.provider.shouldConnect) connection.provider.connect()
  }
  // IndexedDB can fail to open (blocked storage): then the relay is not held back for long.
  connectTimer = setTimeout(connectOnce, LOCAL_LOAD_WAIT_MS)
  // Without a local copy there is nothing to hold back: a phone opening the map for the first
  // time connects at once instead of waiting for an empty database to open.
  if (!hasLocalCopy(meetingId)) connectOnce()
  void persistence.whenSynced.then(() => {
    localLoaded = true
    connectOnce()
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
    get refusedInARow() {
      return refusedInARow
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop(code) {
      if (destroyed || endedCode !== null) return
      stopReconnect()
      // As the relay's own close would: the map is forgotten too (onClosed).
      connection.stop(code)
    },
    destroy() {
      // Leaving the phone destroys it before the page lets go of it.
      if (destroyed) return
      destroyed = true
      if (connectTimer !== null) clearTimeout(connectTimer)
      listeners.clear()
      connection.provider.off('closed', onClosed)
      connection.provider.off('sync', onSynced)
      connection.provider.off('connection-close', onConnectionClose)
      connection.provider.off('status', onStatus)
      adopting.dispose()
      stopReconnect()
      void persistence.destroy()
      connection.destroy()
    },
  }
}
