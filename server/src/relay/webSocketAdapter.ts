/**
 * Adapts a `ws` WebSocket (as handed over by `@fastify/websocket`) to a {@link RelaySocket}, and
 * owns everything transport-level: the `error` handler every socket must have, frame checks
 * (binary only, at most `maxMessageBytes`), the ping/pong heartbeat (RL-8), and one write per
 * socket per tick (`corkPerTick.ts`, RL-12).
 *
 * Small frames (presence, everyday edits) are framed once per broadcast (`binaryFrame.ts`) and
 * written to the socket directly; `ws` sends the rest, since it may compress them on its thread
 * pool. While such a send is unfinished, small frames go through `ws` too, which queues them
 * behind it, so frames always leave in the order they were sent.
 *
 * ```ts
 * const adapted = adaptWebSocket(ws, { connectionId, logger, maxMessageBytes, onMessage, onClose })
 * setInterval(() => adapted.heartbeat(), PING_INTERVAL_MS)
 * ```
 */
import type { Writable } from 'node:stream'
import type { RawData, WebSocket } from 'ws'
import { binaryFrame } from './binaryFrame.ts'
import { corkForThisTick } from './corkPerTick.ts'
import { RELAY_CLOSE } from './closeCodes.ts'
import type { RelayLogger } from './RelayLogger.ts'
import type { RelaySocket } from './RelaySocket.ts'

/** @public */
export interface WebSocketAdapterOptions {
  readonly connectionId: number
  readonly logger: RelayLogger
  readonly maxMessageBytes: number
  /** One complete binary frame within the size limit. */
  readonly onMessage: (bytes: Uint8Array) => void
  /** Called exactly once, when either side closed the socket or the heartbeat terminated it. */
  readonly onClose: () => void
}

/** @public */
export interface AdaptedWebSocket {
  readonly socket: RelaySocket
  /**
   * One heartbeat tick: terminates the socket if the previous ping got no pong, else pings.
   * Returns whether the socket is still alive.
   */
  heartbeat(): boolean
}

const OPEN = 1

/**
 * Frames up to this size are written directly. Below the sync sockets' compression threshold
 * (`SYNC_DEFLATE_THRESHOLD_BYTES`), so `ws` would never have compressed them either.
 * @internal
 */
export const DIRECT_FRAME_MAX_BYTES = 2 * 1024

const toBytes = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data

/** @public */
export function adaptWebSocket(ws: WebSocket, options: WebSocketAdapterOptions): AdaptedWebSocket {
  const { connectionId, logger } = options
  let closed = false
  let awaitingPong = false

  const finish = (): void => {
    if (closed) return
    closed = true
    options.onClose()
  }

  // `ws` keeps its net socket in `_socket` (no public accessor); without it frames go out one by one.
  const stream = (ws as unknown as { _socket?: Writable | null })._socket ?? null
  let wsSendsUnfinished = 0
  const wsSendFinished = (): void => {
    wsSendsUnfinished--
  }

  const socket: RelaySocket = {
    send(bytes) {
      if (closed || ws.readyState !== OPEN) return false
      if (!stream) {
        ws.send(bytes)
        return true
      }
      corkForThisTick(stream)
      if (wsSendsUnfinished === 0 && bytes.byteLength <= DIRECT_FRAME_MAX_BYTES) {
        stream.write(binaryFrame(bytes))
      } else {
        wsSendsUnfinished++
        ws.send(bytes, wsSendFinished)
      }
      return true
    },
    close(code, reason) {
      if (closed) return
      try {
        ws.close(code, reason)
      } catch (error) {
        logger.warn({ err: error, connectionId, code }, 'relay socket close failed; terminating')
        ws.terminate()
      }
      finish()
    },
    isOpen: () => !closed && ws.readyState === OPEN,
    bufferedBytes: () => ws.bufferedAmount,
  }

  ws.on('error', (error) => {
    // `ws` emits 'close' after 'error'; this handler only keeps the process alive and records it.
    logger.warn({ err: error, connectionId }, 'relay socket error')
  })
  ws.on('close', finish)
  ws.on('pong', () => {
    awaitingPong = false
  })
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (closed) return
    if (!isBinary) {
      logger.warn({ connectionId, code: RELAY_CLOSE.RELAY_MALFORMED_MESSAGE.reason }, 'relay text frame rejected')
      socket.close(RELAY_CLOSE.RELAY_MALFORMED_MESSAGE.code, RELAY_CLOSE.RELAY_MALFORMED_MESSAGE.reason)
      return
    }
    const bytes = toBytes(data)
    // `maxPayload` normally stops these inside `ws`; this is the backstop if it was not set.
    if (bytes.byteLength > options.maxMessageBytes) {
      logger.warn({ connectionId, bytes: bytes.byteLength }, 'relay frame too big')
      socket.close(RELAY_CLOSE.RELAY_MESSAGE_TOO_BIG.code, RELAY_CLOSE.RELAY_MESSAGE_TOO_BIG.reason)
      return
    }
    options.onMessage(bytes)
  })


  return {
    socket,
    heartbeat() {
      if (closed) return false
      if (awaitingPong) {
        logger.info({ connectionId }, 'relay peer missed a pong; terminating')
        ws.terminate()
        finish()
        return false
      }
      awaitingPong = true
      try {
        ws.ping()
      } catch (error) {
        logger.debug({ err: error, connectionId }, 'relay ping failed')
      }
      return true
    },
  }
}
