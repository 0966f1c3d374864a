/**
 * The list view's head start. `list.html` (what the server sends for `/m/:id/list`) loads this
 * module as its own small script, so it runs while the app's code is still downloading: it asks
 * who you are and your role, opens the meeting's sync socket and downloads the reader's language. On a slow phone connection these
 * round trips then overlap the download instead of queuing behind it. Without a local copy of the
 * map the socket's address asks the relay for the whole map (`whole=1`), which it sends as the
 * socket opens; with a copy it waits, so the phone's own step 1 asks only for what is new. The phone
 * view takes the answers (`takeAccess`) and adopts the socket (`takeEarlySocket`). The main bundle
 * imports it too: after "Join" the app calls `startEarly` as it moves to the list, before the
 * list's chunk renders; a list opened without `list.html` still starts early, only later.
 *
 *   const early = takeEarlySocket(meetingId) // null when none was opened
 *   early?.adopt((event) => …)               // replays what happened so far, then passes events on
 */
import { api, type Meeting, type Me } from '../api/api.ts'
import type { ApiResult } from '../api/ApiResult.ts'
import { docEpochQuery, storedDocEpoch } from '../canvas/docEpoch.ts'
import { syncServerUrl } from '../canvas/syncServerUrl.ts'
import { chooseLocale, readStoredLocale } from '../i18n/chooseLocale.ts'
import { loadCatalogue } from '../i18n/messages.ts'
import { matchRoute } from '../router/matchRoute.ts'
import { hasLocalCopy } from './localCopy.ts'

/** Who you are and your role, asked for while the list's code is still downloading. */
export type AccessAnswers = Promise<readonly [ApiResult<Me>, ApiResult<Meeting>]>

let asked: { meetingId: string; answers: AccessAnswers } | null = null

/**
 * Starts (once per meeting) the two API calls the list needs, so on a slow network they travel
 * alongside the code instead of after it. The page takes the answers once.
 */
export function askAccess(meetingId: string): AccessAnswers {
  if (asked?.meetingId !== meetingId) asked = { meetingId, answers: Promise.all([api.getMe(), api.getMeeting(meetingId)] as const) }
  return asked.answers
}

/** Hands over the answers and forgets them, so a later visit asks afresh. */
export function takeAccess(meetingId: string): AccessAnswers {
  const answers = askAccess(meetingId)
  asked = null
  return answers
}

/**
 * What happened on the early socket, in order. `open` means: ready for the provider's hello;
 * `answered`: the socket asked for the whole map and the relay's answer is the next event, so the
 * hello's own sync step 1 would only ask again.
 */
export type EarlySocketEvent =
  | { readonly type: 'open'; readonly answered: boolean }
  | { readonly type: 'message'; readonly data: ArrayBuffer }
  | { readonly type: 'close'; readonly event: CloseEvent }
  | { readonly type: 'error'; readonly event: Event }

/** A sync socket opened before the provider existed. */
export interface EarlySocket {
  /** The URL y-websocket would open for the meeting. */
  readonly url: string
  readonly socket: WebSocket
  /** Replays the events so far to `listener`, then passes each new one on as it happens. */
  adopt(listener: (event: EarlySocketEvent) => void): void
}

/** An early socket nobody adopted within this time (the person went elsewhere) is closed. */
const UNCLAIMED_MS = 20_000

/** How long the early socket waits for the whole map before the provider takes over anyway. */
const ANSWER_WAIT_MS = 15_000

/** y-protocols' sync steps: 1 asks with a state vector, 2 answers with what the asker lacks. */
export const SYNC_STEP = { ask: 0, answer: 1 } as const

/** Whether `data` is a y-websocket sync message (type 0) of `step`. */
export function isSyncStep(data: ArrayBuffer | Uint8Array, step: (typeof SYNC_STEP)[keyof typeof SYNC_STEP]): boolean {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data, 0, Math.min(2, data.byteLength))
  return bytes[0] === 0 && bytes[1] === step
}

/** Opens the sync socket of `meetingId` and holds what it receives until it is adopted. */
export function openEarlySocket(meetingId: string, origin: { protocol: string; host: string }): EarlySocket {
  // The same URL the provider opens (it carries the doc epoch, docEpoch.ts), or it is not adopted.
  const url = `${syncServerUrl(origin)}/${meetingId}?${docEpochQuery(storedDocEpoch(meetingId))}`
  const askWhole = !hasLocalCopy(meetingId)
  // With no copy here, `whole=1` has the relay send the whole map as the socket opens, a round
  // trip sooner than answering a sync step 1 would (on a slow phone network, up to half a second).
  const socket = new WebSocket(askWhole ? `${url}&whole=1` : url)
  socket.binaryType = 'arraybuffer'
  const events: EarlySocketEvent[] = []
  let listener: ((event: EarlySocketEvent) => void) | null = null
  const emit = (event: EarlySocketEvent) => (listener ? listener(event) : events.push(event))
  // Asked for the whole map: the provider's own hello waits for the answer, and then need not ask again.
  let helloDue = true
  let answerWait: ReturnType<typeof setTimeout> | undefined
  const letProviderSayHello = (answered: boolean) => {
    clearTimeout(answerWait)
    if (!helloDue) return
    helloDue = false
    emit({ type: 'open', answered })
  }
  socket.onopen = () => {
    if (!askWhole) return letProviderSayHello(false)
    // No answer for this long (a stalled network): the provider says hello anyway, asking again,
    // and its own check of a silent connection takes over from there.
    answerWait = setTimeout(() => letProviderSayHello(false), ANSWER_WAIT_MS)
  }
  socket.onmessage = (message: MessageEvent<ArrayBuffer>) => {
    // The provider opens before it takes the answer: y-websocket marks itself synced on the answer,
    // and what watches it (who is here) reads "synced" as live only while it is also connected.
    if (helloDue && isSyncStep(message.data, SYNC_STEP.answer)) letProviderSayHello(true)
    emit({ type: 'message', data: message.data })
  }
  socket.onclose = (event) => {
    clearTimeout(answerWait)
    emit({ type: 'close', event })
  }
  socket.onerror = (event) => emit({ type: 'error', event })
  const expiry = setTimeout(() => socket.close(1000), UNCLAIMED_MS)
  return {
    url,
    socket,
    adopt(next) {
      clearTimeout(expiry)
      listener = next
      for (const event of events.splice(0)) next(event)
    },
  }
}

let early: { meetingId: string; socket: EarlySocket } | null = null
let startedFor: string | null = null

/**
 * Asks for access and opens the early socket of `meetingId`, once per meeting in a row: when the
 * page loads on the list, and when the app moves to the list after "Join" (before its chunk renders).
 */
export function startEarly(meetingId: string): void {
  askAccess(meetingId)
  if (startedFor === meetingId) return
  startedFor = meetingId
  early?.socket.socket.close(1000)
  early = { meetingId, socket: openEarlySocket(meetingId, window.location) }
}

/** The early socket of `meetingId`, once; `null` if none was opened for it. */
export function takeEarlySocket(meetingId: string): EarlySocket | null {
  if (early?.meetingId !== meetingId) return null
  const { socket } = early
  early = null
  return socket
}

const route = matchRoute(window.location.pathname)
if (route.name === 'meetingList') {
  startEarly(route.meetingId)
  // The same choice I18nProvider makes; its first render then finds the catalogue here or coming.
  void loadCatalogue(chooseLocale({ stored: readStoredLocale(), preferred: navigator.languages }))
}
