/**
 * The roster is pushed, not polled: `GET /api/meetings/:id/roster/events` is a server-sent event
 * stream that sends a `roster` event the moment a joiner arrives in the lobby (the facilitator
 * sees them within a second), is let in, or is removed; a removed person's stream ends, and so do
 * participants' when the meeting ends; people outside the meeting get no stream at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../helpers/servers.ts'
import { api, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin } from '../helpers/accessClients.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { openRosterStream as openRosterStreamAt, type RosterStream } from '../helpers/rosterStream.ts'

let server: TestServer
const streams: RosterStream[] = []

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  for (const stream of streams) stream.close()
  await server.close()
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

  it('is refused to people outside the meeting and to the signed out', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Closed roster')
    expect((await openRosterStream(meeting.id, (await server.addWorker('Other')).apiKey)).status).toBe(404)
    expect((await fetch(`${server.url}/api/meetings/${meeting.id}/roster/events`)).status).toBe(401)
  })
})
