/**
 * Owns the honest answer to "are my changes reaching everyone?" for one meeting doc and its
 * y-websocket provider. React-free, so the canvas and a phone view share it.
 *
 * - `live`: socket open and the doc synced with the relay.
 * - `connecting`: the first attempt is still under way, or a socket is open but not synced yet.
 * - `offline`: an attempt failed or the connection dropped; y-websocket keeps retrying. A close the
 *   relay asked to be followed by a reconnect (a changed role, a finished or reopened map) is no
 *   drop: it reads `connecting` until the new connection syncs, `offline` only if that fails.
 * - `hasUnsentChanges`: this device changed the doc while not live; cleared by the next sync.
 * - `ended`: the relay closed the connection for good (close codes 4400–4499); only a reload helps.
 *
 *   const tracker = trackConnection({ doc, provider })
 *   const off = tracker.subscribe(() => render(tracker.getSnapshot()))
 *   tracker.dispose()
 */
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { ACCESS_RECONNECT_CODES } from '../access/useRelayClose.ts'

/** What the connection indicator shows. */
export const CONNECTION_STATE = {
  connecting: 'connecting',
  live: 'live',
  offline: 'offline',
} as const

/** One of {@link CONNECTION_STATE}. */
export type ConnectionState = (typeof CONNECTION_STATE)[keyof typeof CONNECTION_STATE]

/** The tracker's current view; a new object only when something changed. */
export interface ConnectionSnapshot {
  readonly state: ConnectionState
  /** Changes made on this device while not live, not yet confirmed by a sync. */
  readonly hasUnsentChanges: boolean
  /** The doc has synced with the relay at least once, so its content is the shared one. */
  readonly hasSynced: boolean
  /** The relay refused to continue; the provider stopped retrying. */
  readonly ended: boolean
}

/** A live view of one provider's connection. */
export interface ConnectionTracker {
  getSnapshot(): ConnectionSnapshot
  /** Calls `listener` after every change of the snapshot; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  dispose(): void
}

/** Starts tracking `provider`'s connection and `doc`'s local edits. */
export function trackConnection({ doc, provider }: { doc: Y.Doc; provider: WebsocketProvider }): ConnectionTracker {
  const listeners = new Set<() => void>()
  let hadTrouble = false
  let hasUnsentChanges = false
  let hasSynced = provider.synced
  let ended = false
  let snapshot = compute()

  function compute(): ConnectionSnapshot {
    return { state: stateNow(), hasUnsentChanges, hasSynced, ended }
  }

  function stateNow(): ConnectionState {
    if (provider.wsconnected && provider.synced) return CONNECTION_STATE.live
    if (ended) return CONNECTION_STATE.offline
    if (provider.wsconnected) return CONNECTION_STATE.connecting
    return hadTrouble ? CONNECTION_STATE.offline : CONNECTION_STATE.connecting
  }

  function refresh() {
    const next = compute()
    if (
      next.state === snapshot.state &&
      next.hasUnsentChanges === snapshot.hasUnsentChanges &&
      next.hasSynced === snapshot.hasSynced &&
      next.ended === snapshot.ended
    ) {
      return
    }
    snapshot = next
    for (const listener of [...listeners]) listener()
  }

  const onStatus = () => refresh()
  // `event` is null when this page closed the socket itself (the browser went offline, or silence).
  const onConnectionClose = (event: CloseEvent | null) => {
    if (!event || !ACCESS_RECONNECT_CODES.has(event.code)) hadTrouble = true
    refresh()
  }
  const onClosed = () => {
    ended = true
    refresh()
  }
  const onSync = (synced: boolean) => {
    if (synced) {
      hadTrouble = false
      hasSynced = true
      hasUnsentChanges = false
      ended = false
    }
    refresh()
  }
  const onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (!transaction.local || origin === provider) return
    if (provider.wsconnected && provider.synced) return
    hasUnsentChanges = true
    refresh()
  }

  provider.on('status', onStatus)
  provider.on('connection-close', onConnectionClose)
  provider.on('closed', onClosed)
  provider.on('sync', onSync)
  doc.on('update', onUpdate)

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      provider.off('status', onStatus)
      provider.off('connection-close', onConnectionClose)
      provider.off('closed', onClosed)
      provider.off('sync', onSync)
      doc.off('update', onUpdate)
      listeners.clear()
    },
  }
}
