/**
 * Co-facilitators over real sockets: the meeting's owner adds another worker, who then
 * facilitates it fully; the owner (and only the owner) can take them off again — their sockets
 * for that meeting, the shared map and the restricted doc, close with 4403 within a second while
 * their other meetings stay connected, they lose access at once, and the audit trail says so.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'
import { api, createMeeting } from '../helpers/clients.ts'
import { openRawSocket, upgradeRefusal } from '../helpers/accessClients.ts'

const start = useServers()
let server: TestServer
beforeAll(async () => {
  server = await start()
})

const emailOf = async (workerId: string) => (await server.services.workers.getWorker(workerId))!.email

describe('co-facilitators', () => {
  it('the owner removes a co-facilitator: their sockets in that meeting close within 1 s and their access ends', async () => {
    const owner = await server.addWorker('Ana Ruiz')
    const co = await server.addWorker('Cy Ortega')
    const meeting = await createMeeting(server.url, owner.apiKey, 'Shared facilitation')
    const theirOwn = await createMeeting(server.url, co.apiKey, 'Cy’s own meeting')
    const added = await api(server.url, `/api/meetings/${meeting.id}/facilitators`, { token: owner.apiKey, body: { email: await emailOf(co.workerId) } })
    expect(added.status).toBe(201)
    expect((await api<{ role: string }>(server.url, `/api/meetings/${meeting.id}`, { token: co.apiKey })).body.role).toBe('facilitator')
    const roster = await api<{ participants: { id: string; owner?: boolean }[] }>(server.url, `/api/meetings/${meeting.id}/participants`, { token: co.apiKey })
    expect(roster.body.participants.filter((p) => p.owner !== undefined).map((p) => [p.id, p.owner])).toEqual([[owner.workerId, true], [co.workerId, false]])

    const shared = await openRawSocket(server.url, meeting.id, co.apiKey)
    const restricted = await openRawSocket(server.url, `${meeting.id}/restricted`, co.apiKey)
    const elsewhere = await openRawSocket(server.url, theirOwn.id, co.apiKey)

    // A co-facilitator cannot take the owner (or anyone) off; the owner cannot be taken off.
    const byCo = await api<{ code: string }>(server.url, `/api/meetings/${meeting.id}/facilitators/${owner.workerId}`, { method: 'DELETE', token: co.apiKey })
    expect([byCo.status, byCo.body.code]).toEqual([403, 'MEETING_OWNER_ONLY'])
    const ownerOff = await api<{ code: string }>(server.url, `/api/meetings/${meeting.id}/facilitators/${owner.workerId}`, { method: 'DELETE', token: owner.apiKey })
    expect([ownerOff.status, ownerOff.body.code]).toEqual([409, 'MEETING_OWNER_STAYS'])

    const removed = await api(server.url, `/api/meetings/${meeting.id}/facilitators/${co.workerId}`, { method: 'DELETE', token: owner.apiKey })
    expect(removed.status).toBe(204)
    const [sharedClose, restrictedClose] = await Promise.all([shared.closed(1000), restricted.closed(1000)])
    expect(sharedClose.code).toBe(4403)
    expect(restrictedClose.code).toBe(4403)
    expect(sharedClose.afterMs).toBeLessThan(1000)
    // Their own meeting is untouched.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(elsewhere.ws.readyState).toBe(elsewhere.ws.OPEN)
    elsewhere.ws.close()

    expect((await api(server.url, `/api/meetings/${meeting.id}`, { token: co.apiKey })).status).toBe(404)
    expect((await upgradeRefusal(server.url, meeting.id, { authorization: `Bearer ${co.apiKey}` })).status).toBe(403)
    expect((await api<{ meetings: { id: string }[] }>(server.url, '/api/meetings', { token: co.apiKey })).body.meetings.map((m) => m.id)).toEqual([theirOwn.id])
    const again = await api<{ code: string }>(server.url, `/api/meetings/${meeting.id}/facilitators/${co.workerId}`, { method: 'DELETE', token: owner.apiKey })
    expect([again.status, again.body.code]).toEqual([404, 'FACILITATOR_NOT_FOUND'])

    const trail = await server.services.audit.forMeeting(meeting.id)
    expect(trail.find((e) => e.action === 'meeting.facilitator-removed')).toMatchObject({ actor: { kind: 'worker', id: owner.workerId }, subjectId: co.workerId })
  })
})
