/**
 * A sync route re-checks access (an awaited database read) before it hands the socket to the relay;
 * a client may already have sent its first sync message by then. Messages that arrive meanwhile
 * are held and replayed, in order, once the relay listens — none is lost or reordered.
 *
 *   const release = holdEarlyMessages(socket)
 *   const decision = await syncDecision(…)
 *   relay.acceptWebSocket(socket, peer); release()
 */
import type { RawData, WebSocket } from 'ws'

export function holdEarlyMessages(socket: WebSocket): () => void {
  const held: Array<[RawData, boolean]> = []
  const hold = (data: RawData, isBinary: boolean) => held.push([data, isBinary])
  socket.on('message', hold)
  return () => {
    socket.off('message', hold)
    for (const [data, isBinary] of held) socket.emit('message', data, isBinary)
  }
}
