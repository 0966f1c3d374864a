/**
 * Every TCP connection of the HTTP server, upgraded sockets included (Node's
 * `closeAllConnections` knows only those still speaking HTTP), so a shutdown can end the ones a
 * client keeps open: `server.close()` waits for each, and one half-open socket or unfinished
 * request would keep the process up forever.
 *
 *   const connections = trackConnections(app.server)
 *   const ended = connections.destroyAll()   // once the drain period is over
 */
import type { Server } from 'node:http'
import type { Socket } from 'node:net'

export interface TrackedConnections {
  /** Destroys every connection still open; returns how many there were. */
  destroyAll(): number
}

export function trackConnections(server: Server): TrackedConnections {
  const open = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    open.add(socket)
    socket.once('close', () => open.delete(socket))
  })
  return {
    destroyAll() {
      const count = open.size
      for (const socket of open) socket.destroy()
      open.clear()
      return count
    },
  }
}
