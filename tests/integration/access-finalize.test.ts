/**
 * Finalizing and reopening over real sockets: a finalized map is read-only for everyone on the
 * server (connections come back as viewers; no edit reaches anyone or the stored doc), the doc's
 * `meta.status` says so, the finalized state is kept as a version, and reopening starts the next
 * version while keeping the earlier one.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
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

const docText = (state: Uint8Array | null) => {
  const doc = new Y.Doc()
  if (state) Y.applyUpdate(doc, state)
  const text = JSON.stringify(readMap(doc).sections)
  doc.destroy()
  return text
}

type MeetingBody = { status: string; version: number; finalizedAt: string | null; code?: string }

describe('finalize and reopen', () => {
  it('a finalized map takes no edits from anyone, keeps its state as version 1, and reopens as version 2', async () => {
    const { apiKey, workerId } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Final map')
    const lorna = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Lorna' })
    const facilitator = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    const family = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    peers.push(facilitator, family)
    await Promise.all([facilitator.synced(), family.synced()])
    const familyCloses: number[] = []
    family.provider.on('connection-close', (event) => familyCloses.push(event?.code ?? 0))

    addItem(family.doc, 'strengths', 'Lorna walks Kai to school', { id: lorna.participantId, name: 'Lorna' })
    await waitFor(() => readMap(facilitator.doc).sections.strengths.length === 1, { timeoutMs: 3000, what: 'the note before finalizing' })

    expect((await api(server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: lorna.session })).status).toBe(403)
    const finalized = await api<MeetingBody>(server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: apiKey })
    expect(finalized.status).toBe(200)
    expect(finalized.body).toMatchObject({ status: 'finalized', version: 1 })
    expect(finalized.body.finalizedAt).toMatch(/^\d{4}-/)
    const seen = await api<MeetingBody>(server.url, `/api/meetings/${meeting.id}`, { token: lorna.session })
    expect(seen.body).toMatchObject({ status: 'finalized', version: 1 })

    await waitFor(() => familyCloses.includes(4002), { timeoutMs: 2000, what: 'the finalize close' })
    await waitFor(() => readMap(family.doc).status === 'finalized' && readMap(facilitator.doc).status === 'finalized', {
      timeoutMs: 5000,
      what: 'meta.status finalized on both screens',
    })
    await waitFor(() => family.provider.wsconnected && facilitator.provider.wsconnected, { timeoutMs: 10_000, what: 'both to reconnect' })

    addItem(family.doc, 'danger', 'family edit after finalize', { id: lorna.participantId, name: 'Lorna' })
    addItem(facilitator.doc, 'danger', 'worker edit after finalize', { id: workerId, name: 'Ana' })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(JSON.stringify(readMap(facilitator.doc).sections)).not.toContain('family edit after finalize')
    expect(JSON.stringify(readMap(family.doc).sections)).not.toContain('worker edit after finalize')
    const stored = docText(await server.services.relay.readDocState(meeting.id))
    expect(stored).toContain('Lorna walks Kai to school')
    expect(stored).not.toMatch(/edit after finalize/)

    const versions = await server.services.meetings.listVersions(meeting.id)
    expect(versions.map((v) => [v.version, v.finalizedBy])).toEqual([[1, workerId]])
    expect(docText(versions[0]?.state ?? null)).toContain('Lorna walks Kai to school')
    expect((await api<MeetingBody>(server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: apiKey })).body.code).toBe('MEETING_FINALIZED')

    // Reopen: live again as version 2, version 1 kept, and fresh edits travel after the reconnect.
    family.destroy()
    facilitator.destroy()
    const reopened = await api<MeetingBody>(server.url, `/api/meetings/${meeting.id}/reopen`, { method: 'POST', token: apiKey })
    expect(reopened.body).toMatchObject({ status: 'live', version: 2, finalizedAt: null })
    expect((await server.services.meetings.listVersions(meeting.id)).map((v) => v.version)).toEqual([1])
    const listed = await api<{ versions: { version: number; finalizedBy: string; bytes: number }[] }>(server.url, `/api/meetings/${meeting.id}/versions`, { token: apiKey })
    expect(listed.body.versions).toEqual([expect.objectContaining({ version: 1, finalizedBy: workerId })])
    expect(listed.body.versions[0]?.bytes).toBeGreaterThan(0)
    expect((await api(server.url, `/api/meetings/${meeting.id}/versions`, { token: lorna.session })).status).toBe(403)
    expect((await api<MeetingBody>(server.url, `/api/meetings/${meeting.id}/reopen`, { method: 'POST', token: apiKey })).body.code).toBe('MEETING_NOT_FINALIZED')

    const again = connectPeer({ url: server.url, meetingId: meeting.id, token: lorna.session })
    peers.push(again)
    await again.synced()
    expect(readMap(again.doc).status).toBe('live')
    addItem(again.doc, 'goals', 'Kai is safe at home', { id: lorna.participantId, name: 'Lorna' })
    await waitFor(async () => docText(await server.services.relay.readDocState(meeting.id)).includes('Kai is safe at home'), {
      timeoutMs: 3000,
      what: 'the edit after reopening to be stored',
    })
    const actions = (await server.services.audit.forMeeting(meeting.id)).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['meeting.finalized', 'meeting.reopened']))
  })
})
