/**
 * A family and network diagram (map-model MM-37) in the case-file export over HTTP: its people as
 * notes, then each line between two of them as a sentence with its kind ("connected" without one)
 * in the record (PDF and Word), the JSON (`ties` on the placement, valid against
 * docs/export-schema.json) and a Spanish family copy; a line to a restricted note is left out.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { addTemplateItem, placeTemplate, RECORDS_ARRAY_NAME } from '@safetymap/map-model'
import { arrowRecords } from '../../packages/map-model/src/test/fixtures.ts'
import { createMeeting } from '../helpers/clients.ts'
import { exportedText, exportSchemaValidator } from '../helpers/exportFiles.ts'
import type { TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'

const start = useServers()
let server: TestServer
let apiKey: string
let meetingId: string
const clock = Date.parse('2026-11-25T18:00:00Z')
const ANA = { id: 'w-ana', name: 'Ana Ruiz' }
const SECRET = 'Tío Beto (dirección reservada)'
const ids: Record<string, string> = {}

const exportFile = (format: 'pdf' | 'docx' | 'json' | 'family-pdf') => exportedText(server.url, meetingId, apiKey, format)

beforeAll(async () => {
  server = await start({ now: () => clock })
  apiKey = (await server.addWorker(ANA.name)).apiKey
  meetingId = (await createMeeting(server.url, apiKey, 'Red de Kai', 'es')).id
  await server.services.relay.applyServerChange(meetingId, (doc) => {
    const { placementId } = placeTemplate(doc, 'ecomap')
    for (const name of ['Kai', 'Abuela Lorna', 'Escuela Hillside', 'Papá', SECRET]) {
      ids[name] = addTemplateItem(doc, placementId, 'ecomap-network', name, ANA, { now: new Date(clock) })
    }
    const records = doc.getArray<{ key: string; val: { meta: Record<string, unknown> } }>(RECORDS_ARRAY_NAME)
    // Restricted the way a scribe's flag would: meta.restricted on the note record.
    const index = records.toArray().findIndex((e) => e.key === ids[SECRET])
    const entry = records.get(index)
    records.delete(index, 1)
    records.push([{ key: entry.key, val: { ...entry.val, meta: { ...entry.val.meta, restricted: true } } }])
    const lines = [
      arrowRecords({ id: 'shape:lorna', fromId: ids.Kai!, toId: ids['Abuela Lorna']!, meta: { tie: 'strong' } }),
      arrowRecords({ id: 'shape:school', fromId: ids.Kai!, toId: ids['Escuela Hillside']! }),
      arrowRecords({ id: 'shape:dad', fromId: ids.Kai!, toId: ids['Papá']!, meta: { tie: 'stressful' } }),
      arrowRecords({ id: 'shape:secret', fromId: ids.Kai!, toId: ids[SECRET]!, meta: { tie: 'weak' } }),
    ]
    records.push(lines.flat().map((val) => ({ key: val.id, val: val as never })))
  })
})

describe('a family and network diagram in the export', () => {
  it('lists the people, then each line between two of them as a sentence, and leaves out a line to a restricted note', async () => {
    const body = JSON.parse(await exportFile('json'))
    expect(exportSchemaValidator()(body)).toBe(true)
    const ecomap = body.templates.find((t: { templateId: string }) => t.templateId === 'ecomap')
    expect(ecomap.name).toEqual({ en: 'Family and network diagram', es: 'Diagrama de la familia y su red de apoyo' })
    expect(ecomap.sections[0].items.map((i: { text: string }) => i.text)).toEqual(['Kai', 'Abuela Lorna', 'Escuela Hillside', 'Papá'])
    expect(ecomap.ties).toEqual([
      { arrowId: 'shape:lorna', fromItemId: ids.Kai, fromText: 'Kai', toItemId: ids['Abuela Lorna'], toText: 'Abuela Lorna', kind: 'strong' },
      { arrowId: 'shape:school', fromItemId: ids.Kai, fromText: 'Kai', toItemId: ids['Escuela Hillside'], toText: 'Escuela Hillside', kind: null },
      { arrowId: 'shape:dad', fromItemId: ids.Kai, fromText: 'Kai', toItemId: ids['Papá'], toText: 'Papá', kind: 'stressful' },
    ])
    expect(JSON.stringify(body)).not.toContain('Tío Beto')

    for (const record of [await exportFile('pdf'), await exportFile('docx')]) {
      expect(record).toContain('Family and network diagram: how the people are connected')
      expect(record).toContain('Kai — Abuela Lorna: strong tie Kai — Escuela Hillside: connected Kai — Papá: stressful tie')
      expect(record).not.toContain('Tío Beto')
    }
    const family = await exportFile('family-pdf')
    expect(family).toContain('Diagrama de la familia y su red de apoyo')
    expect(family).toContain('Cómo están conectadas las personas Kai — Abuela Lorna: relación fuerte Kai — Escuela Hillside: tienen relación Kai — Papá: relación difícil')
    expect(family).not.toContain('Tío Beto')
  })
})
