/**
 * A words and pictures story (map-model MM-36) in the case-file export over HTTP: its pages with
 * their notes in order, and whether the parents agreed to its words — a draft, agreed (who, who
 * recorded it, when, on the agency's clock), or changed since — in the record (PDF and Word), the
 * JSON (`wordingAgreed` on the placement, valid against docs/export-schema.json) and a Spanish
 * family copy.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { addTemplateItem, placeTemplate, recordWordingAgreed, updateItemText } from '@safetymap/map-model'
import { createMeeting } from '../helpers/clients.ts'
import { exportedText, exportSchemaValidator } from '../helpers/exportFiles.ts'
import type { TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'

const start = useServers()
let server: TestServer
let apiKey: string
let meetingId: string
let placementId = ''
let whatHappened = ''
const clock = Date.parse('2026-11-25T18:00:00Z')
const ANA = { id: 'w-ana', name: 'Ana Ruiz' }
const PAGES = [
  ['story-title', 'Por qué Kai se queda con la abuela Lorna'],
  ['story-who-is-worried', 'Ana, la trabajadora social, y la abuela Lorna'],
  ['story-worried-about', 'Que Kai se lastime si nadie lo cuida de noche'],
  ['story-what-happened', 'Mamá se quedó dormida y Kai salió solo a la calle'],
  ['story-grown-ups-now', 'Mamá y la abuela se turnan para que siempre haya un adulto despierto'],
] as const

const exportFile = (format: 'pdf' | 'docx' | 'json' | 'family-pdf') => exportedText(server.url, meetingId, apiKey, format)

async function storyJson() {
  const body = JSON.parse(await exportFile('json'))
  expect(exportSchemaValidator()(body)).toBe(true)
  return body.templates.find((t: { templateId: string }) => t.templateId === 'words-and-pictures')
}

beforeAll(async () => {
  server = await start({ now: () => clock, env: { TIME_ZONE: 'America/Los_Angeles' } })
  apiKey = (await server.addWorker(ANA.name)).apiKey
  meetingId = (await createMeeting(server.url, apiKey, 'Cuento para Kai', 'es')).id
  await server.services.relay.applyServerChange(meetingId, (doc) => {
    placementId = placeTemplate(doc, 'words-and-pictures').placementId
    for (const [page, text] of PAGES) {
      const id = addTemplateItem(doc, placementId, page, text, ANA, { now: new Date(clock) })
      if (page === 'story-what-happened') whatHappened = id
    }
  })
})

describe('a words and pictures story in the export', () => {
  it('is a draft until the parents agree: the record, its data and the family copy say so, with the pages in order', async () => {
    const story = await storyJson()
    expect(story.sections.map((s: { key: string; items: { text: string }[] }) => [s.key, s.items.map((i) => i.text)])).toEqual(PAGES.map(([key, text]) => [key, [text]]))
    expect(story.wordingAgreed).toBeNull()
    const record = await exportFile('pdf')
    expect(record).toContain('Words and pictures story: Not yet agreed with the parents — draft')
    // The pages in the child's reading order.
    const at = PAGES.map(([, text]) => record.indexOf(text))
    expect(at.every((i, n) => i > 0 && (n === 0 || i > at[n - 1]!))).toBe(true)
    expect(await exportFile('family-pdf')).toContain('Cuento con palabras y dibujos Todavía no se ha acordado con los padres — borrador')
  })

  it('names who agreed to the words, who recorded it and when; says when the words changed since', async () => {
    await server.services.relay.applyServerChange(meetingId, (doc) => {
      expect(recordWordingAgreed(doc, placementId, { givenBy: 'Jess, la mamá de Kai', recordedBy: ANA, at: new Date(clock) })).toBe(true)
    })
    expect((await storyJson()).wordingAgreed).toEqual({ givenBy: 'Jess, la mamá de Kai', recordedBy: ANA, at: '2026-11-25T18:00:00.000Z', stillCurrent: true })
    const agreed = 'Parents agreed to this wording: Jess, la mamá de Kai (recorded by Ana Ruiz, 2026-11-25 10:00 PST)'
    expect(await exportFile('pdf')).toContain(agreed)
    expect(await exportFile('docx')).toContain(agreed)
    expect(await exportFile('family-pdf')).toContain('Los padres están de acuerdo con estas palabras: Jess, la mamá de Kai (lo anotó Ana Ruiz, 25 de noviembre de 2026)')

    await server.services.relay.applyServerChange(meetingId, (doc) => {
      updateItemText(doc, whatHappened, 'Mamá se quedó dormida y Kai salió al patio')
    })
    expect((await storyJson()).wordingAgreed).toMatchObject({ givenBy: 'Jess, la mamá de Kai', stillCurrent: false })
    expect(await exportFile('pdf')).toContain('Words and pictures story: The words changed after the parents agreed — check with them again')
    expect(await exportFile('family-pdf')).toContain('Las palabras cambiaron después de que los padres dieron su acuerdo — hay que revisarlas con ellos otra vez')
  })
})
