import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addDangerStatement, addDisagreement, addItem, writeSafetyMapTemplate, type Locale } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { draftExport, oneLine, pdfText } from './exportTestKit.ts'
import { createPdf, finishPdf } from './pdfDocument.ts'
import { renderCaseFilePdf } from './renderCaseFilePdf.ts'
import { renderFamilyPdf } from './renderFamilyPdf.ts'


async function render(lines: string[]): Promise<Buffer> {
  const pdf = createPdf({ title: 't', subject: 's', lang: 'es-US', date: new Date(0), exportId: 'exp_x', mapVersion: 'v1' })
  for (const line of lines) pdf.doc.font('italic').text(line)
  return finishPdf(pdf, { banner: 'banner', footer: (n, of) => `${n}/${of}` })
}

describe('PDFs sharing the parsed fonts', () => {
  it('keep every glyph extractable in later documents, even letters first met inside accented ones', async () => {
    // "é" is a composite of "e" and an accent: the first document reaches "e" only through it.
    expect(pdfText(await render(['é']))).toContain('é')
    const second = pdfText(await render(['le puede explicar', 'José Nguyễn', 'Trần Thị Thu']))
    expect(second).toContain('le puede explicar')
    expect(second).toContain('José Nguyễn')
    expect(second).toContain('Trần Thị Thu')
  })

  it('renders the same bytes for the same content (fixed dates, deterministic ids)', async () => {
    const [a, b] = [await render(['Kai está a salvo']), await render(['Kai está a salvo'])]
    expect(a.equals(b)).toBe(true)
  })
})

const T0 = Date.parse('2026-11-25T10:00:00Z')

/** A map where Jess and Isabel do not agree with a note, and Jess with a danger statement (MM-25). */
function disagreedModel(locale: Locale) {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, { title: 'Familia Nguyễn', locale, schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
  const at = (minutes: number) => ({ now: new Date(T0 + minutes * 60_000) })
  const worker = { id: 'w1', name: 'Ana Ruiz' }
  const note = addItem(doc, 'harm', 'Kai was left alone after school', worker, at(0))
  addItem(doc, 'harm', 'Kai missed school twice', worker, at(0))
  const worry = addDangerStatement(doc, { whoIsWorried: 'The school', behaviour: 'Kai is left alone', situations: '', impactOnChild: '', whoDisagrees: '' }, worker, at(1))
  addDisagreement(doc, note, { id: 'p-jess', name: 'Jess' }, at(5))
  addDisagreement(doc, note, { id: 'p-isabel', name: 'Isabel' }, at(6))
  addDisagreement(doc, worry, { id: 'p-jess', name: 'Jess' }, at(7))
  return draftExport(doc, { title: 'Familia Nguyễn', locale, createdAt: T0 })
}

/** `lines` appear in `text` in this order. */
const inOrder = (text: string, lines: string[]) => lines.map((line) => text.indexOf(line))

describe('who does not agree, in the rendered PDFs (MM-25)', () => {
  it('the case file names each person under the note or statement, with when they said so', async () => {
    const text = pdfText(await renderCaseFilePdf(disagreedModel('en'), null))
    const lines = inOrder(text, [
      'Kai was left alone after school',
      'Does not agree: Jess, recorded 2026-11-25 10:05 UTC',
      'Does not agree: Isabel, recorded 2026-11-25 10:06 UTC',
      'Kai missed school twice',
      'Danger statement 1',
      'Does not agree: Jess, recorded 2026-11-25 10:07 UTC',
    ])
    expect(lines.every((at) => at >= 0), String(lines)).toBe(true)
    expect(lines).toEqual([...lines].sort((a, b) => a - b))
    expect(text).not.toContain('Disagreement recorded: none')
  })

  it('the family copy says it in plain words in its language, for one person or several', async () => {
    const es = pdfText(await renderFamilyPdf(disagreedModel('es'), { language: 'es', picture: null }))
    const esLines = inOrder(es, ['Kai was left alone after school', 'Jess e Isabel no están de acuerdo con esto.', 'Kai missed school twice', 'Jess no está de acuerdo con esto.'])
    expect(esLines.every((at) => at >= 0), String(esLines)).toBe(true)
    expect(esLines).toEqual([...esLines].sort((a, b) => a - b))
    const en = pdfText(await renderFamilyPdf(disagreedModel('en'), { language: 'en', picture: null }))
    expect(en).toContain('Jess and Isabel do not agree with this.')
    expect(en).toContain('Jess does not agree with this.')
  })

  it('an English meeting’s family copy in Spanish composes the worry in Spanish around the people’s own words', async () => {
    const text = oneLine(pdfText(await renderFamilyPdf(disagreedModel('en'), { language: 'es', picture: null })))
    expect(text).toContain('The school se preocupa porque Kai is left alone.')
    expect(text).toContain('Jess e Isabel no están de acuerdo con esto.')
    expect(text).toContain('Kai was left alone after school')
    expect(text).not.toContain('is worried that')
  })
})

describe('the footer of the case file', () => {
  it('stays on one line under a long meeting title, page count included', async () => {
    const title = 'Reunión de seguridad — Familia Wójcik-Montenegro, MWMWMWMWMW'
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, { title, locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
    const pages = pdfText(await renderCaseFilePdf(draftExport(doc, { title, locale: 'en', createdAt: T0 }), null)).split('\f').filter((page) => page.trim())
    expect(pages.length).toBeGreaterThan(0)
    pages.forEach((page, i) => {
      const footer = page.split('\n').find((line) => line.includes('map version'))
      expect(footer).toMatch(new RegExp(`^Reunión de seguridad .*· export exp_[0-9a-f]{32} · page ${i + 1} of ${pages.length}$`))
    })
  })
})
