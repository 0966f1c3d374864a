import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addDangerStatement,
  addDisagreement,
  addItem,
  addNextStep,
  addSafetyGoal,
  addTemplateItem,
  placeTemplate,
  readMap,
  writeSafetyMapTemplate,
  writeScalingMark,
  OVERALL_SCALE_ID,
  type Locale,
} from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { draftExport, oneLine, pdfText } from './exportTestKit.ts'
import { renderFamilyPdf } from './renderFamilyPdf.ts'

const count = (text: string, words: string) => text.split(words).length - 1

const T0 = Date.parse('2026-11-25T10:00:00Z')
const STEP = 'Call Grandma Lorna about the night calendar'
const PERSON = 'Tía May'

/** The user test's map: an English meeting with a worry, its goal, a next step, a rating, Three Houses, Safety House and circles. */
function userTestModel() {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
  const now = { now: new Date(T0) }
  const worker = { id: 'w1', name: 'Ana Ruiz' }
  const worry = addDangerStatement(doc, { whoIsWorried: 'The school', behaviour: 'Kai is left alone at night', situations: '', impactOnChild: 'Kai could get hurt', whoDisagrees: '' }, worker, now)
  const goal = addSafetyGoal(doc, { caregiversWillBeDoing: 'An adult is always with Kai at night', childWillExperience: '', whoIsInvolved: '', forHowLong: '', howEveryoneWillKnow: '', dangerStatementId: worry }, worker, now)
  addNextStep(doc, { action: STEP, owner: 'Jess', dueDate: '2026-12-01', safetyGoalId: goal }, worker, now)
  writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: { id: 'p-jess', name: 'Jess' }, value: 6, reasons: { whatMakesItThisHigh: 'Grandma lives close', onePointHigher: '' } }, now)
  placeTemplate(doc, 'three-houses')
  placeTemplate(doc, 'safety-house')
  addTemplateItem(doc, placeTemplate(doc, 'circles').placementId, 'circle-close', PERSON, worker, now)
  return draftExport(doc, { title: 'Kai', locale: 'en', createdAt: T0 })
}

const WORDS: Record<Locale, { danger: string; worry: string; goals: string; goal: string; steps: string; nothing: string; scale: string; circles: string }> = {
  en: { danger: 'Danger statements', worry: 'The school is worried that', goals: 'Safety goals', goal: 'What safety will look like: An adult is always with Kai at night', steps: 'Next steps', nothing: 'Nothing was written here.', scale: 'Jess: 6 out of 10', circles: 'Who is in each circle' },
  es: { danger: 'Declaraciones de peligro', worry: 'The school se preocupa porque', goals: 'Metas de seguridad', goal: 'Cómo se verá la seguridad: An adult is always with Kai at night', steps: 'Próximos pasos', nothing: 'No se escribió nada aquí.', scale: 'Jess: 6 de 10', circles: 'Quién está en cada círculo' },
}

describe('the family copy says each thing once, where a family would look for it', () => {
  for (const language of ['es', 'en'] as const) {
    it(`prints each card inside its own section, each heading and person once (${language})`, async () => {
      const w = WORDS[language]
      const text = oneLine(pdfText(await renderFamilyPdf(userTestModel(), { language, picture: null })))
      for (const words of [w.danger, w.goals, w.steps, STEP, PERSON, w.worry, w.goal, w.scale]) expect(count(text, words), words).toBe(1)
      // Each card sits under its section's heading, before the next section's.
      const at = [w.danger, w.worry, w.goal, w.goals, w.steps, STEP, w.scale, w.circles, PERSON].map((words) => text.indexOf(words))
      expect(at).toEqual([...at].sort((a, b) => a - b))
      // A section whose cards are printed in it does not also say nothing was written there.
      const dangerSection = text.slice(text.indexOf(w.danger), text.indexOf(w.worry))
      expect(dangerSection).not.toContain(w.nothing)
      expect(text.slice(text.indexOf(w.steps), text.indexOf(STEP))).not.toContain(w.nothing)
    })
  }
})

/** A small map nobody rated: one note on what went wrong, and nothing else yet. */
function unratedModel() {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
  addItem(doc, 'harm', 'Kai was left alone after school', { id: 'p-jess', name: 'Jess' }, { now: new Date(T0) })
  return draftExport(doc, { title: 'Kai', locale: 'en', createdAt: T0 })
}

const NO_RATING: Record<Locale, string> = {
  en: 'Nobody gave a number yet. You can give yours at the next meeting.',
  es: 'Nadie dio un número todavía. Usted puede dar el suyo en la próxima reunión.',
}

describe('the family copy’s opening words', () => {
  const SAID: Record<Locale, { said: string; agreed: RegExp; someDisagree: string }> = {
    en: { said: 'This is what people said at the meeting', agreed: /everyone said and agreed/, someDisagree: 'Not everyone agreed with everything.' },
    es: { said: 'Esto es lo que la gente dijo en la reunión', agreed: /todos dijeron y acordaron/, someDisagree: 'No todos estuvieron de acuerdo con todo.' },
  }
  for (const language of ['en', 'es'] as const) {
    it(`never say everyone agreed, and say up front when someone does not (${language})`, async () => {
      const words = SAID[language]
      const agreed = oneLine(pdfText(await renderFamilyPdf(userTestModel(), { language, picture: null })))
      expect(agreed).toContain(words.said)
      expect(agreed).not.toMatch(words.agreed)
      expect(agreed).not.toContain(words.someDisagree)

      const doc = new Y.Doc()
      writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
      const note = addItem(doc, 'strengths', 'Grandma picks Kai up every day', { id: 'w1', name: 'Ana Ruiz' }, { now: new Date(T0) })
      addDisagreement(doc, note, { id: 'p-jess', name: 'Jess' }, { now: new Date(T0) })
      const disputed = oneLine(pdfText(await renderFamilyPdf(draftExport(doc, { title: 'Kai', locale: 'en', createdAt: T0 }), { language, picture: null })))
      expect(disputed).toContain(words.someDisagree)
      expect(disputed).not.toMatch(words.agreed)
    })
  }
})

