/**
 * Lets y-websocket use the socket the list view's early start opened (`earlyStart.ts`): the
 * returned constructor hands the provider that socket the first time it connects to the same URL,
 * behind the small part of the WebSocket interface y-websocket uses, with what the socket received
 * so far replayed in order; every later connection (a reconnect) is an ordinary WebSocket. When the
 * early socket already asked for the whole map and got it, the provider's hello does not ask again.
 *
 *   const adopting = adoptEarlySocket(takeEarlySocket(meetingId))
 *   createMeetingConnection({ meetingId, origin, connect: false, WebSocketPolyfill: adopting.WebSocket })
 *   adopting.dispose() // closes the early socket if the provider never took it
 */
import { isSyncStep, SYNC_STEP, type EarlySocket } from './earlyStart.ts'

/** The parts of a WebSocket y-websocket touches. */
interface AdoptedSocket {
  binaryType: BinaryType
  onopen: ((event: Event) => void) | null
  onmessage: ((event: { data: ArrayBuffer }) => void) | null
  onclose: ((event: CloseEvent) => void) | null
  onerror: ((event: Event) => void) | null
  readonly readyState: number
  readonly CONNECTING: 0
  readonly OPEN: 1
  readonly CLOSING: 2
  readonly CLOSED: 3
  send(data: Uint8Array): void
  close(code?: number, reason?: string): void
}

function adopt(early: EarlySocket): AdoptedSocket {
  const { socket } = early
  // Until the provider's hello may go out, it must see the socket as still connecting.
  let ready = false
  // While the provider says hello on a socket whose whole-map answer is the next message: its sync
  // step 1 would only ask again (a second round trip for nothing). What the relay commits later
  // comes by broadcast on this socket; if the socket drops, the reconnect's own hello asks.
  let helloAnswered = false
  const adopted: AdoptedSocket = {
    binaryType: 'arraybuffer',
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
    get readyState() {
      return socket.readyState === WebSocket.OPEN && !ready ? WebSocket.CONNECTING : socket.readyState
    },
    CONNECTING: 0,
    OPEN: 1,
    CLOSING: 2,
    CLOSED: 3,
    send: (data) => {
      if (!(helloAnswered && isSyncStep(data, SYNC_STEP.ask))) socket.send(data)
    },
    close: (code, reason) => socket.close(code, reason),
  }
  // y-websocket sets its handlers right after construction: replay once they are in place.
  queueMicrotask(() =>
    early.adopt((event) => {
      switch (event.type) {
        case 'open':
          ready = true
          helloAnswered = event.answered
          try {
            return adopted.onopen?.(new Event('open'))
          } finally {
            helloAnswered = false
          }
        case 'message':
          return adopted.onmessage?.({ data: event.data })
        case 'close':
          return adopted.onclose?.(event.event)
        case 'error':
          return adopted.onerror?.(event.event)
      }
    }),
  )
  return adopted
}

/** A WebSocket constructor for the provider that adopts `early` once, and whether it did. */
export function adoptEarlySocket(early: EarlySocket | null): { WebSocket: typeof WebSocket; dispose(): void } {
  let waiting = early
  function AdoptingWebSocket(url: string | URL, protocols?: string | string[]): WebSocket | AdoptedSocket {
    const held = waiting
    waiting = null
    if (held && held.url === String(url)) return adopt(held)
    held?.socket.close(1000)
    return new WebSocket(url, protocols)
  }
  return {
    WebSocket: AdoptingWebSocket as unknown as typeof WebSocket,
    dispose() {
      waiting?.socket.close(1000)
      waiting = null
    },
  }
}
