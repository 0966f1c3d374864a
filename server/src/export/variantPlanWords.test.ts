/**
 * A wellbeing or consultation map's safety plan and family copy, read back from the rendered
 * files: the statements, goals and the family copy's title are in the map's own words, not the
 * child-protection words of the three columns; the JSON record stays as its schema describes.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addDangerStatement, addSafetyGoal, writeSafetyMapTemplate, writeScalingMark, type Locale, type MapVariantId } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { draftExport, oneLine, pdfText } from './exportTestKit.ts'
import { renderCaseFilePdf } from './renderCaseFilePdf.ts'
import { renderFamilyPdf } from './renderFamilyPdf.ts'
import { renderJson } from './renderJson.ts'


const T0 = Date.parse('2026-11-25T10:00:00Z')

/** A map in `variant` with one statement, its goal, one unlinked goal and an overall rating. */
function model(variant: MapVariantId, locale: Locale = 'en') {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, { title: 'Kai', locale, schema: createSafetyMapSchema().serialize(), now: new Date(T0), templateId: variant })
  const worker = { id: 'w1', name: 'Ana Ruiz' }
  const at = { now: new Date(T0) }
  const statement = addDangerStatement(doc, { whoIsWorried: 'The school', behaviour: 'Kai is often alone', situations: '', impactOnChild: '', whoDisagrees: '' }, worker, at)
  const goal = { childWillExperience: '', whoIsInvolved: '', forHowLong: '', howEveryoneWillKnow: '' }
  addSafetyGoal(doc, { ...goal, caregiversWillBeDoing: 'Grandma picks Kai up', dangerStatementId: statement }, worker, at)
  addSafetyGoal(doc, { ...goal, caregiversWillBeDoing: 'Kai joins a club', dangerStatementId: '' }, worker, at)
  writeScalingMark(doc, { scaleId: 'overall', participant: worker, value: 6, reasons: { whatMakesItThisHigh: '', onePointHigher: '' } }, at)
  return draftExport(doc, { title: 'Family meeting for Kai', locale, createdAt: T0 })
}

describe('the safety plan in the map variant’s own words', () => {
  it('a wellbeing map’s case file names worry statements and wellbeing goals, never danger statements or safety goals', async () => {
    const text = oneLine(pdfText(await renderCaseFilePdf(model('wellbeing'), null)))
    expect(text).toContain('Wellbeing plan: worry statements and wellbeing goals')
    expect(text).toContain('Worry statement 1')
    expect(text).toContain('Wellbeing goal for statement 1: Grandma picks Kai up')
    expect(text).toContain('Wellbeing goals not linked to a worry statement')
    expect(text).toContain('Overall wellbeing scale (0–10)')
    expect(text).toContain('listed under the wellbeing plan below')
    expect(text).not.toMatch(/danger statement|safety goal|safety scale|safety plan/i)
  })

  it('a consultation map’s case file names risk statements beside its safety goals', async () => {
    const text = oneLine(pdfText(await renderCaseFilePdf(model('consultation'), null)))
    expect(text).toContain('Safety plan: risk statements and safety goals')
    expect(text).toContain('Risk statement 1')
    expect(text).toContain('Safety goals not linked to a risk statement')
    expect(text).not.toMatch(/danger statement/i)
  })

  it('the three columns keep their words', async () => {
    const text = oneLine(pdfText(await renderCaseFilePdf(model('three-column'), null)))
    expect(text).toContain('Safety plan: danger statements and safety goals')
    expect(text).toContain('Danger statement 1')
    expect(text).toContain('Overall safety scale (0–10)')
  })

  it('a wellbeing map’s family copy is titled and explains its goals in wellbeing words, in English and in Spanish', async () => {
    const en = oneLine(pdfText(await renderFamilyPdf(model('wellbeing'), { language: 'en', picture: null })))
    expect(en).toContain('Your family’s wellbeing map')
    expect(en).toContain('What life will look like when the child is doing well: Grandma picks Kai up')
    expect(en).not.toMatch(/safety map|What safety will look like/i)
    const es = oneLine(pdfText(await renderFamilyPdf(model('wellbeing', 'es'), { language: 'es', picture: null })))
    expect(es).toContain('El mapa de bienestar de su familia')
    expect(es).toContain('Cómo será la vida cuando al niño o la niña le esté yendo bien:')
    expect(es).not.toMatch(/mapa de seguridad|Cómo se verá la seguridad/i)
  })

  it('the JSON record says which map was used', () => {
    const json = JSON.parse(renderJson(model('wellbeing')).toString('utf8')) as Record<string, unknown>
    expect(json.variant).toBe('wellbeing')
  })
})
