import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { strFromU8, unzipSync } from 'fflate'
import { addDangerStatement, addDisagreement, addItem, readMap, writeSafetyMapTemplate } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { buildCaseFileExport } from './CaseFileExport.ts'
import { readCanvasPicture } from './canvasPicture.ts'
import { renderDocx } from './renderDocx.ts'

const FINALIZED_AT = Date.parse('2026-11-25T12:30:00Z')
// 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

function finalizedModel() {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, { title: 'Familia Nguyễn', locale: 'es', schema: createSafetyMapSchema().serialize(), now: new Date(FINALIZED_AT) })
  const note = addItem(doc, 'strengths', 'La abuela recoge a Kai', { id: 'p-jose', name: 'José Nguyễn' }, { now: new Date(FINALIZED_AT) })
  const worry = addDangerStatement(doc, { whoIsWorried: 'La escuela', behaviour: 'Kai se queda solo', situations: '', impactOnChild: '', whoDisagrees: '' }, { id: 'w1', name: 'Ana Ruiz' }, { now: new Date(FINALIZED_AT) })
  const before = (minutes: number) => ({ now: new Date(FINALIZED_AT - minutes * 60_000) })
  addDisagreement(doc, note, { id: 'p-jess', name: 'Jess' }, before(2))
  addDisagreement(doc, worry, { id: 'p-jess', name: 'Jess' }, before(1))
  const picture = readCanvasPicture(PNG)
  if (!picture.ok) throw new Error('test PNG rejected')
  const model = buildCaseFileExport({
    meeting: { id: 'm1', title: 'Familia Nguyễn', locale: 'es', status: 'finalized', createdAt: FINALIZED_AT },
    map: readMap(doc),
    stateSha256: 'ab'.repeat(32),
    roster: [],
    version: { number: 2, finalized: true, finalizedAt: FINALIZED_AT, finalizedBy: { id: 'w1', name: 'Ana Ruiz' } },
    picture: { included: true, mediaType: 'image/png', width: 1, height: 1, sha256: picture.picture.sha256 },
    restrictedItemIds: new Set(),
  })
  return { model, picture: picture.picture }
}

describe('renderDocx', () => {
  it('gives byte-identical files for the same finalized version, dated when it was finalized', async () => {
    const { model, picture } = finalizedModel()
    const first = await renderDocx(model, picture)
    // Wait past a second so any wall-clock stamp (zip entry times, core properties) would differ.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const second = await renderDocx(model, picture)
    expect(second.equals(first)).toBe(true)
    const parts = unzipSync(new Uint8Array(first))
    expect(strFromU8(parts['docProps/core.xml']!)).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-25T12:30:00Z</dcterms:created>')
    expect(strFromU8(parts['word/document.xml']!)).toContain('<wp:docPr id="1"')
    expect(strFromU8(parts['word/document.xml']!)).toContain('La abuela recoge a Kai')
  })

  it('prints on US Letter, like the PDF record', async () => {
    const { model, picture } = finalizedModel()
    const body = strFromU8(unzipSync(new Uint8Array(await renderDocx(model, picture)))['word/document.xml']!)
    expect(body).toMatch(/<w:pgSz w:w="12240" w:h="15840"/)
  })

  it('prints who does not agree with a note or a danger statement, and when, under it (MM-25)', async () => {
    const { model, picture } = finalizedModel()
    const body = strFromU8(unzipSync(new Uint8Array(await renderDocx(model, picture)))['word/document.xml']!)
    const at = (text: string) => body.indexOf(text)
    expect(at('La abuela recoge a Kai')).toBeGreaterThan(-1)
    expect(at('Does not agree: Jess, recorded 2026-11-25 12:28 UTC')).toBeGreaterThan(at('La abuela recoge a Kai'))
    expect(at('Does not agree: Jess, recorded 2026-11-25 12:29 UTC')).toBeGreaterThan(at('Danger statement 1'))
    // "none" would contradict the person who disagrees; the statement's own slot is empty.
    expect(body).not.toContain('Disagreement recorded: none')
  })

  it('keeps a heading with its first note and a note with who wrote it on one page in Word', async () => {
    const { model, picture } = finalizedModel()
    const body = strFromU8(unzipSync(new Uint8Array(await renderDocx(model, picture)))['word/document.xml']!)
    const paragraphs = body.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? []
    const paragraph = (text: string) => paragraphs.find((p) => p.includes(text)) ?? ''
    const keptWithNext = (text: string) => paragraph(text).includes('<w:keepNext/>')
    expect(keptWithNext('Strengths / Fortalezas')).toBe(true)
    expect(keptWithNext('La abuela recoge a Kai')).toBe(true)
    // The by-line is kept with the disagreement under it, which ends the entry.
    expect(keptWithNext('— José Nguyễn, ')).toBe(true)
    expect(keptWithNext('Does not agree: Jess, recorded 2026-11-25 12:28 UTC')).toBe(false)
    expect(keptWithNext('Danger statement 1')).toBe(true)
  })
})
