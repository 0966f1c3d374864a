/**
 * Owns one meeting's live link: the Y.Doc, the y-websocket provider on `/sync/<meetingId>` of
 * our own host (the session cookie authenticates the upgrade), its awareness, and the connection
 * tracker. React-free, so a phone view can open a meeting the same way.
 *
 * When the browser reports the network gone, the socket is closed at once (instead of waiting for
 * y-websocket's 30 s silence timeout), so the indicator turns "Offline" as soon as the phone does;
 * when the network returns it reconnects.
 *
 *   const connection = createMeetingConnection({ meetingId, origin: window.location })
 *   connection.tracker.getSnapshot().state // 'connecting'
 *   connection.destroy()
 */
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { shouldReconnect } from '../access/useRelayClose.ts'
import { trackConnection, type ConnectionTracker } from './connectionState.ts'
import { attachDocEpoch } from './docEpoch.ts'
import { syncServerUrl } from './syncServerUrl.ts'

export { SYNC_PATH, syncServerUrl } from './syncServerUrl.ts'

/** A meeting's doc, provider, awareness and connection tracker, torn down together. */
export interface MeetingConnection {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly awareness: Awareness
  readonly tracker: ConnectionTracker
  /**
   * Ends the connection as a final relay close with `code` would have (the API said no for good,
   * or the close never reached this page): no reconnect, the network's return included.
   */
  stop(code: number): void
  destroy(): void
}

/** Opens the meeting's doc and starts connecting. */
export function createMeetingConnection({
  meetingId,
  origin,
  connect = true,
  WebSocketPolyfill,
  knownEpoch = '',
  onEpoch,
  onStaleCopy = () => window.location.reload(),
}: {
  meetingId: string
  origin: { protocol: string; host: string }
  /** `false` to call `provider.connect()` later (the phone view first loads its local copy). */
  connect?: boolean
  /** Makes the provider's sockets (the phone view hands it one it opened early). */
  WebSocketPolyfill?: typeof WebSocket
  /** The doc epoch a stored local copy belongs to ('' for none), and where to keep the current one. */
  knownEpoch?: string
  onEpoch?: (epoch: string) => void
  /** The map was purged or restored on the server since the local copy was made: start afresh (reload). */
  onStaleCopy?: () => void
}): MeetingConnection {
  const doc = new Y.Doc()
  // disableBc: every update goes through the relay, which checks roles; tabs must not sync
  // each other behind its back over BroadcastChannel.
  // shouldReconnect: also final when the relay refused offline edits to a finished map.
  // params: the doc epoch (docEpoch.ts), set before the first connect.
  const provider = new WebsocketProvider(syncServerUrl(origin), meetingId, doc, {
    disableBc: true,
    shouldReconnect,
    connect: false,
    ...(WebSocketPolyfill ? { WebSocketPolyfill } : {}),
  })
  const detachEpoch = attachDocEpoch(provider, { known: knownEpoch, onStale: onStaleCopy, ...(onEpoch ? { onEpoch } : {}) })
  if (connect) provider.connect()
  const tracker = trackConnection({ doc, provider })

  const onOffline = () => provider.disconnect()
  const onOnline = () => provider.connect()
  window.addEventListener('offline', onOffline)
  window.addEventListener('online', onOnline)
  // After a terminal close (removed 4403, meeting ended 4410) the network coming back must not
  // reconnect: the relay said no for good.
  const onClosed = () => window.removeEventListener('online', onOnline)
  provider.on('closed', onClosed)

  return {
    doc,
    provider,
    awareness: provider.awareness,
    tracker,
    stop(code) {
      provider.disconnect()
      // What the relay's own close sets off: `closed` drops the reconnect on 'online' (above) and
      // shows the connection as ended.
      provider.emit('closed', [{ code, reason: '' }, provider])
    },
    destroy() {
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      provider.off('closed', onClosed)
      detachEpoch()
      tracker.dispose()
      provider.awareness.setLocalState(null)
      provider.destroy()
      doc.destroy()
    },
  }
}
