/**
 * Restricted items at the protocol level: the workers' second doc is served only to the
 * meeting's workers; a network member's doc never contains a restricted item's text, and an item
 * moved out of the shared map does not reach anyone who syncs afterwards — a family tree's person
 * (map-model MM-39) the same as a note.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RECORDS_ARRAY_NAME, addFamilyMember, addItem, placeTemplate, readMap, readRecordMap, zoneShapeId } from '@safetymap/map-model'
import type { TestServer } from '../helpers/servers.ts'
import { useServers, usePeers } from '../helpers/useServers.ts'
import { arrowRecords } from '../../packages/map-model/src/test/fixtures.ts'
import { docHolds, storedDocHolds } from '../helpers/docHolds.ts'
import { api, connectPeer, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin, upgradeRefusal } from '../helpers/accessClients.ts'
import { waitFor } from '../helpers/waitFor.ts'

const start = useServers()
const peers = usePeers()
let server: TestServer
beforeAll(async () => {
  server = await start()
})


describe('restricted items', () => {
  it('only the meeting\'s workers open the restricted doc, and a network member never receives its text', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Restricted meeting')
    const aunt = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Aunt' })
    const viewer = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Projector', role: 'viewer' })

    for (const token of [aunt.session, viewer.session]) {
      expect(await upgradeRefusal(server.url, `${meeting.id}/restricted`, { authorization: `Bearer ${token}` })).toEqual({ status: 403, code: 'RESTRICTED_WORKERS_ONLY' })
    }
    expect((await upgradeRefusal(server.url, `${meeting.id}/restricted`, { authorization: `Bearer ${(await server.addWorker()).apiKey}` })).status).toBe(403)
    expect(await upgradeRefusal(server.url, `${meeting.id}:restricted`, { authorization: `Bearer ${aunt.session}` })).toMatchObject({ status: 404 })

    const restricted = connectPeer({ url: server.url, meetingId: `${meeting.id}/restricted`, token: apiKey })
    const family = connectPeer({ url: server.url, meetingId: meeting.id, token: aunt.session })
    peers.push(restricted, family)
    await Promise.all([restricted.synced(), family.synced()])
    // The restricted doc holds records only (the canvas lays them over the shared map's zones).
    const scratch = new Y.Doc()
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(family.doc))
    const secretId = addItem(scratch, 'harm', 'methadone clinic on Fifth Street', { id: 'w', name: 'Ana' })
    restricted.doc.getArray(RECORDS_ARRAY_NAME).push([{ key: secretId, val: readRecordMap(scratch).get(secretId) }])
    scratch.destroy()
    await waitFor(() => storedDocHolds(server, `${meeting.id}:restricted`, 'methadone clinic'), { timeoutMs: 3000, what: 'the restricted item to be stored' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(docHolds(family.doc, 'methadone clinic')).toBe(false)
    expect(await storedDocHolds(server, meeting.id, 'methadone clinic')).toBe(false)
    expect((await server.services.audit.forMeeting(meeting.id)).some((e) => e.action === 'access.refused' && e.details.reason === 'restricted')).toBe(true)
  })

  it('moving an item into the restricted doc takes it out of the shared map for everyone who syncs afterwards', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Move meeting')
    const worker = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    peers.push(worker)
    await worker.synced()
    const shapeId = addItem(worker.doc, 'danger', 'Mum now lives at 12 Hidden Lane', { id: 'w', name: 'Ana' })
    await waitFor(() => storedDocHolds(server, meeting.id, 'Hidden Lane'), { timeoutMs: 3000, what: 'the note to be stored' })

    const member = await api<{ code: string }>(server.url, `/api/meetings/${meeting.id}/restricted-items`, {
      token: (await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'M' })).session,
      body: { shapeId },
    })
    expect(member.status).toBe(403)
    const moved = await api(server.url, `/api/meetings/${meeting.id}/restricted-items`, { token: apiKey, body: { shapeId } })
    expect(moved.status).toBe(200)
    expect((await api<{ code: string }>(server.url, `/api/meetings/${meeting.id}/restricted-items`, { token: apiKey, body: { shapeId: 'shape:nope' } })).body.code).toBe('ITEM_NOT_FOUND')
    // The template's zones are not items: they stay on everyone's map.
    expect((await api<{ code: string }>(server.url, `/api/meetings/${meeting.id}/restricted-items`, { token: apiKey, body: { shapeId: zoneShapeId('danger') } })).body.code).toBe('ITEM_NOT_FOUND')

    await waitFor(() => readMap(worker.doc).sections.danger.length === 0, { timeoutMs: 3000, what: 'the note to leave the shared map' })
    const late = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Late joiner' })
    const latePeer = connectPeer({ url: server.url, meetingId: meeting.id, token: late.session })
    peers.push(latePeer)
    await latePeer.synced()
    expect(docHolds(latePeer.doc, 'Hidden Lane')).toBe(false)
    expect(await storedDocHolds(server, `${meeting.id}:restricted`, 'Hidden Lane')).toBe(true)

    const restricted = connectPeer({ url: server.url, meetingId: `${meeting.id}/restricted`, token: apiKey })
    peers.push(restricted)
    await restricted.synced()
    expect(readRecordMap(restricted.doc).has(shapeId)).toBe(true)
    expect(docHolds(restricted.doc, 'Hidden Lane')).toBe(true)
    expect((await server.services.audit.forMeeting(meeting.id)).some((e) => e.action === 'item.restricted' && e.subjectId === shapeId)).toBe(true)

    // A finished map keeps what it held: nothing more moves out of it.
    const other = addItem(worker.doc, 'strengths', 'Aunt Jo drives Kai to school', { id: 'w', name: 'Ana' })
    await waitFor(() => storedDocHolds(server, meeting.id, 'Aunt Jo'), { timeoutMs: 3000, what: 'the second note to be stored' })
    expect((await api(server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
    const afterFinish = await api<{ code: string }>(server.url, `/api/meetings/${meeting.id}/restricted-items`, { token: apiKey, body: { shapeId: other } })
    expect([afterFinish.status, afterFinish.body.code]).toEqual([409, 'MEETING_FINALIZED'])
  })

  it('moves a family tree person out of the shared map as it moves a note: a family member who syncs afterwards never receives their name', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Family tree meeting')
    const worker = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    peers.push(worker)
    await worker.synced()
    const { placementId } = placeTemplate(worker.doc, 'family-tree')
    const shapeId = addFamilyMember(worker.doc, placementId, { name: 'Jess Hidewell', age: 34, gender: 'woman' }, { id: 'w', name: 'Ana' })
    const sam = addFamilyMember(worker.doc, placementId, { name: 'Sam', age: null, gender: 'man' }, { id: 'w', name: 'Ana' })
    // Jess and Sam are partners: the line goes with her, or it would point at where she was.
    const line = arrowRecords({ id: 'shape:partners', fromId: shapeId, toId: sam })
    worker.doc.getArray(RECORDS_ARRAY_NAME).push(line.map((record) => ({ key: record.id, val: record })))
    await waitFor(() => storedDocHolds(server, meeting.id, 'Hidewell'), { timeoutMs: 3000, what: 'the person to be stored' })
    expect(readMap(worker.doc).templates.find((t) => t.placementId === placementId)?.relationships).toHaveLength(1)

    expect((await api(server.url, `/api/meetings/${meeting.id}/restricted-items`, { token: apiKey, body: { shapeId } })).status).toBe(200)
    const people = (doc: Y.Doc) => readMap(doc).templates.find((t) => t.placementId === placementId)?.familyMembers?.map((m) => m.name)
    await waitFor(() => people(worker.doc)?.length === 1, { timeoutMs: 3000, what: 'the person to leave the shared map' })
    const aunt = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Aunt' })
    const family = connectPeer({ url: server.url, meetingId: meeting.id, token: aunt.session })
    const restricted = connectPeer({ url: server.url, meetingId: `${meeting.id}/restricted`, token: apiKey })
    peers.push(family, restricted)
    await Promise.all([family.synced(), restricted.synced()])
    expect(people(family.doc)).toEqual(['Sam'])
    expect(docHolds(family.doc, 'Hidewell')).toBe(false)
    expect(readRecordMap(restricted.doc).get(shapeId)).toMatchObject({ type: 'geo', props: { geo: 'ellipse' } })
    const lineIds = line.map((record) => record.id)
    expect([...readRecordMap(family.doc).keys()].filter((id) => lineIds.includes(id))).toEqual([])
    expect([...readRecordMap(restricted.doc).keys()].filter((id) => lineIds.includes(id)).sort()).toEqual([...lineIds].sort())
    expect((await server.services.audit.forMeeting(meeting.id)).some((e) => e.action === 'item.restricted' && e.subjectId === shapeId)).toBe(true)
  })
})
