/**
 * The reference relay, `@y/websocket-server` 0.1.1 (`setupWSConnection`), on a bare http + ws
 * server as its own `server.js` does: no persistence, no auth, no validation.
 *
 *   PORT=… node --import tsx tests/bench/servers/yWebsocketServer.ts   (spawned by run.ts)
 */
import http from 'node:http'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'
import { readPort, reportReady } from './benchServerIpc.ts'

const port = readPort()
const server = http.createServer((_req, res) => {
  res.writeHead(200)
  res.end('ok')
})
const wss = new WebSocketServer({ noServer: true })
wss.on('connection', (conn, req) => setupWSConnection(conn, req))
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(port, '127.0.0.1', () => reportReady({ url: `http://127.0.0.1:${port}`, token: null }))
