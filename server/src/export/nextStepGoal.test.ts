import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { strFromU8, unzipSync } from 'fflate'
import { addDangerStatement, addNextStep, addSafetyGoal, writeSafetyMapTemplate } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { draftExport, oneLine, pdfText } from './exportTestKit.ts'
import { renderCaseFilePdf } from './renderCaseFilePdf.ts'
import { renderDocx } from './renderDocx.ts'
import { renderFamilyPdf } from './renderFamilyPdf.ts'

const T0 = Date.parse('2026-11-25T10:00:00Z')
const noGoalSlots = { childWillExperience: '', whoIsInvolved: '', forHowLong: '', howEveryoneWillKnow: '' }

/** Two worries, a goal for the second, a goal for none, and a step toward each goal and one toward none. */
function stepsModel() {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
  const worker = { id: 'w1', name: 'Ana Ruiz' }
  const at = (minutes: number) => ({ now: new Date(T0 + minutes * 60_000) })
  const worry = (behaviour: string, minutes: number) =>
    addDangerStatement(doc, { whoIsWorried: 'The school', behaviour, situations: '', impactOnChild: '', whoDisagrees: '' }, worker, at(minutes))
  worry('Kai is left alone at night', 0)
  const second = worry('Kai misses school', 1)
  const linked = addSafetyGoal(doc, { ...noGoalSlots, caregiversWillBeDoing: 'Jess walks Kai to school', dangerStatementId: second }, worker, at(2))
  const loose = addSafetyGoal(doc, { ...noGoalSlots, caregiversWillBeDoing: 'The family meets every month', dangerStatementId: '' }, worker, at(3))
  addNextStep(doc, { action: 'Buy an alarm clock', owner: 'Jess', dueDate: '', safetyGoalId: linked }, worker, at(4))
  addNextStep(doc, { action: 'Book the room', owner: 'Ana', dueDate: '', safetyGoalId: loose }, worker, at(5))
  addNextStep(doc, { action: 'Send the notes', owner: 'Ana', dueDate: '', safetyGoalId: '' }, worker, at(6))
  return draftExport(doc, { title: 'Kai', locale: 'en', createdAt: T0 })
}

/** The text between `from` and the next `to` after it. */
const between = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from) + from.length))

describe('a next step made for a safety goal', () => {
  it('says which goal in the record, under the step', async () => {
    const docx = oneLine(strFromU8(unzipSync(new Uint8Array(await renderDocx(stepsModel(), null)))['word/document.xml']!).replace(/<[^>]+>/g, ' '))
    for (const text of [oneLine(pdfText(await renderCaseFilePdf(stepsModel(), null))), docx]) {
      expect(between(text, 'Buy an alarm clock', 'Book the room')).toContain('Toward the safety goal for statement 2: Jess walks Kai to school')
      expect(between(text, 'Book the room', 'Send the notes')).toMatch(/Toward the safety goal: The family meets every month/)
      expect(between(text, 'Send the notes', 'Scaling')).not.toContain('Toward')
    }
  })

  it('says which worry it is for in the family copy, in the family’s language', async () => {
    const en = oneLine(pdfText(await renderFamilyPdf(stepsModel(), { language: 'en', picture: null })))
    expect(between(en, 'Buy an alarm clock', 'Book the room')).toContain('This step is for Worry 2.')
    expect(between(en, 'Book the room', 'Send the notes')).toContain('This step is for the goal: The family meets every month')
    expect(between(en, 'Send the notes', 'How safe')).not.toContain('This step is for')
    const es = oneLine(pdfText(await renderFamilyPdf(stepsModel(), { language: 'es', picture: null })))
    expect(between(es, 'Buy an alarm clock', 'Book the room')).toContain('Este paso es para la Preocupación 2.')
    expect(between(es, 'Book the room', 'Send the notes')).toContain('Este paso es para la meta: The family meets every month')
  })
})
