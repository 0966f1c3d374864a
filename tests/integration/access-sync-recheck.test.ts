/**
 * What an instance whose fan-out subscription dropped decides for the people connected to it
 * once it is back (issue 9): from the database alone, the same close the access layer sent
 * meanwhile — a changed role, a removal, a finalize, the end of the meeting — and nothing for
 * whoever may stay as they are. And what a sync route decides for a socket whose handshake a
 * facilitator's end or finalize overtook: the meeting's state now, never the upgrade's.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'
import { api, connectPeer, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin, openRawSocket } from '../helpers/accessClients.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { addItem } from '@safetymap/map-model'
import { syncAccessChange } from '../../server/src/http/syncDecision.ts'
import { ACCESS_CLOSE } from '../../server/src/access/accessCloseCodes.ts'
import { restrictedDocId } from '../../server/src/meetings/restrictedDoc.ts'
import type { ParticipantRole } from '../../server/src/meetings/MeetingStore.ts'

const start = useServers()
let server: TestServer
beforeAll(async () => {
  server = await start()
})

describe('rechecking a connected sync peer against the database', () => {
  it('returns the close the access layer sent meanwhile, and null for whoever may stay', async () => {
    const { apiKey, workerId } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Recheck')
    const ben = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Ben' })
    const cai = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Cai' })
    const recheck = (participantId: string, role: ParticipantRole, docId = meeting.id) =>
      syncAccessChange(server.services, { meetingId: docId, participantId, role })
    const as = { token: apiKey }

    expect(await recheck(ben.participantId, 'editor')).toBeNull()
    expect(await recheck(workerId, 'facilitator')).toBeNull()
    expect(await recheck(workerId, 'facilitator', restrictedDocId(meeting.id))).toBeNull()
    expect(await recheck(ben.participantId, 'editor', restrictedDocId(meeting.id)), 'the restricted doc is for facilitators').toEqual(ACCESS_CLOSE.PARTICIPANT_REMOVED)

    expect((await api(server.url, `/api/meetings/${meeting.id}/participants/${ben.participantId}`, { ...as, method: 'PATCH', body: { role: 'viewer' } })).status).toBe(200)
    expect(await recheck(ben.participantId, 'editor')).toEqual(ACCESS_CLOSE.ROLE_CHANGED)
    expect(await recheck(ben.participantId, 'viewer')).toBeNull()

    expect((await api(server.url, `/api/meetings/${meeting.id}/participants/${cai.participantId}`, { ...as, method: 'DELETE' })).status).toBe(204)
    expect(await recheck(cai.participantId, 'editor')).toEqual(ACCESS_CLOSE.PARTICIPANT_REMOVED)

    expect((await api(server.url, `/api/meetings/${meeting.id}/finalize`, { ...as, method: 'POST' })).status).toBe(200)
    expect(await recheck(workerId, 'facilitator')).toEqual(ACCESS_CLOSE.MEETING_FINALIZED)
    expect(await recheck(workerId, 'viewer', restrictedDocId(meeting.id))).toBeNull()

    expect((await api(server.url, `/api/meetings/${meeting.id}/end`, { ...as, method: 'POST' })).status).toBe(204)
    expect(await recheck(ben.participantId, 'viewer')).toEqual(ACCESS_CLOSE.MEETING_ENDED)
    expect(await recheck(workerId, 'viewer'), 'the facilitator still reads the ended meeting').toBeNull()
  })
})

describe('a socket that connects while the facilitator acts', () => {
  /**
   * Runs `act` (a facilitator's request) at the worst moment of `participantId`'s next sync
   * handshake: after the upgrade was admitted and while the route reads the participant again just
   * before joining the socket to the relay, so the act's relay close finds no socket to close yet.
   */
  const duringHandshake = (participantId: string, act: () => Promise<void>) => {
    const meetings = server.services.meetings
    const real = meetings.getParticipant.bind(meetings)
    let reads = 0
    meetings.getParticipant = async (id) => {
      // The first read is the session lookup of the upgrade; the second, the route's decision.
      if (id === participantId && ++reads === 2) {
        meetings.getParticipant = real
        await act()
      }
      return real(id)
    }
    return () => (meetings.getParticipant = real)
  }

  it('never joins a meeting that ended during its handshake: it is closed as ended', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Ending')
    const ben = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Ben' })
    const restore = duringHandshake(ben.participantId, async () => {
      expect((await api(server.url, `/api/meetings/${meeting.id}/end`, { token: apiKey, method: 'POST' })).status).toBe(204)
    })
    try {
      const socket = await openRawSocket(server.url, meeting.id, ben.session)
      expect((await socket.closed(3_000)).code).toBe(ACCESS_CLOSE.MEETING_ENDED.code)
    } finally {
      restore()
    }
  })

  it('joins read-only when the map was finished during its handshake', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Finishing')
    const ben = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Ben' })
    const restore = duringHandshake(ben.participantId, async () => {
      expect((await api(server.url, `/api/meetings/${meeting.id}/finalize`, { token: apiKey, method: 'POST' })).status).toBe(200)
    })
    const family = connectPeer({ url: server.url, meetingId: meeting.id, token: ben.session })
    const closes: Array<{ code: number; reason: string }> = []
    family.provider.on('connection-close', (event) => {
      if (event) closes.push({ code: event.code, reason: event.reason })
    })
    try {
      await family.synced()
      // A change from Ben is refused as a finished map's, not taken as an editor's.
      addItem(family.doc, 'danger', 'written after the finish', { id: ben.participantId, name: 'Ben' })
      await waitFor(() => closes.length > 0, { timeoutMs: 3_000, what: 'the change to be refused' })
      expect(closes[0]).toEqual(ACCESS_CLOSE.FINALIZED_EDITS_REFUSED)
      expect(Buffer.from((await server.services.relay.readDocState(meeting.id))!).includes('written after the finish')).toBe(false)
    } finally {
      family.destroy()
      restore()
    }
  })
})
