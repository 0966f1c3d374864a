/**
 * Typed origins of every Yjs transaction in a room (doc and awareness), so a listener can tell a
 * peer's edit from the load out of storage or a server-written change and skip echoes.
 */

/** An edit received from one connection. @public */
export interface PeerOrigin {
  readonly kind: 'peer'
  readonly connectionId: number
}
/** The state loaded from the doc store. @public */
export interface StorageOrigin {
  readonly kind: 'storage'
}
/** A change the server itself writes (the seeded template). @public */
export interface ServerOrigin {
  readonly kind: 'server'
}
/** An update or presence another relay instance accepted, delivered by the fan-out (never stored again). @public */
export interface RemoteOrigin {
  readonly kind: 'remote'
}
/** @public */
export type RelayOrigin = PeerOrigin | StorageOrigin | ServerOrigin | RemoteOrigin

/** @public */
export const STORAGE_ORIGIN: StorageOrigin = Object.freeze({ kind: 'storage' })
/** @public */
export const SERVER_ORIGIN: ServerOrigin = Object.freeze({ kind: 'server' })

/** @public */
export const REMOTE_ORIGIN: RemoteOrigin = Object.freeze({ kind: 'remote' })

/** One origin object per connection; compared by identity. @public */
export function createPeerOrigin(connectionId: number): PeerOrigin {
  return Object.freeze({ kind: 'peer', connectionId })
}

/** Narrows an unknown transaction origin. @public */
export function isPeerOrigin(origin: unknown): origin is PeerOrigin {
  return typeof origin === 'object' && origin !== null && (origin as { kind?: unknown }).kind === 'peer'
}
