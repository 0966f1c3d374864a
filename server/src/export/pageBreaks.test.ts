/**
 * A page break never splits an entry from who wrote it: a long note (or a card with its lines)
 * that would not fit at a page's foot starts on the next page, in the case file and the family
 * copy alike, and a heading stays with the first entry under it.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addItem, addNextStep, writeSafetyMapTemplate } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { draftExport, oneLine, pdfText } from './exportTestKit.ts'
import { renderCaseFilePdf } from './renderCaseFilePdf.ts'
import { renderFamilyPdf } from './renderFamilyPdf.ts'

const T0 = Date.parse('2026-11-25T10:00:00Z')
const NOTES = 14
/** About 600 characters, as a worker writes what happened; marked at both ends. */
const longNote = (i: number) =>
  `INICIO[${i}] Cuando el señor Muñoz llega a casa después de beber, los niños se esconden en el cuarto de la abuela y ` +
  'Sofía ha dicho a su maestra que tiene miedo de dormir sola porque escucha gritos y golpes en la cocina; la escuela ' +
  'reportó tres ausencias en octubre, la última después de una noche en que la policía vino a la casa por una llamada ' +
  'de los vecinos, y la mamá dijo que no quiere que los niños vean eso otra vez pero que no sabe a dónde ir con ellos ' +
  `cuando pasa, porque su hermana vive lejos y no tiene carro. FIN[${i}]`

/** Long notes, each by its own person, and next steps whose who/when must stay with them. */
function longMap() {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, { title: 'Familia Muñoz', locale: 'es', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
  for (let i = 0; i < NOTES; i++) addItem(doc, 'harm', longNote(i), { id: `p${i}`, name: `Persona[${i}] O'Brien` }, { now: new Date(T0) })
  for (let i = 0; i < NOTES; i++) {
    addNextStep(doc, { action: `PASO[${i}] Llamar a la escuela`, owner: `Dueño[${i}]`, dueDate: '2026-12-02', safetyGoalId: '' }, { id: 'w1', name: 'Ana' }, { now: new Date(T0) })
  }
  return draftExport(doc, { title: 'Familia Muñoz', locale: 'es', createdAt: T0 })
}

/** The page (0-based) each of `words` is on; -1 when on none. */
const pageOf = (pages: readonly string[], words: string) => pages.findIndex((page) => oneLine(page).includes(words))

describe('page breaks', () => {
  for (const [name, render, byLine] of [
    ['case file', (model: ReturnType<typeof longMap>) => renderCaseFilePdf(model, null), (name: string) => `— ${name},`],
    ['family copy', (model: ReturnType<typeof longMap>) => renderFamilyPdf(model, { language: 'es', picture: null }), (name: string) => `lo dijo ${name}`],
  ] as const) {
    it(`keep each long note with who wrote it, and each next step with who does it (${name})`, async () => {
      const pages = pdfText(await render(longMap())).split('\f')
      expect(pages.length).toBeGreaterThan(4)
      for (let i = 0; i < NOTES; i++) {
        const page = pageOf(pages, `INICIO[${i}]`)
        expect(page, `note ${i}`).toBeGreaterThanOrEqual(0)
        expect(pageOf(pages, `FIN[${i}]`), `end of note ${i}`).toBe(page)
        expect(pageOf(pages, byLine(`Persona[${i}] O'Brien`)), `author of note ${i}`).toBe(page)
        const step = pageOf(pages, `PASO[${i}]`)
        expect(pageOf(pages, `Dueño[${i}]`), `who does step ${i}`).toBe(step)
      }
    })
  }
})
