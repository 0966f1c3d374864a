/**
 * Feedback on the meeting (map-model MM-38) in the case-file export over HTTP: a Spanish meeting
 * created with the feedback beside its map; what helped and what to change are listed with the
 * other templates in the record (PDF and Word, English and Spanish headings), the JSON
 * (`templateId: 'feedback'`, valid against docs/export-schema.json) and the Spanish family copy.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { addTemplateItem, readMap } from '@safetymap/map-model'
import { api } from '../helpers/clients.ts'
import { exportedText, exportSchemaValidator } from '../helpers/exportFiles.ts'
import type { TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'

const start = useServers()
let server: TestServer
let apiKey: string
let meetingId: string
const clock = Date.parse('2026-11-25T18:00:00Z')
const JESS = { id: 'p-jess', name: 'Jess' }
const ANA = { id: 'w-ana', name: 'Ana Ruiz' }
const HELPED = 'Que me preguntaran lo que pienso'
const CHANGE = 'Empezar más temprano'

const exportFile = (format: 'pdf' | 'docx' | 'json' | 'family-pdf') => exportedText(server.url, meetingId, apiKey, format)

beforeAll(async () => {
  server = await start({ now: () => clock })
  apiKey = (await server.addWorker(ANA.name)).apiKey
  const created = await api<{ id: string }>(server.url, '/api/meetings', { token: apiKey, body: { title: 'Reunión de Kai', locale: 'es', template: 'feedback' } })
  expect(created.status).toBe(201)
  meetingId = created.body.id
  await server.services.relay.applyServerChange(meetingId, (doc) => {
    const placementId = readMap(doc).templates.find((t) => t.templateId === 'feedback')?.placementId ?? ''
    addTemplateItem(doc, placementId, 'feedback-helped', HELPED, JESS, { now: new Date(clock) })
    addTemplateItem(doc, placementId, 'feedback-change', CHANGE, ANA, { now: new Date(clock) })
  })
})

describe('feedback on the meeting in the export', () => {
  it('lists what helped and what to change, each with who wrote it, in the record, the JSON and the family copy', async () => {
    const body = JSON.parse(await exportFile('json'))
    expect(exportSchemaValidator()(body)).toBe(true)
    const feedback = body.templates.find((t: { templateId: string }) => t.templateId === 'feedback')
    expect(feedback.name).toEqual({ en: 'Feedback on today’s meeting', es: 'Opiniones sobre la reunión de hoy' })
    expect(feedback.sections.map((s: { key: string; label: { en: string; es: string }; items: { text: string; author: { name: string } }[] }) => [s.key, s.label.es, s.items.map((i) => `${i.text} / ${i.author.name}`)])).toEqual([
      ['feedback-helped', '¿Qué le ayudó hoy?', [`${HELPED} / Jess`]],
      ['feedback-change', '¿Qué cambiaría la próxima vez?', [`${CHANGE} / Ana Ruiz`]],
    ])

    for (const record of [await exportFile('pdf'), await exportFile('docx')]) {
      expect(record).toContain(`Feedback on today’s meeting: What helped today? (¿Qué le ayudó hoy?) ${HELPED} — Jess`)
      expect(record).toContain(`Feedback on today’s meeting: What would you change next time? (¿Qué cambiaría la próxima vez?) ${CHANGE} — Ana Ruiz`)
    }
    const family = await exportFile('family-pdf')
    expect(family).toContain(`Opiniones sobre la reunión de hoy ¿Qué le ayudó hoy? ${HELPED} — lo dijo Jess ¿Qué cambiaría la próxima vez? ${CHANGE} — lo dijo Ana Ruiz`)
  })
})
