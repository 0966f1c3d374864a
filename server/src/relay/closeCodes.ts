/**
 * Every reason the relay closes a socket, declared once: error code (the close reason sent on the
 * wire) and WebSocket close code.
 *
 * Close codes follow the convention the stock y-websocket provider (3.1) applies: 4400–4499 are
 * terminal (the provider stops reconnecting and emits `closed`), every other code is retried with
 * backoff. So a client is only told to give up when reconnecting cannot help.
 *
 * ```ts
 * relay.closePeer(participantId, RELAY_CLOSE.RELAY_ACCESS_REVOKED.code, RELAY_CLOSE.RELAY_ACCESS_REVOKED.reason)
 * ```
 */

/** @public */
export const RELAY_CLOSE = {
  /** Server shutdown (`relay.close()`); the client reconnects to the next instance. */
  RELAY_SHUTTING_DOWN: { code: 1001, reason: 'RELAY_SHUTTING_DOWN' },
  /** A frame over `MAX_MESSAGE_BYTES` (RL-7). `ws` sends this itself when `maxPayload` trips. */
  RELAY_MESSAGE_TOO_BIG: { code: 1009, reason: 'RELAY_MESSAGE_TOO_BIG' },
  /** A bug in the relay; the client reconnects. */
  RELAY_INTERNAL_ERROR: { code: 1011, reason: 'RELAY_INTERNAL_ERROR' },
  /** Undecodable frame, text frame, truncated or invalid update (RL-2). Terminal. */
  RELAY_MALFORMED_MESSAGE: { code: 4400, reason: 'RELAY_MALFORMED_MESSAGE' },
  /** Access revoked mid-meeting (for `closePeer`). Terminal. */
  RELAY_ACCESS_REVOKED: { code: 4403, reason: 'RELAY_ACCESS_REVOKED' },
  /** The meeting was closed or purged (for `closeMeeting` / `purgeMeeting`). Terminal. */
  RELAY_MEETING_CLOSED: { code: 4410, reason: 'RELAY_MEETING_CLOSED' },
  /**
   * The client holds state of another epoch of the doc (it was purged or restored, PS-9): it must
   * drop its local copy and connect afresh, not merge stale content back (RL-13). Terminal.
   */
  RELAY_DOC_EPOCH_CHANGED: { code: 4412, reason: 'RELAY_DOC_EPOCH_CHANGED' },
  /** The room already has `maxPeersPerRoom` connections. Terminal: the UI says "room full". */
  RELAY_ROOM_FULL: { code: 4429, reason: 'RELAY_ROOM_FULL' },
  /** An update writes a client id another live connection holds (bar item 7). Terminal. */
  RELAY_CLIENT_ID_IN_USE: { code: 4409, reason: 'RELAY_CLIENT_ID_IN_USE' },
  /** The stored document would pass `maxDocBytes` (bar item 8). Terminal: retrying cannot help. */
  RELAY_DOC_TOO_LARGE: { code: 4413, reason: 'RELAY_DOC_TOO_LARGE' },
  /** An update writes an invalid record, or a non-facilitator changed the template. Terminal. */
  RELAY_UPDATE_REFUSED: { code: 4422, reason: 'RELAY_UPDATE_REFUSED' },
  /** The doc store failed to load or append; nothing was acknowledged. Retried. */
  RELAY_STORE_UNAVAILABLE: { code: 4500, reason: 'RELAY_STORE_UNAVAILABLE' },
  /** The in-memory doc was discarded after Yjs failed mid-apply; reconnect resyncs. Retried. */
  RELAY_ROOM_RESET: { code: 4501, reason: 'RELAY_ROOM_RESET' },
  /** More than `peerInboxMaxMessages` / `peerInboxMaxBytes` waiting (room still loading). Retried. */
  RELAY_INBOX_OVERFLOW: { code: 4502, reason: 'RELAY_INBOX_OVERFLOW' },
  /** The peer reads slower than the room writes (`peerSendBufferMaxBytes`). Retried. */
  RELAY_SEND_BUFFER_FULL: { code: 4503, reason: 'RELAY_SEND_BUFFER_FULL' },
  /** The sender's updates left more than `maxPendingUpdateBytes` unresolved. Retried (full resync). */
  RELAY_UNRESOLVED_UPDATES: { code: 4504, reason: 'RELAY_UNRESOLVED_UPDATES' },
  /** The connection passed its message or byte rate (token buckets, bar item 9). Retried. */
  RELAY_RATE_LIMITED: { code: 4505, reason: 'RELAY_RATE_LIMITED' },
} as const

/** @public */
export type RelayCloseCode = keyof typeof RELAY_CLOSE

/** Error codes of failures `seedDoc` / `purgeMeeting` reject with (besides store codes). @public */
export const RELAY_ERROR_CODES = {
  /** `seedDoc` was handed bytes that are not a complete Yjs update. */
  RELAY_MALFORMED_UPDATE: 'RELAY_MALFORMED_UPDATE',
  /** `seedDoc` for a meeting whose doc already exists. */
  RELAY_DOC_EXISTS: 'RELAY_DOC_EXISTS',
  /** The relay was closed. */
  RELAY_CLOSED: 'RELAY_CLOSED',
  /** The meeting's room could not be loaded (store failure) for a server-side change. */
  RELAY_STORE_UNAVAILABLE: 'RELAY_STORE_UNAVAILABLE',
} as const

/** @public */
export type RelayErrorCode = (typeof RELAY_ERROR_CODES)[keyof typeof RELAY_ERROR_CODES]

/**
 * Thrown (as a rejected promise) by the relay's administrative calls, whose failures are bugs or
 * infrastructure failures the HTTP layer turns into a 500. `code` is a `RELAY_…` or `STORE_…` code.
 * @public
 */
export class RelayError extends Error {
  readonly code: string
  constructor(code: string, options?: { cause?: unknown }) {
    super(code, options)
    this.name = 'RelayError'
    this.code = code
  }
}

/** Whether `code` may be sent in a close frame (RFC 6455 §7.4; `ws` throws on anything else). @public */
export function isValidCloseCode(code: number): boolean {
  return (
    Number.isInteger(code) &&
    ((code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) ||
      (code >= 3000 && code <= 4999))
  )
}
