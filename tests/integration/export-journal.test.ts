/**
 * The safety journal (guide §5) in the case-file export over HTTP: a Spanish meeting whose journal
 * was written before and after its map was finalized. Every entry is in the record (PDF and Word,
 * in English on the agency's clock with the Spanish heading), the JSON (valid against
 * docs/export-schema.json, oldest first) and the Spanish family copy, each dated and attributed.
 * A version's record keeps the entries written up to when the next version was finalized.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { api, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin } from '../helpers/accessClients.ts'
import { exportedText, exportSchemaValidator } from '../helpers/exportFiles.ts'
import type { TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'

const start = useServers()
let server: TestServer
let apiKey: string
let meetingId: string
let clock = Date.parse('2026-11-12T17:00:00Z')
const BEFORE = 'Kai desayunó y fue a la escuela'
const AFTER = 'Jess le mandó un mensaje a Lorna a las 7:30'
const LATER = 'Revisado en la segunda reunión'

const exportFile = (format: 'pdf' | 'docx' | 'json' | 'family-pdf') => exportedText(server.url, meetingId, apiKey, format)
const journal = (token: string, body: unknown) => api(server.url, `/api/meetings/${meetingId}/journal`, { token, body })

beforeAll(async () => {
  server = await start({ now: () => clock, env: { TIME_ZONE: 'America/Los_Angeles' } })
  apiKey = (await server.addWorker('Ana Ruiz')).apiKey
  meetingId = (await createMeeting(server.url, apiKey, 'Reunión de Kai', 'es')).id
  const lorna = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Lorna' })
  expect((await journal(lorna.session, { text: BEFORE, visitDay: '2026-11-11', planFollowed: 'yes' })).status).toBe(201)
  clock = Date.parse('2026-11-12T18:00:00Z')
  expect((await api(server.url, `/api/meetings/${meetingId}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
  // After the finalize, while her invite still lets her in (to the end of the meeting day): 12 Nov 14:04 in California.
  clock = Date.parse('2026-11-12T22:04:00Z')
  expect((await journal(lorna.session, { text: AFTER, visitDay: '2026-11-12', planFollowed: 'partly' })).status).toBe(201)
})

describe('the safety journal in the export', () => {
  it('is in the record, the JSON and the family copy, each entry dated and attributed', async () => {
    const body = JSON.parse(await exportFile('json'))
    expect(exportSchemaValidator()(body)).toBe(true)
    expect(body.journal).toEqual([
      { id: expect.any(String), author: { kind: 'participant', id: expect.any(String), name: 'Lorna' }, visitDay: '2026-11-11', writtenAt: '2026-11-12T17:00:00.000Z', text: BEFORE, planFollowed: 'yes' },
      { id: expect.any(String), author: { kind: 'participant', id: expect.any(String), name: 'Lorna' }, visitDay: '2026-11-12', writtenAt: '2026-11-12T22:04:00.000Z', text: AFTER, planFollowed: 'partly' },
    ])

    for (const record of [await exportFile('pdf'), await exportFile('docx')]) {
      expect(record).toContain(`Safety journal (Diario de seguridad) ${BEFORE} — Lorna (participant), about the visit on 2026-11-11 (written 2026-11-12 09:00 PST) Was the safety plan followed? yes`)
      expect(record).toContain(`${AFTER} — Lorna (participant), about the visit on 2026-11-12 (written 2026-11-12 14:04 PST) Was the safety plan followed? partly`)
    }
    const family = await exportFile('family-pdf')
    expect(family).toContain('Diario de seguridad Lo que la gente escribió entre reuniones')
    expect(family).toContain(`${AFTER} — lo escribió Lorna, sobre la visita del 12 de noviembre de 2026 (escrito el 12 de noviembre de 2026 a las 2:04 p.m. PST) ¿Se siguió el plan de seguridad? en parte`)
  })

  it('keeps in an earlier version’s record only what was written before the next version was finalized', async () => {
    expect((await api(server.url, `/api/meetings/${meetingId}/reopen`, { method: 'POST', token: apiKey })).status).toBe(200)
    clock = Date.parse('2026-11-20T18:00:00Z')
    expect((await api(server.url, `/api/meetings/${meetingId}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
    clock = Date.parse('2026-11-21T18:00:00Z')
    expect((await journal(apiKey, { text: LATER })).status).toBe(201)

    const versionOne = await fetch(`${server.url}/api/meetings/${meetingId}/export?format=json&version=1`, { headers: { authorization: `Bearer ${apiKey}` } })
    expect((await versionOne.json()).journal.map((e: { text: string }) => e.text)).toEqual([BEFORE, AFTER])
    const latest = JSON.parse(await exportFile('json'))
    expect(latest.journal.map((e: { text: string; author: { kind: string } }) => [e.text, e.author.kind])).toEqual([[BEFORE, 'participant'], [AFTER, 'participant'], [LATER, 'worker']])
  })
})
