/**
 * The two diagrams of the people in a child's life in the case-file export over HTTP. A family
 * and network diagram (map-model MM-37): its people as notes, then each line between two of them
 * as a sentence with its kind ("connected" without one). A family tree (MM-39): each person in
 * words (symbol, age, whether they have died), then each line between two of them as a sentence.
 * Both in the record (PDF and Word), the JSON (`ties`, `familyMembers` and `relationships` on the
 * placement, valid against docs/export-schema.json) and a Spanish family copy; a line to a
 * restricted note or person is left out, and so is a restricted person.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addFamilyMember, addTemplateItem, placeTemplate, RECORDS_ARRAY_NAME, type FamilyMemberGender } from '@safetymap/map-model'
import { arrowRecords } from '../../packages/map-model/src/test/fixtures.ts'
import { createMeeting } from '../helpers/clients.ts'
import { exportedText, exportSchemaValidator } from '../helpers/exportFiles.ts'
import type { TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'

const start = useServers()
let server: TestServer
let apiKey: string
const clock = Date.parse('2026-11-25T18:00:00Z')
const ANA = { id: 'w-ana', name: 'Ana Ruiz' }
const SECRET = 'Tío Beto (dirección reservada)'

/** The records array of a meeting doc, as the relay stores it. */
const recordsOf = (doc: Y.Doc) => doc.getArray<{ key: string; val: { meta: Record<string, unknown> } }>(RECORDS_ARRAY_NAME)

/** Adds `meta` to shape `id`'s record: `{ restricted: true }` as a scribe's flag would, `{ died: true }` as the board's "Has died". */
function addMeta(doc: Y.Doc, id: string, meta: Record<string, unknown>) {
  const records = recordsOf(doc)
  const index = records.toArray().findIndex((e) => e.key === id)
  const entry = records.get(index)
  records.delete(index, 1)
  records.push([{ key: entry.key, val: { ...entry.val, meta: { ...entry.val.meta, ...meta } } }])
}

/** tldraw arrows bound at both ends, as the arrow tool draws them: `[arrowId, fromId, toId, meta?]` each. */
function drawLines(doc: Y.Doc, lines: readonly (readonly [string, string, string, Record<string, unknown>?])[]) {
  const records = lines.flatMap(([id, fromId, toId, meta]) => arrowRecords({ id, fromId, toId, ...(meta ? { meta } : {}) }))
  recordsOf(doc).push(records.map((val) => ({ key: val.id, val: val as never })))
}

/** A new Spanish meeting whose doc `write` fills on the server; its id. */
async function meetingWith(title: string, write: (doc: Y.Doc) => void): Promise<string> {
  const meetingId = (await createMeeting(server.url, apiKey, title, 'es')).id
  await server.services.relay.applyServerChange(meetingId, write)
  return meetingId
}

const exportFileOf = (meetingId: string, format: 'pdf' | 'docx' | 'json' | 'family-pdf') => exportedText(server.url, meetingId, apiKey, format)

beforeAll(async () => {
  server = await start({ now: () => clock })
  apiKey = (await server.addWorker(ANA.name)).apiKey
})

