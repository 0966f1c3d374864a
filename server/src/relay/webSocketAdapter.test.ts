import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { DIRECT_FRAME_MAX_BYTES, adaptWebSocket } from './webSocketAdapter.ts'
import { SYNC_DEFLATE_THRESHOLD_BYTES, syncSocketOptions } from '../http/syncSocketOptions.ts'

const silent = { debug() {}, info() {}, warn() {}, error() {} }
const servers: WebSocketServer[] = []

afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** A real `ws` server with the sync sockets' options, the adapter on its first connection, and a client. */
async function connectPair(): Promise<{ send: (bytes: Uint8Array) => boolean; received: Buffer[]; client: WebSocket }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', ...syncSocketOptions(64 * 1024 * 1024) })
  servers.push(server)
  await once(server, 'listening')
  const accepted = once(server, 'connection')
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`)
  const received: Buffer[] = []
  client.on('message', (data: Buffer) => received.push(data))
  await once(client, 'open')
  const [ws] = (await accepted) as [WebSocket]
  const adapted = adaptWebSocket(ws, { connectionId: 1, logger: silent, maxMessageBytes: 64 * 1024 * 1024, onMessage() {}, onClose() {} })
  return { send: (bytes) => adapted.socket.send(bytes), received, client }
}

const payload = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff)

describe('adaptWebSocket sends', () => {
  it('frames written directly arrive whole, at every length encoding', async () => {
    const { send, received } = await connectPair()
    const lengths = [0, 1, 125, 126, 127, 1000, DIRECT_FRAME_MAX_BYTES]
    const sent = lengths.map((length, i) => payload(length, i))
    for (const bytes of sent) send(bytes)
    await expect.poll(() => received.length).toBe(sent.length)
    expect(received.map((data) => new Uint8Array(data))).toEqual(sent)
  })

  it('keeps order when a large frame is compressed on the thread pool before small ones', async () => {
    const { send, received, client } = await connectPair()
    expect(client.extensions).toContain('permessage-deflate')
    // Large and compressible, so `ws` deflates it asynchronously; the small ones follow at once.
    const sent = [payload(10, 1), new Uint8Array(200_000).fill(7), payload(10, 2), payload(300, 3), new Uint8Array(100_000).fill(9), payload(5, 4)]
    for (const bytes of sent) send(bytes)
    // Deflating 300 kB on a loaded 2-core runner can take longer than the poll's default second.
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(sent.length)
    expect(received.map((data) => new Uint8Array(data))).toEqual(sent)
  }, 20_000)

  it('writes directly only frames ws would never compress', () => {
    expect(DIRECT_FRAME_MAX_BYTES).toBeLessThan(SYNC_DEFLATE_THRESHOLD_BYTES)
  })
})
