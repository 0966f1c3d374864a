/**
 * The only view a room has of a connection (RL-5): it never sees `ws` or fastify, so tests can
 * drive a room with a fake, and another transport needs only a new adapter.
 */

/** @public */
export interface RelaySocket {
  /** Sends one binary frame; returns false (and sends nothing) when the socket is not open. */
  send(bytes: Uint8Array): boolean
  /** Starts the close handshake. Idempotent; the owner is told through its close callback at once. */
  close(code: number, reason: string): void
  /** Whether frames can still be sent. */
  isOpen(): boolean
  /** Bytes queued by the transport but not yet written (backpressure). */
  bufferedBytes(): number
}
