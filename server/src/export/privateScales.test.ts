import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import {
  addDangerStatement,
  placeTemplate,
  readMap,
  safetyHousePathScaleId,
  scaleRows,
  setScalePrivate,
  writeRatedMarker,
  writeSafetyMapTemplate,
  writeScalingMark,
  OVERALL_SCALE_ID,
} from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { draftExport, oneLine, pdfText } from './exportTestKit.ts'
import { renderCaseFilePdf } from './renderCaseFilePdf.ts'
import { renderDocx } from './renderDocx.ts'
import { renderFamilyPdf } from './renderFamilyPdf.ts'
import { renderJson } from './renderJson.ts'
import { recordPrivateScale } from './toolkitBlocks.ts'

const T0 = Date.parse('2026-11-25T10:00:00Z')
const EARLIER = 'Grandma lives close'
const CHILD_EARLIER = 'I am nearly at the door'

/**
 * Jess rated the overall scale and Kai the Safety House path in public; then both were made
 * private. The worry's scale was private from the start, and Grandma Lorna has rated it.
 */
function privateScalesDoc(): Y.Doc {
  const doc = new Y.Doc()
  const now = { now: new Date(T0) }
  writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
  const worry = addDangerStatement(doc, { whoIsWorried: 'The school', behaviour: 'Kai is left alone at night', situations: '', impactOnChild: 'Kai could get hurt', whoDisagrees: '' }, { id: 'w1', name: 'Ana Ruiz' }, now)
  const path = safetyHousePathScaleId(placeTemplate(doc, 'safety-house').placementId)
  writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: { id: 'p-jess', name: 'Jess' }, value: 6, reasons: { whatMakesItThisHigh: EARLIER, onePointHigher: '' } }, now)
  writeScalingMark(doc, { scaleId: path, participant: { id: 'p-kai', name: 'Kai' }, value: 8, reasons: { whatMakesItThisHigh: CHILD_EARLIER, onePointHigher: '' } }, now)
  for (const scaleId of [OVERALL_SCALE_ID, worry, path]) setScalePrivate(doc, scaleId, true)
  writeRatedMarker(doc, { scaleId: worry, participant: { id: 'p-lorna', name: 'Grandma Lorna' } }, now)
  return doc
}

const model = () => draftExport(privateScalesDoc(), { title: 'Kai', locale: 'en', createdAt: T0 })
const docxText = async () => oneLine(strFromU8(unzipSync(new Uint8Array(await renderDocx(model(), null)))['word/document.xml']!).replace(/<[^>]+>/g, ' '))

describe('a scale made private after people rated it in public', () => {
  it('is exported as the phone shows it: private, no numbers, even the earlier public ones, but who gave one', async () => {
    // The phone hides a private line's marks, yet counts the people who gave them; so does every export.
    expect(scaleRows(readMap(privateScalesDoc()), 'p-jess')[0]!.hidden?.map((r) => r.participantName)).toEqual(['Jess'])
    const json = renderJson(model()).toString()
    const texts = [
      oneLine(pdfText(await renderCaseFilePdf(model(), null))),
      await docxText(),
      oneLine(pdfText(await renderFamilyPdf(model(), { language: 'en', picture: null }))),
      oneLine(pdfText(await renderFamilyPdf(model(), { language: 'es', picture: null }))),
      json,
    ]
    for (const text of texts) {
      for (const hidden of [EARLIER, CHILD_EARLIER, '6 out of 10', '6 de 10', '8 out of 10', '8 de 10', '"value"']) expect(text).not.toContain(hidden)
    }
    const family = { en: texts[2]!, es: texts[3]! }
    expect(family.en).toContain('Private for now: everyone’s numbers will be shown together.')
    expect(family.es).toContain('Por ahora es privado: los números de todos se mostrarán juntos.')
    for (const name of ['Grandma Lorna', 'Jess', 'Kai']) {
      expect(family.en).toContain(`${name} has rated`)
      expect(family.es).toContain(`${name} ya dio su número`)
    }
  })
})

describe('the record of a private scale nobody has revealed yet', () => {
  it('says the scale exists, is private, and who has rated it, in the PDF, Word and JSON', async () => {
    const said = 'Private until revealed: 1 person has rated it (Grandma Lorna).'
    for (const text of [oneLine(pdfText(await renderCaseFilePdf(model(), null))), await docxText()]) {
      expect(text.indexOf(said)).toBeGreaterThan(text.indexOf('Scale for danger statement 1'))
      // A number given in the open before the line went private does not vanish silently.
      expect(text).toContain('Private until revealed: 1 person has rated it (Jess).')
      expect(text).toContain('Private until revealed: 1 person has rated it (Kai).')
      expect(text).not.toContain('No scaling marks recorded.')
    }
    const json = JSON.parse(renderJson(model()).toString())
    expect(json.scales).toEqual([
      expect.objectContaining({ scaleId: OVERALL_SCALE_ID, marks: [], privateRatedBy: [{ id: 'p-jess', name: 'Jess' }] }),
      expect.objectContaining({ dangerStatementNumber: 1, marks: [], privateRatedBy: [{ id: 'p-lorna', name: 'Grandma Lorna' }] }),
    ])
    expect(recordPrivateScale([], false).text).toContain('Private until revealed: nobody has rated it yet.')
    // The schema describes every field of a scale (it allows no others).
    const schema = JSON.parse(readFileSync(new URL('../../../docs/export-schema.json', import.meta.url), 'utf8'))
    expect(schema.$id).toBe(json.$schema)
    expect(Object.keys(schema.$defs.scale.properties)).toEqual(expect.arrayContaining(Object.keys(json.scales[1])))
  })
})

describe('a private scale the map was finished without revealing', () => {
  const finished = () => {
    const live = model()
    return { ...live, meeting: { ...live.meeting, status: 'finalized' as const }, version: { ...live.version, finalized: true, label: 'v1' } }
  }

  it('is not promised to be shown later, in the record or the family copy', async () => {
    // NFKC reads the PDF's "ﬁ" ligature as the letters it joins.
    const record = [oneLine(pdfText(await renderCaseFilePdf(finished(), null))).normalize('NFKC'), oneLine(strFromU8(unzipSync(new Uint8Array(await renderDocx(finished(), null)))['word/document.xml']!).replace(/<[^>]+>/g, ' '))]
    for (const text of record) {
      expect(text).toContain('Never revealed: 1 person rated it (Grandma Lorna). The numbers and reasons were not shown before the map was finished, so they are not in this record.')
      expect(text).not.toContain('stay hidden until')
    }
    const family = {
      en: oneLine(pdfText(await renderFamilyPdf(finished(), { language: 'en', picture: null }))).normalize('NFKC'),
      es: oneLine(pdfText(await renderFamilyPdf(finished(), { language: 'es', picture: null }))).normalize('NFKC'),
    }
    expect(family.en).toContain('Kept private: these numbers were not shown before the map was finished.')
    expect(family.es).toContain('Quedó en privado: estos números no se mostraron antes de terminar el mapa.')
    expect(family.en).not.toContain('will be shown together')
    expect(family.es).not.toContain('se mostrarán juntos')
  })
})
