/**
 * Edits a client made while it could not send them (offline) and that arrive after the map was
 * finished are refused with the finalize close code (4002, reason MEETING_FINALIZED_EDITS_REFUSED)
 * — not silently dropped, so the client can say so — and nothing of them is stored or relayed. A
 * client that reconnects with nothing new is not refused.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { addItem, readMap } from '@safetymap/map-model'
import type { TestServer } from '../helpers/servers.ts'
import { useServers, usePeers } from '../helpers/useServers.ts'
import { api, connectPeer, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin } from '../helpers/accessClients.ts'
import { waitFor } from '../helpers/waitFor.ts'

const start = useServers()
const peers = usePeers()
let server: TestServer

beforeAll(async () => {
  server = await start()
})

const storedHolds = async (meetingId: string, text: string) => {
  const state = await server.services.relay.readDocState(meetingId)
  return state !== null && Buffer.from(state).includes(Buffer.from(text))
}

type Close = { code: number; reason: string }

describe('edits that reach a finished map', () => {
  it('are refused with 4002 when a client comes back online with them, and are stored nowhere', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Finished while offline')
    const lorna = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Lorna' })
    const family = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    const watcher = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    peers.push(family, watcher)
    await Promise.all([family.synced(), watcher.synced()])

    // The family member goes offline and keeps writing; meanwhile the facilitator finishes the map.
    family.provider.disconnect()
    addItem(family.doc, 'danger', 'written offline before the finish', { id: lorna.participantId, name: 'Lorna' })
    expect((await api(server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)

    const closes: Close[] = []
    family.provider.on('connection-close', (event) => {
      if (event) closes.push({ code: event.code, reason: event.reason })
    })
    const reconnectedAt = Date.now()
    family.provider.connect()
    await waitFor(() => closes.length > 0, { timeoutMs: 3000, what: 'the reconnecting client to be refused' })
    expect(closes[0]).toEqual({ code: 4002, reason: 'MEETING_FINALIZED_EDITS_REFUSED' })
    expect(Date.now() - reconnectedAt).toBeLessThan(3000)
    family.provider.disconnect()

    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await storedHolds(meeting.id, 'written offline')).toBe(false)
    expect(JSON.stringify(readMap(watcher.doc).sections)).not.toContain('written offline')

    // Someone who comes back with nothing new opens the finished map read-only, undisturbed.
    const clean = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    peers.push(clean)
    const cleanCloses: Close[] = []
    clean.provider.on('connection-close', (event) => {
      if (event) cleanCloses.push({ code: event.code, reason: event.reason })
    })
    await clean.synced()
    await waitFor(() => readMap(clean.doc).status === 'finalized', { timeoutMs: 3000, what: 'the finished map' })
    clean.provider.disconnect()
    clean.provider.connect()
    await clean.synced()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(cleanCloses).toEqual([])
    expect(clean.provider.wsconnected).toBe(true)
  })
})