describe('a family and network diagram in the export', () => {
  const ids: Record<string, string> = {}
  let meetingId: string
  const exportFile = (format: 'pdf' | 'docx' | 'json' | 'family-pdf') => exportFileOf(meetingId, format)
  beforeAll(async () => {
    meetingId = await meetingWith('Red de Kai', (doc) => {
      const { placementId } = placeTemplate(doc, 'ecomap')
      for (const name of ['Kai', 'Abuela Lorna', 'Escuela Hillside', 'Papá', SECRET]) {
        ids[name] = addTemplateItem(doc, placementId, 'ecomap-network', name, ANA, { now: new Date(clock) })
      }
      addMeta(doc, ids[SECRET]!, { restricted: true })
      drawLines(doc, [
        ['shape:lorna', ids.Kai!, ids['Abuela Lorna']!, { tie: 'strong' }],
        ['shape:school', ids.Kai!, ids['Escuela Hillside']!],
        ['shape:dad', ids.Kai!, ids['Papá']!, { tie: 'stressful' }],
        ['shape:secret', ids.Kai!, ids[SECRET]!, { tie: 'weak' }],
      ])
    })
  })

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

describe('a family tree in the export', () => {
  const ids: Record<string, string> = {}
  let meetingId: string
  const exportFile = (format: 'pdf' | 'docx' | 'json' | 'family-pdf') => exportFileOf(meetingId, format)
  beforeAll(async () => {
    meetingId = await meetingWith('Familia de Kai', (doc) => {
      const { placementId } = placeTemplate(doc, 'family-tree')
      const people: [string, FamilyMemberGender, number | null][] = [['Jess', 'woman', 34], ['Sam', 'man', null], ['Abuelo Tom', 'man', null], ['Kai', 'man', 7], [SECRET, 'man', 50]]
      for (const [name, gender, age] of people) ids[name] = addFamilyMember(doc, placementId, { name, gender, age }, ANA, { now: new Date(clock) })
      addMeta(doc, ids['Abuelo Tom']!, { died: true })
      addMeta(doc, ids[SECRET]!, { restricted: true })
      drawLines(doc, [
        ['shape:jess-sam', ids.Jess!, ids.Sam!, { tie: 'separated' }],
        ['shape:tom-jess', ids['Abuelo Tom']!, ids.Jess!, { tie: 'parent-child' }],
        ['shape:sam-kai', ids.Sam!, ids.Kai!],
        ['shape:secret', ids[SECRET]!, ids.Kai!, { tie: 'parent-child' }],
      ])
    })
  })

  it('says each person and each line between two of them in words, and leaves out a restricted person and their lines', async () => {
    const body = JSON.parse(await exportFile('json'))
    expect(exportSchemaValidator()(body)).toBe(true)
    const tree = body.templates.find((t: { templateId: string }) => t.templateId === 'family-tree')
    expect(tree.name).toEqual({ en: 'Family tree', es: 'Árbol familiar' })
    expect(tree.familyMembers).toEqual([
      { itemId: ids.Jess, name: 'Jess', age: 34, gender: 'woman', died: false },
      { itemId: ids.Sam, name: 'Sam', age: null, gender: 'man', died: false },
      { itemId: ids['Abuelo Tom'], name: 'Abuelo Tom', age: null, gender: 'man', died: true },
      { itemId: ids.Kai, name: 'Kai', age: 7, gender: 'man', died: false },
    ])
    expect(tree.relationships).toEqual([
      { arrowId: 'shape:jess-sam', fromItemId: ids.Jess, fromText: 'Jess', toItemId: ids.Sam, toText: 'Sam', kind: 'separated' },
      { arrowId: 'shape:sam-kai', fromItemId: ids.Sam, fromText: 'Sam', toItemId: ids.Kai, toText: 'Kai', kind: null },
      { arrowId: 'shape:tom-jess', fromItemId: ids['Abuelo Tom'], fromText: 'Abuelo Tom', toItemId: ids.Jess, toText: 'Jess', kind: 'parent-child' },
    ])
    expect(JSON.stringify(body)).not.toContain('Tío Beto')

    for (const record of [await exportFile('pdf'), await exportFile('docx')]) {
      expect(record).toContain('Family tree: who is in the family Jess (woman, 34) Sam (man) Abuelo Tom (man, has died) Kai (boy, 7)')
      expect(record).toContain(
        'Family tree: how they are related Jess (woman, 34) — Sam (man): separated Sam (man) — Kai (boy, 7): related Abuelo Tom (man, has died) — Jess (woman, 34): parent and child',
      )
      expect(record).not.toContain('Tío Beto')
    }
    const family = await exportFile('family-pdf')
    expect(family).toContain('Árbol familiar Quién es de la familia Jess (mujer, 34 años) Sam (hombre) Abuelo Tom (hombre, falleció) Kai (niño, 7 años)')
    expect(family).toContain('Cómo están emparentados Jess (mujer, 34 años) — Sam (hombre): separados')
    expect(family).not.toContain('Tío Beto')
  })
})
