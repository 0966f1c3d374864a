/**
 * Graceful shutdown (issue 5, relay-notes bar items 11 and 15): closing the app (what SIGTERM
 * does in `main.ts`) closes every sync socket with the non-terminal 1001 `RELAY_SHUTTING_DOWN`
 * — the stock provider retries it, unlike 4400–4499 — after the edits were flushed, so a
 * restarted server on the same DATA_DIR serves them. Closing always ends: a sync upgrade that
 * arrives mid-close is answered and its socket closed, and a connection a client keeps open is
 * ended after the drain period (issue 9: in-process restarts on PostgreSQL hung on such a socket).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { connect } from 'node:net'
import WebSocket from 'ws'
import { SHUTDOWN_STEP_TIMEOUT_MS } from '@safetymap/server'
import { addItem, readMap } from '@safetymap/map-model'
import { connectPeer, createMeeting, type Peer } from '../helpers/clients.ts'
import { startServer, type TestServer } from '../helpers/servers.ts'
import { waitFor } from '../helpers/waitFor.ts'

const servers: TestServer[] = []
const peers: Peer[] = []
afterEach(async () => {
  for (const peer of peers.splice(0)) peer.destroy()
  for (const server of servers.splice(0)) await server.close().catch(() => undefined)
})

describe('graceful shutdown', () => {
  it('closes sockets with the retryable 1001 RELAY_SHUTTING_DOWN, and the flushed edits survive the restart', async () => {
    const server = await startServer()
    servers.push(server)
    const { apiKey } = await server.addWorker()
    const meeting = await createMeeting(server.url, apiKey, 'Shutdown')
    const writer = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    peers.push(writer)
    await writer.synced()
    addItem(writer.doc, 'goals', 'Kai sleeps at home every night', { id: 'w', name: 'Ana' })

    const raw = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${meeting.id}`, { headers: { authorization: `Bearer ${apiKey}` } })
    raw.on('error', () => undefined)
    await new Promise((resolve, reject) => {
      raw.once('open', resolve)
      raw.once('unexpected-response', () => reject(new Error('upgrade refused')))
    })
    const closed = new Promise<{ code: number; reason: string }>((resolve) => raw.once('close', (code, reason) => resolve({ code, reason: String(reason) })))
    await waitFor(async () => ((await server.services.relay.readDocState(meeting.id)) ?? new Uint8Array()).byteLength > 0 && server.services.relay.stats().counters.updatesAccepted > 0, {
      what: 'the note to reach the relay',
    })

    await server.close()
    expect(await closed).toEqual({ code: 1001, reason: 'RELAY_SHUTTING_DOWN' })

    writer.provider.disconnect()
    const port = Number(new URL(server.url).port)
    const restarted = await startServer({ dataDir: server.dataDir, port })
    servers.push(restarted)
    const reader = connectPeer({ url: restarted.url, meetingId: meeting.id, token: apiKey })
    peers.push(reader)
    await reader.synced()
    expect(readMap(reader.doc).sections.goals.map((item) => item.text)).toEqual(['Kai sleeps at home every night'])
  })

  it('a sync upgrade arriving while the server is closing is answered and closed, so the close completes', async () => {
    const server = await startServer()
    servers.push(server)
    const { apiKey } = await server.addWorker()
    const meeting = await createMeeting(server.url, apiKey, 'Late upgrade')
    // Hold the relay's flush open (as a slow database does), so the upgrade lands mid-close.
    const relay = server.services.relay
    const flush = relay.close.bind(relay)
    let finishFlush!: () => void
    const flushHeld = new Promise<void>((resolve) => (finishFlush = resolve))
    let flushStarted!: () => void
    const closing = new Promise<void>((resolve) => (flushStarted = resolve))
    relay.close = () => {
      const flushed = flush()
      flushStarted()
      return flushHeld.then(() => flushed)
    }
    const closed = server.close()
    await closing

    // Fastify already counts as closing; the HTTP server still listens until the flush is done.
    const late = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${meeting.id}`, { headers: { authorization: `Bearer ${apiKey}` } })
    late.on('error', () => undefined)
    try {
      const lateClose = await Promise.race([
        new Promise<number>((resolve) => late.once('close', resolve)),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the late upgrade was never answered')), 5_000)),
      ])
      expect(lateClose, 'the late client is told to retry').toBe(1001)
    } finally {
      finishFlush()
    }
    const started = Date.now()
    await Promise.race([closed, new Promise((_, reject) => setTimeout(() => reject(new Error('the server never finished closing')), 3_000))])
    // Well within the drain period: nothing was left for it to end.
    expect(Date.now() - started).toBeLessThan(SHUTDOWN_STEP_TIMEOUT_MS / 2)
  })

  it('a client that never finishes its request holds the shutdown no longer than the drain period', async () => {
    const server = await startServer()
    servers.push(server)
    const { port } = new URL(server.url)
    const stalled = connect(Number(port), '127.0.0.1')
    stalled.on('error', () => undefined)
    await waitFor(() => !stalled.connecting, { what: 'the stalled client to connect' })
    // Headers never finished: Node counts it as a request in progress, and `server.close()` waits for it.
    stalled.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    await waitFor(() => new Promise<boolean>((resolve) => server.app.server.getConnections((_, count) => resolve(count === 1))), { what: 'the server to see the connection' })

    const started = Date.now()
    await Promise.race([server.close(), new Promise((_, reject) => setTimeout(() => reject(new Error('the server never finished closing')), SHUTDOWN_STEP_TIMEOUT_MS + 5_000))])
    expect(Date.now() - started).toBeLessThan(SHUTDOWN_STEP_TIMEOUT_MS + 2_000)
    await waitFor(() => stalled.destroyed, { what: 'the stalled connection to be ended' })
  }, 20_000)
})
