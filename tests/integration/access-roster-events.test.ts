/**
 * The roster is pushed, not polled: `GET /api/meetings/:id/roster/events` is a server-sent event
 * stream that sends a `roster` event the moment a joiner arrives in the lobby (the facilitator
 * sees them within a second), is let in, or is removed; a removed person's stream ends, and so do
 * participants' when the meeting ends; people outside the meeting get no stream at all. Someone
 * coming online or dropping off is pushed too, so "Who's here" never shows a connected phone as
 * offline — also when every phone reconnects after the map is finished or reopened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../helpers/servers.ts'
import { useServers, usePeers } from '../helpers/useServers.ts'
import { api, connectPeer, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin } from '../helpers/accessClients.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { followRoster, openRosterStream as openRosterStreamAt, type FollowedRoster, type RosterStream } from '../helpers/rosterStream.ts'

const start = useServers()
const peers = usePeers()
let server: TestServer
const streams: Array<RosterStream | FollowedRoster> = []

beforeAll(async () => {
  server = await start()
})
afterAll(() => {
  for (const stream of streams) stream.close()
})

/** Opens the roster stream on the test server; closed after all tests. */
async function openRosterStream(meetingId: string, token: string): Promise<RosterStream> {
  const stream = await openRosterStreamAt(server.url, meetingId, token)
  streams.push(stream)
  return stream
}

describe('roster events', () => {
  it('tell the facilitator within a second that someone waits, and everyone when someone is let in or removed', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Pushed roster')
    const lorna = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Grandma Lorna' })
    const facilitator = await openRosterStream(meeting.id, apiKey)
    const family = await openRosterStream(meeting.id, lorna.session)
    expect([facilitator.status, family.status]).toEqual([200, 200])
    // Give the streams a moment to subscribe before the first change.
    await new Promise((resolve) => setTimeout(resolve, 100))

    const joinedAt = Date.now()
    const waiting = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Waiting Wes', kind: 'shared' })
    expect(waiting.status).toBe('waiting')
    await waitFor(() => facilitator.events.length > 0, { timeoutMs: 1000, what: 'the lobby joiner to be pushed to the facilitator' })
    expect(facilitator.events[0]! - joinedAt).toBeLessThan(1000)
    const roster = await api<{ participants: { id: string; status: string }[] }>(server.url, `/api/meetings/${meeting.id}/participants`, { token: apiKey })
    expect(roster.body.participants.find((p) => p.id === waiting.participantId)?.status).toBe('waiting')

    const before = family.events.length
    expect((await api(server.url, `/api/meetings/${meeting.id}/participants/${waiting.participantId}/admit`, { method: 'POST', token: apiKey })).status).toBe(204)
    await waitFor(() => family.events.length > before, { timeoutMs: 1000, what: 'the admission to be pushed to the family' })

    expect((await api(server.url, `/api/meetings/${meeting.id}/participants/${lorna.participantId}`, { method: 'DELETE', token: apiKey })).status).toBe(204)
    await waitFor(() => family.ended(), { timeoutMs: 1000, what: 'the removed person’s stream to end' })
    const again = await openRosterStream(meeting.id, lorna.session)
    expect(again.status).toBe(403)

    // Ending the meeting ends its participants' streams too (their sessions end with it).
    const wes = await openRosterStream(meeting.id, waiting.session)
    expect(wes.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect((await api(server.url, `/api/meetings/${meeting.id}/end`, { method: 'POST', token: apiKey })).status).toBe(204)
    await waitFor(() => wes.ended(), { timeoutMs: 1000, what: 'the participant’s stream to end with the meeting' })
    expect(facilitator.ended()).toBe(false)
  })

  it('show the facilitator within 2 s that someone dropped off and came back, also after a finish and a reopen', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Who is here')
    const lorna = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Grandma Lorna' })
    const board = await followRoster(server.url, meeting.id, apiKey)
    streams.push(board)
    /** Her "online" in the facilitator's Who's here, if it was asked after `since`. */
    const lornaOnline = (since = 0) => {
      const latest = board.latest()
      return latest && latest.askedAt >= since ? latest.participants.find((p) => p.id === lorna.participantId)?.online : undefined
    }
    await waitFor(() => lornaOnline() === false, { timeoutMs: 2000, what: 'Lorna offline before her phone connects' })

    const phone = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    peers.push(phone)
    await phone.synced()
    await waitFor(() => lornaOnline() === true, { timeoutMs: 2000, what: 'Lorna online once her phone connects' })
    phone.provider.disconnect()
    await waitFor(() => lornaOnline() === false, { timeoutMs: 2000, what: 'Lorna offline once her phone drops' })
    phone.provider.connect()
    await waitFor(() => lornaOnline() === true, { timeoutMs: 2000, what: 'Lorna online again once her phone is back' })

    // Finishing closes every socket (4002) and her phone comes back read-only; reopening, again (4003).
    // A roster asked after the server closed her socket is fresh; "back" is only when this process saw
    // it, which on a loaded machine may be after the server already told the board (so not `since`).
    const closedAt = new Map<number, number>()
    phone.provider.on('connection-close', (event) => closedAt.set(event?.code ?? 0, Date.now()))
    for (const [step, code] of [['finalize', 4002], ['reopen', 4003]] as const) {
      expect((await api(server.url, `/api/meetings/${meeting.id}/${step}`, { method: 'POST', token: apiKey })).status).toBe(200)
      await waitFor(() => closedAt.has(code), { timeoutMs: 2000, what: `the ${step} close` })
      await waitFor(() => phone.provider.wsconnected, { timeoutMs: 2000, what: `her phone back after the ${step}` })
      await waitFor(() => lornaOnline(closedAt.get(code)) === true, { timeoutMs: 2000, what: `Lorna online within 2 s of her phone coming back after the ${step}` })
    }
  })

  it('is refused to people outside the meeting and to the signed out', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Closed roster')
    expect((await openRosterStream(meeting.id, (await server.addWorker('Other')).apiKey)).status).toBe(404)
    expect((await fetch(`${server.url}/api/meetings/${meeting.id}/roster/events`)).status).toBe(401)
  })
})
