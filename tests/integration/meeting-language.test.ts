/**
 * Changing a meeting's language mid-meeting (PATCH /api/meetings/:id with `locale`): the record,
 * the doc's `meta.locale` every board reads its own words from, and the export follow; only a
 * facilitator may, the audit entry names the field only, and a finished map refuses it.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readMeta } from '@safetymap/map-model'
import type { TestServer } from '../helpers/servers.ts'
import { useServers, usePeers } from '../helpers/useServers.ts'
import { api, connectPeer, createMeeting, joinByInvite } from '../helpers/clients.ts'
import { waitFor } from '../helpers/waitFor.ts'

const start = useServers()
const peers = usePeers()
let server: TestServer
beforeAll(async () => {
  server = await start()
})

describe('the meeting’s language', () => {
  it('a facilitator switches a live English meeting to Spanish: record, every board’s doc and the export follow', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const { id } = await createMeeting(server.url, apiKey, 'Kai', 'en')
    const { session } = await joinByInvite(server.url, apiKey, id, 'Lorna')
    const family = connectPeer({ url: server.url, meetingId: id, token: session })
    peers.push(family)
    await family.synced()
    expect(readMeta(family.doc).locale).toBe('en')
    const patch = (body: unknown, token = apiKey) => api<{ locale?: string; code?: string }>(server.url, `/api/meetings/${id}`, { method: 'PATCH', token, body })

    expect((await patch({ locale: 'es' }, session)).status).toBe(403)
    expect((await patch({ locale: 'fr' })).status).toBe(400)
    const changed = await patch({ locale: 'es' })
    expect(changed.status).toBe(200)
    expect(changed.body.locale).toBe('es')
    await waitFor(() => readMeta(family.doc).locale === 'es', { timeoutMs: 5_000, what: 'the family’s doc to turn Spanish' })
    expect((await api<{ locale: string }>(server.url, `/api/meetings/${id}`, { token: apiKey })).body.locale).toBe('es')
    const exported = await fetch(`${server.url}/api/meetings/${id}/export?format=json`, { headers: { authorization: `Bearer ${apiKey}` } })
    expect(((await exported.json()) as { meeting: { locale: string } }).meeting.locale).toBe('es')
    const audit = (await server.services.audit.forMeeting(id)).filter((e) => e.action === 'meeting.details-changed')
    expect(audit.map((e) => e.details)).toEqual([{ fields: 'locale' }])

    // A finished map is a record: its language stays, in the record and in the doc.
    expect((await api(server.url, `/api/meetings/${id}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
    const refused = await patch({ locale: 'en' })
    expect(refused).toMatchObject({ status: 409, body: { code: 'MEETING_FINALIZED' } })
    const doc = new Y.Doc()
    Y.applyUpdate(doc, (await server.services.relay.readDocState(id))!)
    expect(readMeta(doc).locale).toBe('es')
    expect((await api<{ locale: string }>(server.url, `/api/meetings/${id}`, { token: apiKey })).body.locale).toBe('es')
  })

  it('a version finalized in English still exports in English after a reopen switches the meeting to Spanish', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const { id } = await createMeeting(server.url, apiKey, 'Kai', 'en')
    // POST /finalize and /reopen; PATCH the meeting itself with a body.
    const change = async (route: string, body?: unknown) =>
      expect((await api(server.url, `/api/meetings/${id}${route}`, { method: body === undefined ? 'POST' : 'PATCH', token: apiKey, body })).status).toBe(200)
    const exportOf = async (query: string) => {
      const res = await fetch(`${server.url}/api/meetings/${id}/export?${query}`, { headers: { authorization: `Bearer ${apiKey}` } })
      expect(res.status).toBe(200)
      return { body: Buffer.from(await res.arrayBuffer()), fileName: res.headers.get('content-disposition'), language: res.headers.get('content-language') }
    }
    const localeOf = (file: { body: Buffer }) => (JSON.parse(file.body.toString('utf8')) as { meeting: { locale: string } }).meeting.locale

    await change('/finalize')
    const recordBefore = await exportOf('format=json&version=1')
    const familyBefore = await exportOf('format=family-pdf&version=1')
    expect(localeOf(recordBefore)).toBe('en')
    await change('/reopen')
    await change('', { locale: 'es' })
    await change('/finalize')

    const recordAfter = await exportOf('format=json&version=1')
    expect(localeOf(recordAfter)).toBe('en')
    expect(recordAfter.body.equals(recordBefore.body)).toBe(true)
    expect(localeOf(await exportOf('format=json&version=2'))).toBe('es')
    // The family copy of version 1 is still written in English unless asked for in Spanish.
    const familyAfter = await exportOf('format=family-pdf&version=1')
    expect(familyAfter).toMatchObject({ language: 'en', fileName: expect.stringMatching(/-v1-family-en\.pdf"$/) })
    expect(familyAfter.body.equals(familyBefore.body)).toBe(true)
    expect((await exportOf('format=family-pdf&version=2')).fileName).toMatch(/-v2-family-es\.pdf"$/)
    expect((await exportOf('format=family-pdf&version=1&language=es')).fileName).toMatch(/-v1-family-es\.pdf"$/)
  })
})
