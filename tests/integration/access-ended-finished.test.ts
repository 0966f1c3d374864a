/**
 * What a facilitator may still do once a meeting is over, over HTTP: a finished (finalized) map
 * still takes a co-facilitator and an invite (someone to review or read it); an ended meeting takes
 * nobody new ever (409 MEETING_ENDED_NO_NEW_PEOPLE, even after a reopen), lets nobody in from the
 * lobby and changes nobody's role (409, not a roster that says so while nothing happens), its old
 * links say the meeting ended, and ending it again changes nothing. Reading, exporting, finishing
 * and reopening go on throughout.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'
import { api, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin, joinBody } from '../helpers/accessClients.ts'

const start = useServers()
let server: TestServer
let clock = Date.parse('2025-03-04T10:00:00Z')
beforeAll(async () => {
  server = await start({ now: () => clock })
})

type Reply = { code: string; message: string; token: string }

/** Two workers and a meeting the first one runs. */
async function setUp(title: string) {
  const owner = await server.addWorker('Ana Ruiz')
  const colleague = await server.addWorker('Cy Ortega')
  const meeting = await createMeeting(server.url, owner.apiKey, title)
  const email = (await server.services.workers.getWorker(colleague.workerId))!.email
  const path = `/api/meetings/${meeting.id}`
  const post = (route: string, body: unknown = undefined) =>
    api<Reply>(server.url, `${path}${route}`, { method: 'POST', token: owner.apiKey, ...(body === undefined ? {} : { body }) })
  return {
    meetingId: meeting.id,
    owner,
    colleague,
    path,
    post,
    addColleague: () => post('/facilitators', { email }),
    invite: () => post('/invites', { role: 'editor', kind: 'shared' }),
    /** What a member still reads: the meeting, the roster, the invites, the versions, an export. */
    reads: async () => Promise.all(['', '/participants', '/invites', '/versions', '/export?format=json']
      .map(async (route) => (await api(server.url, `${path}${route}`, { token: owner.apiKey })).status)),
  }
}

const refusal = (res: { status: number; body: Pick<Reply, 'code'> | null }) => [res.status, res.body?.code]

describe('a finished map', () => {
  it('still takes a co-facilitator and an invite, and reading and exporting go on', async () => {
    const m = await setUp('Finished map')
    expect((await m.post('/finalize')).status).toBe(200)
    expect((await m.addColleague()).status).toBe(201)
    expect((await m.invite()).status).toBe(201)
    expect((await api(server.url, m.path, { token: m.colleague.apiKey })).status).toBe(200)
    expect(await m.reads()).toEqual([200, 200, 200, 200, 200])
  })
})

describe('an ended meeting', () => {
  it('takes nobody new, finished or reopened; its links say it ended; ending again changes nothing', async () => {
    const m = await setUp('Ended meeting')
    const link = await m.invite()
    expect(link.status).toBe(201)
    const { token } = link.body
    const family = await joinBody(server.url, token, 'Grandma Lorna')

    expect((await m.post('/end')).status).toBe(204)
    const endedAt = (await api<{ endedAt: string }>(server.url, m.path, { token: m.owner.apiKey })).body.endedAt

    expect(refusal(await m.addColleague())).toEqual([409, 'MEETING_ENDED_NO_NEW_PEOPLE'])
    expect(refusal(await m.invite())).toEqual([409, 'MEETING_ENDED_NO_NEW_PEOPLE'])
    expect((await api(server.url, m.path, { token: m.colleague.apiKey })).status).toBe(404)
    // The family's link was turned off by the end: it says so, not "ask for a new one".
    expect(refusal(await api<Reply>(server.url, '/api/join/preview', { body: { token } }))).toEqual([403, 'MEETING_ENDED'])
    expect(refusal(await api<Reply>(server.url, '/api/join', { body: family }))).toEqual([403, 'MEETING_ENDED'])
    expect(await m.reads()).toEqual([200, 200, 200, 200, 200])

    // Ending is for good: finishing and reopening still work, but nobody new comes in after them.
    expect((await m.post('/finalize')).status).toBe(200)
    expect(refusal(await m.addColleague())).toEqual([409, 'MEETING_ENDED_NO_NEW_PEOPLE'])
    expect((await m.post('/reopen')).status).toBe(200)
    expect(refusal(await m.addColleague())).toEqual([409, 'MEETING_ENDED_NO_NEW_PEOPLE'])
    expect(refusal(await m.invite())).toEqual([409, 'MEETING_ENDED_NO_NEW_PEOPLE'])

    // A second "End" (another tab) keeps the first end time, which retention counts from.
    clock += 60 * 60 * 1000
    expect((await m.post('/end')).status).toBe(204)
    expect((await api<{ endedAt: string }>(server.url, m.path, { token: m.owner.apiKey })).body.endedAt).toBe(endedAt)
    const ends = (await server.services.audit.forMeeting(m.meetingId)).filter((e) => e.action === 'meeting.ended')
    expect(ends).toHaveLength(1)
  })

  it('lets nobody in from the lobby and changes nobody\'s role, so the roster never says otherwise', async () => {
    const m = await setUp('Ended with people waiting')
    const join = (name: string, lobby: boolean) =>
      inviteAndJoin(server.url, m.owner.apiKey, m.meetingId, { name, kind: 'shared', lobby })
    const lorna = await join('Grandma Lorna', false)
    const tom = await join('Uncle Tom', true)
    const roster = async () =>
      (await api<{ participants: { name: string; status: string; role: string }[] }>(server.url, `${m.path}/participants`, { token: m.owner.apiKey }))
        .body.participants.filter((p) => p.role !== 'facilitator').map((p) => [p.name, p.status, p.role])
    expect(await roster()).toEqual([['Grandma Lorna', 'admitted', 'editor'], ['Uncle Tom', 'waiting', 'editor']])

    expect((await m.post('/end')).status).toBe(204)
    expect(refusal(await m.post(`/participants/${tom.participantId}/admit`))).toEqual([409, 'MEETING_ENDED_NO_NEW_PEOPLE'])
    const roleChange = await api<Reply>(server.url, `${m.path}/participants/${lorna.participantId}`, {
      method: 'PATCH',
      token: m.owner.apiKey,
      body: { role: 'viewer' },
    })
    expect(refusal(roleChange)).toEqual([409, 'MEETING_ENDED_NO_ROLE_CHANGES'])
    expect(roleChange.body.message).toContain('create a new meeting')
    expect(await roster()).toEqual([['Grandma Lorna', 'admitted', 'editor'], ['Uncle Tom', 'waiting', 'editor']])

    // Turning someone away still works: it only records that they were not let in.
    expect((await m.post(`/participants/${tom.participantId}/decline`)).status).toBe(204)
    expect(await roster()).toEqual([['Grandma Lorna', 'admitted', 'editor'], ['Uncle Tom', 'declined', 'editor']])
  })
})
