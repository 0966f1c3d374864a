/**
 * What an instance whose fan-out subscription dropped decides for the people connected to it
 * once it is back (issue 9): from the database alone, the same close the access layer sent
 * meanwhile — a changed role, a removal, a finalize, the end of the meeting — and nothing for
 * whoever may stay as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../helpers/servers.ts'
import { api, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin } from '../helpers/accessClients.ts'
import { syncAccessChange } from '../../server/src/http/syncAccessChange.ts'
import { ACCESS_CLOSE } from '../../server/src/access/accessCloseCodes.ts'
import { restrictedDocId } from '../../server/src/meetings/restrictedDoc.ts'
import type { ParticipantRole } from '../../server/src/meetings/MeetingStore.ts'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server.close()
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
