/**
 * Graceful shutdown (issue 5, relay-notes bar items 11 and 15): closing the app (what SIGTERM
 * does in `main.ts`) closes every sync socket with the non-terminal 1001 `RELAY_SHUTTING_DOWN`
 * — the stock provider retries it, unlike 4400–4499 — after the edits were flushed, so a
 * restarted server on the same DATA_DIR serves them.
 */
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
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
})
