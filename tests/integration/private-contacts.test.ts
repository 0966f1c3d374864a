/**
 * A safety plan's phone numbers and contacts (map-model MM-35, safety-mapping §9) over the real
 * server: a family member gives a phone number through `POST /api/meetings/:id/private-contacts`;
 * it is stored in the workers-only doc, in the plan's contacts box with her name, and never in
 * the shared map, so her own sync and a late joiner's never receive it. Viewers, a finished map,
 * a plan no longer on the map and an over-long or empty number are refused with what to do next.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { placeTemplate, placedZoneId, readMap, readRecordMap } from '@safetymap/map-model'
import type { TestServer } from '../helpers/servers.ts'
import { useServers, usePeers } from '../helpers/useServers.ts'
import { docHolds, storedDocHolds } from '../helpers/docHolds.ts'
import { api, connectPeer, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin } from '../helpers/accessClients.ts'

const start = useServers()
const peers = usePeers()
let server: TestServer
beforeAll(async () => {
  server = await start()
})


describe('private contacts on a safety plan', () => {
  it('go into the workers-only doc, never into the shared map, and never reach the family', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Contacts meeting')
    let placementId = ''
    await server.services.relay.applyServerChange(meeting.id, (doc) => {
      placementId = placeTemplate(doc, 'safety-plan').placementId
    })
    const lorna = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Grandma Lorna' })
    const family = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    peers.push(family)
    await family.synced()

    const number = 'Lorna mobile 555-0142'
    const url = `/api/meetings/${meeting.id}/private-contacts`
    const added = await api<{ shapeId: string }>(server.url, url, { token: lorna.session, body: { placementId, text: `  ${number} ` } })
    expect(added.status).toBe(200)

    const restricted = connectPeer({ url: server.url, meetingId: `${meeting.id}/restricted`, token: apiKey })
    peers.push(restricted)
    await restricted.synced()
    const note = readRecordMap(restricted.doc).get(added.body.shapeId) as { parentId: string; meta: Record<string, unknown> } | undefined
    expect(note?.parentId).toBe(placedZoneId(placementId, 'safety-plan-contacts'))
    expect(note?.meta).toMatchObject({ authorId: lorna.participantId, authorName: 'Grandma Lorna' })
    expect(docHolds(restricted.doc, number)).toBe(true)

    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await storedDocHolds(server, meeting.id, '555-0142')).toBe(false)
    expect(docHolds(family.doc, '555-0142')).toBe(false)
    expect(readMap(family.doc).templates.find((t) => t.placementId === placementId)?.sections['safety-plan-contacts']).toEqual([])
    const late = connectPeer({ url: server.url, meetingId: meeting.id, token: (await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Late' })).session })
    peers.push(late)
    await late.synced()
    expect(docHolds(late.doc, '555-0142')).toBe(false)

    // A worker may add one too; the audit says who did, never what.
    expect((await api(server.url, url, { token: apiKey, body: { placementId, text: 'Clinic 555-0199' } })).status).toBe(200)
    const audit = (await server.services.audit.forMeeting(meeting.id)).filter((e) => e.action === 'item.restricted')
    expect(audit.map((e) => e.actor.id)).toEqual(expect.arrayContaining([lorna.participantId]))
    expect(JSON.stringify(audit)).not.toContain('555')
  })

  it('refuses viewers, a missing plan, bad input and a finished map, saying what to do next', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Refusals meeting')
    let placementId = ''
    await server.services.relay.applyServerChange(meeting.id, (doc) => {
      placementId = placeTemplate(doc, 'safety-plan').placementId
    })
    const url = `/api/meetings/${meeting.id}/private-contacts`
    const viewer = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Projector', role: 'viewer' })
    const send = (body: unknown, token = apiKey) => api<{ code: string; message: string }>(server.url, url, { token, body })

    expect((await send({ placementId, text: 'x' }, viewer.session)).body.code).toBe('CONTACT_NOT_ALLOWED')
    const missing = await send({ placementId: 'gone123', text: '555' })
    expect([missing.status, missing.body.code]).toEqual([404, 'CONTACTS_BOX_MISSING'])
    expect(missing.body.message).toContain('Reload')
    for (const body of [{ placementId, text: 'x'.repeat(2001) }, { placementId, text: '   ' }, { placementId: 'a b', text: '555' }, { placementId }]) {
      expect((await send(body)).status).toBe(400)
    }
    expect((await api(server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
    expect((await send({ placementId, text: '555' })).body.code).toBe('MEETING_FINALIZED')
    expect(await storedDocHolds(server, `${meeting.id}:restricted`, '555')).toBe(false)
  })
})
