import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  OVERALL_SCALE_ID,
  addTemplateItem,
  linkParticipant,
  placeTemplate,
  readMap,
  renameTemplateZone,
  safetyHousePathScaleId,
  setScaleEnds,
  writeSafetyMapTemplate,
  writeScalingMark,
} from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import type { CaseFileExport } from './CaseFileExport.ts'
import { draftExport } from './exportTestKit.ts'
import { caseFileTemplateBlocks, familyTemplateBlocks } from './templateBlocks.ts'
import { caseFileToolkitBlocks, familySectionCardBlocks } from './toolkitBlocks.ts'

const T0 = Date.parse('2026-11-25T10:00:00Z')
const now = { now: new Date(T0) }
const child = { id: 'p-kai', name: 'Kai' }

/** A map with every child's tool: Three Houses (consent, a renamed house), a Safety House path, circles. */
function childToolsModel(restricted: (ids: { hiddenToken: string }) => string[] = () => []): CaseFileExport {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, { title: 'R', locale: 'es', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
  const houses = placeTemplate(doc, 'three-houses', { parentConsent: { givenBy: 'Jess, Kai’s mum', recordedBy: { id: 'w1', name: 'Ana' }, at: new Date(T0) } }).placementId
  renameTemplateZone(doc, houses, 'house-good-things', '  Casa feliz  ')
  addTemplateItem(doc, houses, 'house-good-things', 'Fútbol', child, { ...now, childAgreed: true })
  const path = safetyHousePathScaleId(placeTemplate(doc, 'safety-house').placementId)
  setScaleEnds(doc, path, { zero: 'Lejos', ten: 'En la puerta' })
  writeScalingMark(doc, { scaleId: path, participant: child, value: 6, reasons: { whatMakesItThisHigh: 'la abuela  me cuida', onePointHigher: '' } }, now)
  const circles = placeTemplate(doc, 'circles').placementId
  const grandma = addTemplateItem(doc, circles, 'circle-family', 'Abuela', child, now)
  linkParticipant(doc, grandma, 'p-abuela')
  const hiddenToken = addTemplateItem(doc, circles, 'circle-close', 'Clínica', child, now)
  setScaleEnds(doc, OVERALL_SCALE_ID, { zero: 'No es seguro', ten: 'Seguro' })
  return draftExport(doc, { title: 'R', locale: 'es', createdAt: T0 }, new Set(restricted({ hiddenToken })))
}

const texts = (blocks: { text: string }[]) => blocks.map((b) => b.text)

describe('the child’s tools in an export', () => {
  it('keeps the parent’s consent, the child’s own house name verbatim, the path and the circles in the model', () => {
    const model = childToolsModel(({ hiddenToken }) => [hiddenToken])
    const [houses, safetyHouse, circles] = model.templates
    expect(houses!.parentConsent).toEqual({ givenBy: 'Jess, Kai’s mum', recordedBy: { id: 'w1', name: 'Ana' }, at: '2026-11-25T10:00:00.000Z' })
    expect(houses!.sections.find((s) => s.key === 'house-good-things')).toMatchObject({ childsName: '  Casa feliz  ', label: { en: 'House of good things' } })
    expect(houses!.sections.find((s) => s.key === 'house-worries')!.childsName).toBeNull()
    expect(safetyHouse!.path).toMatchObject({ ends: { zero: 'Lejos', ten: 'En la puerta' }, marks: [{ value: 6, whatMakesItThisHigh: 'la abuela  me cuida' }] })
    expect(safetyHouse!.parentConsent).toBeNull()
    // A restricted token leaves the circles' people with its item, counted once.
    expect(circles!.people).toEqual([{ itemId: expect.any(String), name: 'Abuela', participantId: 'p-abuela', ring: 'circle-family', ringLabel: expect.objectContaining({ en: expect.any(String) }) }])
    expect(model.withheld.count).toBe(1)
    expect(model.scales.find((s) => s.scaleId === OVERALL_SCALE_ID)!.ends).toEqual({ zero: 'No es seguro', ten: 'Seguro' })
    expect(model.participants.map((p) => p.name)).toEqual(['Kai'])
  })

  it('prints them in the record, with the ends of every scale even before anyone rates', () => {
    const model = childToolsModel()
    const record = texts(caseFileTemplateBlocks(model))
    expect(record).toContain('Parent’s consent to use Three Houses: given by Jess, Kai’s mum; recorded by Ana, 2026-11-25 10:00 UTC')
    expect(record).toContain('Three Houses: “  Casa feliz  ” (House of good things (Casa de las cosas buenas))')
    expect(record).toContain('0 = Lejos, 10 = En la puerta')
    expect(record).toEqual(expect.arrayContaining(['Kai: 6 out of 10', 'In their words: “la abuela  me cuida”']))
    // The empty path zone is not listed again as an ordinary section.
    expect(record.filter((line) => /path to the door/i.test(line))).toHaveLength(1)
    const toolkit = texts(caseFileToolkitBlocks(model))
    expect(toolkit).toEqual(expect.arrayContaining(['Overall safety scale (0–10)', '0 = No es seguro, 10 = Seguro', 'No marks recorded.']))
  })

  it('prints them in plain words in the family’s language, English or Spanish', () => {
    const model = childToolsModel()
    const es = texts(familyTemplateBlocks(model, 'es', 'alguien'))
    expect(es).toContain('Jess, Kai’s mum dijo que estaba bien usar Las tres casas con el niño o la niña (25 de noviembre de 2026).')
    expect(es).toContain('“  Casa feliz  ” (Casa de las cosas buenas)')
    expect(es).toEqual(expect.arrayContaining(['0 quiere decir: Lejos · 10 quiere decir: En la puerta', 'Kai: 6 de 10', 'En sus propias palabras: “la abuela  me cuida”', 'Quién está en cada círculo']))
    const en = texts(familyTemplateBlocks(model, 'en', 'someone'))
    expect(en).toContain('Jess, Kai’s mum said it was all right to use Three Houses with the child (November 25, 2026).')
    expect(en).toEqual(expect.arrayContaining(['The path to the door: how safe the child feels (0 to 10)', '0 means: Lejos · 10 means: En la puerta', 'Kai: 6 out of 10', 'In their own words: “la abuela  me cuida”', 'Who is in each circle']))
    // Nobody rated the overall scale: the family copy has no empty scale.
    expect(texts(familySectionCardBlocks(model, 'scale', 'en', 'someone'))).not.toContain('0 means: No es seguro · 10 means: Seguro')
  })
})
