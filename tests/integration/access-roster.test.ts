/**
 * The roster and the facilitator's control over live sockets, over real sockets: who is here and
 * online; a role change reconnects the participant in the new role (and a viewer's edits never
 * reach anyone or the stored doc); removal closes every socket of that person with 4403 within a
 * second and kills their token; ending the meeting closes everyone with 4410.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addItem, readMap } from '@safetymap/map-model'
import type { TestServer } from '../helpers/servers.ts'
import { useServers, usePeers } from '../helpers/useServers.ts'
import { api, connectPeer, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin, openRawSocket, upgradeRefusal } from '../helpers/accessClients.ts'
import { waitFor } from '../helpers/waitFor.ts'

const start = useServers()
const peers = usePeers()
let server: TestServer

beforeAll(async () => {
  server = await start()
})

const storedText = async (meetingId: string) => {
  const state = await server.services.relay.readDocState(meetingId)
  const doc = new Y.Doc()
  if (state) Y.applyUpdate(doc, state)
  const map = readMap(doc)
  doc.destroy()
  return JSON.stringify(map.sections)
}

type RosterEntry = { id: string; name: string; role: string; status: string; online: boolean; relationship: string | null; attendance: string | null; consentedAt: string | null }

describe('the roster', () => {
  it('lists the facilitator and the people let in, with how they attend and who is online', async () => {
    const { apiKey, workerId } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Roster meeting')
    const lorna = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Grandma Lorna' })
    const waiting = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Waiting Wes', kind: 'shared' })
    const peer = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    peers.push(peer)
    await peer.synced()

    const roster = async (token: string) =>
      (await api<{ participants: RosterEntry[] }>(server.url, `/api/meetings/${meeting.id}/participants`, { token })).body.participants
    await waitFor(async () => (await roster(apiKey)).find((p) => p.id === lorna.participantId)?.online === true, { timeoutMs: 5000, what: 'Lorna to show online' })
    const seenByFacilitator = await roster(apiKey)
    expect(seenByFacilitator.find((p) => p.id === workerId)).toMatchObject({ name: 'Ana Ruiz', role: 'facilitator', status: 'admitted', online: false })
    expect(seenByFacilitator.find((p) => p.id === lorna.participantId)).toMatchObject({
      name: 'Grandma Lorna', relationship: 'friend', attendance: 'video', role: 'editor', status: 'admitted', online: true,
    })
    expect(seenByFacilitator.find((p) => p.id === lorna.participantId)?.consentedAt).toMatch(/^\d{4}-/)
    expect(seenByFacilitator.find((p) => p.id === waiting.participantId)?.status).toBe('waiting')

    // The family sees who is in the meeting, not the lobby.
    const seenByFamily = await roster(lorna.session)
    expect(seenByFamily.map((p) => p.id)).toEqual(expect.arrayContaining([workerId, lorna.participantId]))
    expect(seenByFamily.some((p) => p.id === waiting.participantId)).toBe(false)
    // A stranger sees nothing.
    expect((await api(server.url, `/api/meetings/${meeting.id}/participants`, { token: (await server.addWorker()).apiKey })).status).toBe(404)
  })
})

describe('facilitator control', () => {
  let apiKey: string
  let meetingId: string
  beforeAll(async () => {
    apiKey = (await server.addWorker('Ana Ruiz')).apiKey
    meetingId = (await createMeeting(server.url, apiKey, 'Control meeting')).id
  })

  it('changing a role reconnects the participant as a viewer whose edits reach nobody, and back again', async () => {
    const jess = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Jess' })
    const facilitator = connectPeer({ url: server.url, meetingId, token: apiKey })
    const family = connectPeer({ url: server.url, meetingId, token: jess.session })
    peers.push(facilitator, family)
    await Promise.all([facilitator.synced(), family.synced()])
    const closes: number[] = []
    family.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))

    const toViewer = await api(server.url, `/api/meetings/${meetingId}/participants/${jess.participantId}`, { method: 'PATCH', token: apiKey, body: { role: 'viewer' } })
    expect(toViewer.status).toBe(200)
    await waitFor(() => closes.includes(4001), { timeoutMs: 2000, what: 'the role-change close' })
    await waitFor(() => family.provider.wsconnected && family.provider.synced, { timeoutMs: 10_000, what: 'the viewer to reconnect' })

    addItem(family.doc, 'danger', 'viewer text must not travel', { id: jess.participantId, name: 'Jess' })
    addItem(facilitator.doc, 'strengths', 'facilitator still edits', { id: 'w', name: 'Ana' })
    await waitFor(() => readMap(family.doc).sections.strengths.length === 1, { timeoutMs: 3000, what: 'the facilitator note to reach the viewer' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(JSON.stringify(readMap(facilitator.doc).sections)).not.toContain('viewer text must not travel')
    expect(await storedText(meetingId)).not.toContain('viewer text must not travel')

    const trail = await server.services.audit.forMeeting(meetingId)
    expect(trail.find((e) => e.action === 'participant.role-changed' && e.subjectId === jess.participantId)?.details).toEqual({ from: 'editor', to: 'viewer' })

    // Back to editor: after the reconnect, new edits travel again.
    await api(server.url, `/api/meetings/${meetingId}/participants/${jess.participantId}`, { method: 'PATCH', token: apiKey, body: { role: 'editor' } })
    await waitFor(() => closes.filter((c) => c === 4001).length === 2, { timeoutMs: 2000, what: 'the second role-change close' })
    await waitFor(() => family.provider.wsconnected && family.provider.synced, { timeoutMs: 10_000, what: 'the editor to reconnect' })
    addItem(family.doc, 'goals', 'editor again', { id: jess.participantId, name: 'Jess' })
    await waitFor(async () => (await storedText(meetingId)).includes('editor again'), { timeoutMs: 3000, what: 'the edit to be stored' })
    family.destroy()
    facilitator.destroy()
  })

  it('only the facilitator changes roles, removes people or ends the meeting', async () => {
    const a = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'A' })
    const b = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'B' })
    const as = { token: a.session }
    expect((await api(server.url, `/api/meetings/${meetingId}/participants/${b.participantId}`, { ...as, method: 'PATCH', body: { role: 'viewer' } })).status).toBe(403)
    expect((await api(server.url, `/api/meetings/${meetingId}/participants/${b.participantId}`, { ...as, method: 'DELETE' })).status).toBe(403)
    expect((await api(server.url, `/api/meetings/${meetingId}/end`, { ...as, method: 'POST' })).status).toBe(403)
    expect((await api(server.url, `/api/meetings/${meetingId}/participants/${b.participantId}`, { token: apiKey, method: 'PATCH', body: { role: 'facilitator' } })).status).toBe(400)
    expect((await api<{ code: string }>(server.url, `/api/meetings/${meetingId}/participants/nobody`, { token: apiKey, method: 'DELETE' })).body.code).toBe('PARTICIPANT_NOT_FOUND')
  })

  it('removing a participant closes every socket of theirs with 4403 within a second and kills their token', async () => {
    const kai = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Uncle Kai' })
    const [phone, laptop] = await Promise.all([
      openRawSocket(server.url, meetingId, kai.session),
      openRawSocket(server.url, meetingId, kai.session),
    ])
    await waitFor(() => server.services.relay.peersOf(meetingId).includes(kai.participantId), { timeoutMs: 3000, what: 'Kai to be connected' })
    const removed = await api(server.url, `/api/meetings/${meetingId}/participants/${kai.participantId}`, { method: 'DELETE', token: apiKey })
    expect(removed.status).toBe(204)
    for (const socket of [phone, laptop]) {
      const closed = await socket.closed(1000)
      expect(closed).toMatchObject({ code: 4403, reason: 'RELAY_ACCESS_REVOKED' })
    }
    expect(server.services.relay.peersOf(meetingId)).not.toContain(kai.participantId)

    for (const route of [`/api/meetings/${meetingId}`, '/api/me', '/api/lobby']) {
      const res = await api<{ code: string; message: string }>(server.url, route, { token: kai.session })
      expect(res.status).toBe(403)
      expect(res.body.code).toBe('PARTICIPANT_REMOVED')
    }
    expect(await upgradeRefusal(server.url, meetingId, { authorization: `Bearer ${kai.session}` })).toEqual({ status: 403, code: 'PARTICIPANT_REMOVED' })
    const trail = await server.services.audit.forMeeting(meetingId)
    expect(trail.some((e) => e.action === 'participant.removed' && e.subjectId === kai.participantId)).toBe(true)
    expect((await server.services.audit.all()).some((e) => e.action === 'access.refused' && e.details.reason === 'removed' && e.details.door === 'sync')).toBe(true)
    const roster = await api<{ participants: RosterEntry[] }>(server.url, `/api/meetings/${meetingId}/participants`, { token: apiKey })
    expect(roster.body.participants.find((p) => p.id === kai.participantId)).toMatchObject({ status: 'removed', online: false })
  })

  it('refuses tampered and wrong-meeting tokens at the upgrade and audits both attempts', async () => {
    const member = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Tam' })
    const tampered = `${member.session.slice(0, -2)}xx`
    expect(await upgradeRefusal(server.url, meetingId, { authorization: `Bearer ${tampered}` })).toEqual({ status: 401, code: 'AUTH_REQUIRED' })
    const other = await createMeeting(server.url, apiKey, 'Another family')
    expect(await upgradeRefusal(server.url, other.id, { authorization: `Bearer ${member.session}` })).toEqual({ status: 403, code: 'MEETING_NOT_A_MEMBER' })
    const refusals = (await server.services.audit.all()).filter((e) => e.action === 'access.refused')
    expect(refusals.some((e) => e.details.reason === 'bad-credential' && e.actor.kind === 'anonymous')).toBe(true)
    expect(refusals.some((e) => e.details.reason === 'not-a-member' && e.actor.id === member.participantId && e.meetingId === other.id)).toBe(true)
  })

  it('refuses a cross-origin upgrade with the session cookie and audits the attempt', async () => {
    const member = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Jo' })
    const refused = await upgradeRefusal(server.url, meetingId, { cookie: `sm_session=${member.session}`, origin: 'https://evil.example' })
    expect(refused).toEqual({ status: 403, code: 'AUTH_ORIGIN_MISMATCH' })
    expect((await server.services.audit.all()).some((e) => e.action === 'access.refused' && e.actor.id === member.participantId && e.details.reason === 'origin-mismatch')).toBe(true)
  })

  it('ending the meeting closes every socket with 4410, ends every participant session and every invite', async () => {
    const mia = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Mia' })
    const spare = await api<{ token: string }>(server.url, `/api/meetings/${meetingId}/invites`, { token: apiKey, body: { role: 'editor', kind: 'shared' } })
    const [family, worker] = await Promise.all([openRawSocket(server.url, meetingId, mia.session), openRawSocket(server.url, meetingId, apiKey)])
    expect((await api(server.url, `/api/meetings/${meetingId}/end`, { method: 'POST', token: apiKey })).status).toBe(204)
    expect(await family.closed(1000)).toMatchObject({ code: 4410 })
    expect(await worker.closed(1000)).toMatchObject({ code: 4410 })
    const after = await api<{ code: string }>(server.url, `/api/meetings/${meetingId}`, { token: mia.session })
    expect(after.status).toBe(403)
    expect(after.body.code).toBe('MEETING_ENDED')
    // Its links were turned off for good: they say the meeting ended rather than "ask for a new one".
    expect((await api<{ code: string }>(server.url, '/api/join/preview', { body: { token: spare.body.token } })).body.code).toBe('MEETING_ENDED')
    // Nobody new comes into an ended meeting: no invite is made for it.
    const late = await api<{ code: string }>(server.url, `/api/meetings/${meetingId}/invites`, { token: apiKey, body: { role: 'editor', kind: 'shared' } })
    expect(late.status).toBe(409)
    expect(late.body.code).toBe('MEETING_ENDED_NO_NEW_PEOPLE')
    const meeting = await api<{ endedAt: string | null }>(server.url, `/api/meetings/${meetingId}`, { token: apiKey })
    expect(meeting.body.endedAt).toMatch(/^\d{4}-/)
    expect((await server.services.audit.forMeeting(meetingId)).some((e) => e.action === 'meeting.ended')).toBe(true)
  })
})