describe('the family copy of a map nobody rated', () => {
  for (const language of ['en', 'es'] as const) {
    it(`says nobody gave a number yet and fits on one page (${language})`, async () => {
      const text = pdfText(await renderFamilyPdf(unratedModel(), { language, picture: null }))
      const flat = oneLine(text)
      // The rating section ends the copy, in words a family reads, not "nothing was written here".
      expect(flat.slice(flat.indexOf('(0–10)'))).toContain(NO_RATING[language])
      expect(flat.slice(flat.indexOf('(0–10)'))).not.toContain(WORDS[language].nothing)
      // What the two ends mean, not the board's instruction to mark a number, which a printed copy cannot take.
      expect(flat).toContain(language === 'es' ? '10 quiere decir que todos están seguros' : '10 means everyone is sure')
      expect(flat).not.toMatch(/Mark a number|Marque un número/)
      // pdftotext ends every page with a form feed: a short map that fits is not split onto a near-empty page.
      expect(count(text, '\f')).toBe(1)
    })
  }
})

const DATED: Record<Locale, { date: string; page: (n: number, of: number) => string; due: string }> = {
  en: { date: 'November 25, 2026', page: (n, of) => `Page ${n} of ${of}`, due: 'By: December 1, 2026' },
  es: { date: '25 de noviembre de 2026', page: (n, of) => `Página ${n} de ${of}`, due: 'Para: 1 de diciembre de 2026' },
}

describe('the family copy’s pages and dates', () => {
  for (const language of ['en', 'es'] as const) {
    it(`names the meeting and its date at the foot of every page, so a loose page can be placed (${language})`, async () => {
      const pages = pdfText(await renderFamilyPdf(userTestModel(), { language, picture: null })).split('\f').slice(0, -1)
      expect(pages.length).toBeGreaterThan(1)
      pages.forEach((page, i) => expect(oneLine(page)).toContain(`Kai · ${DATED[language].date} · ${DATED[language].page(i + 1, pages.length)}`))
    })

    it(`writes a next step's date in the same style as the meeting's date (${language})`, async () => {
      const text = oneLine(pdfText(await renderFamilyPdf(userTestModel(), { language, picture: null })))
      expect(text).toContain(DATED[language].due)
    })
  }
})

describe('who said each thing, in the family copy', () => {
  it('stands at the right under notes and cards alike', async () => {
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
    const now = { now: new Date(T0) }
    addItem(doc, 'strengths', 'Grandma picks Kai up every day', { id: 'p-jess', name: 'Jess' }, now)
    addDangerStatement(doc, { whoIsWorried: 'The school', behaviour: 'Kai is left alone at night', situations: '', impactOnChild: '', whoDisagrees: '' }, { id: 'w1', name: 'Ana Ruiz' }, now)
    const model = draftExport(doc, { title: 'Kai', locale: 'en', createdAt: T0 })
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'safetymap-layout-')), 'family.pdf')
    writeFileSync(file, await renderFamilyPdf(model, { language: 'en', picture: null }))
    const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\n')
    const saidBy = lines.filter((line) => line.trimStart().startsWith('— said by'))
    expect(saidBy.map((line) => line.trim())).toEqual(['— said by Ana Ruiz', '— said by Jess'])
    const ends = saidBy.map((line) => line.trimEnd().length)
    for (const line of saidBy) expect(line.length - line.trimStart().length, line).toBeGreaterThan(30)
    expect(Math.max(...ends) - Math.min(...ends)).toBeLessThanOrEqual(2)
  })
})

describe('several people’s numbers on one scale, in the family copy', () => {
  it('are set apart: space between one person’s reasons and the next person’s number', async () => {
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
    const now = { now: new Date(T0) }
    writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: { id: 'p-ana', name: 'Ana' }, value: 4, reasons: { whatMakesItThisHigh: 'Jess asks for help', onePointHigher: '' } }, now)
    writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: { id: 'p-jess', name: 'Jess' }, value: 6, reasons: { whatMakesItThisHigh: 'Grandma lives close', onePointHigher: '' } }, now)
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'safetymap-layout-')), 'family.pdf')
    writeFileSync(file, await renderFamilyPdf(draftExport(doc, { title: 'Kai', locale: 'en', createdAt: T0 }), { language: 'en', picture: null }))
    const words = [...execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</g)]
    const word = (text: string) => words.find((m) => m[3] === text)!
    const gap = (above: string, below: string) => Number(word(below)[1]) - Number(word(above)[2])
    // The line after a number (its reason) follows at once; the next person's number stands apart.
    expect(gap('Ana:', 'Why')).toBeLessThan(1)
    expect(gap('help', 'Jess:')).toBeGreaterThan(4)
  })
})
