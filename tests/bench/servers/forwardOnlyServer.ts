/**
 * The benchmark's floor, not a Yjs server: every update and presence frame is sent on, as it came,
 * to the room's other sockets, right away, through `ws` (no decoding beyond the message type, no
 * apply, no validation, no storage, no batching). A joiner gets the room's updates merged. Nothing
 * that relays whiteboard traffic can do less per message, so its latency is what the load
 * generator, the kernel and `ws` add for every server in the same run.
 *
 *   PORT=… node --import tsx tests/bench/servers/forwardOnlyServer.ts   (spawned by run.ts)
 */
import http from 'node:http'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocketServer, type WebSocket } from 'ws'
import * as Y from 'yjs'
import { readPort, reportReady } from './benchServerIpc.ts'

const SYNC = 0
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2

interface Room {
  readonly sockets: Set<WebSocket>
  readonly updates: Uint8Array[]
}

const rooms = new Map<string, Room>()

function frameSync(subtype: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, SYNC)
  encoding.writeVarUint(e, subtype)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

function forward(room: Room, from: WebSocket, frame: Uint8Array): void {
  for (const socket of room.sockets) if (socket !== from) socket.send(frame)
}

function receive(room: Room, socket: WebSocket, bytes: Uint8Array): void {
  const d = decoding.createDecoder(bytes)
  if (decoding.readVarUint(d) !== SYNC) return forward(room, socket, bytes)
  const subtype = decoding.readVarUint(d)
  if (subtype === STEP1) {
    socket.send(frameSync(STEP2, room.updates.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(room.updates)))
    return
  }
  const update = decoding.readVarUint8Array(d)
  room.updates.push(update)
  forward(room, socket, subtype === UPDATE ? bytes : frameSync(UPDATE, update))
}

const port = readPort()
const server = http.createServer((_req, res) => {
  res.writeHead(200)
  res.end('ok')
})
const wss = new WebSocketServer({ noServer: true })
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    const name = request.url ?? '/'
    let room = rooms.get(name)
    if (!room) rooms.set(name, (room = { sockets: new Set(), updates: [] }))
    const joined = room
    joined.sockets.add(ws)
    ws.on('message', (data: Buffer) => receive(joined, ws, new Uint8Array(data.buffer, data.byteOffset, data.byteLength)))
    ws.on('close', () => joined.sockets.delete(ws))
  })
})
server.listen(port, '127.0.0.1', () => reportReady({ url: `http://127.0.0.1:${port}`, token: null }))
