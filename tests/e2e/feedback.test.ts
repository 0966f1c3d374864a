/**
 * Feedback on the meeting (safety-mapping §6 step 11, map-model MM-38) in a real Chromium: the
 * facilitator adds it beside the map with "Add a template"; a mother on her phone, in Spanish,
 * finds its two boxes under their Spanish headings and hints and writes what helped today; the
 * note shows on the facilitator's board, and a Node y-websocket peer reads it through `readMap`
 * in the feedback's "what helped" box with her name. "Write a note" on the board offers both boxes.
 */
import { describe, expect, it } from 'vitest'
import { readMap, zoneLabel } from '@safetymap/map-model'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { withTemplateOnBoard } from '../helpers/templateOnBoard.ts'

const live = useServerAndChromium()

describe('feedback on the meeting', () => {
  it('is added from the board; what helped, written on a phone in Spanish, shows on the board', async () => {
    await withTemplateOnBoard(live, { email: 'ana.feedback@example.org', title: 'Kai’s meeting', template: 'Feedback on today’s meeting', zone: 'feedback-helped' }, async ({ board, canvas, observer, joinPhone }) => {
      const page = await joinPhone('Jess')
      await page.getByRole('button', { name: 'Español' }).tap()

      const feedback = page.locator('[data-testid="phone-template"][data-template="feedback"]')
      await feedback.getByRole('heading', { name: 'Opiniones sobre la reunión de hoy' }).waitFor({ timeout: 10_000 })
      expect(await feedback.locator('h3').allInnerTexts()).toEqual(['¿Qué le ayudó hoy?', '¿Qué cambiaría la próxima vez?'])

      const helped = feedback.locator('[data-testid="phone-section"][data-section="feedback-helped"]')
      await helped.getByText('Cualquier persona puede escribir aquí. Basta con pocas palabras.', { exact: true }).waitFor({ timeout: 5_000 })
      const words = 'Que me dejaran hablar primero'
      await helped.locator('.phone-add-open').tap()
      await helped.locator('.phone-add textarea').fill(words)
      await helped.getByRole('button', { name: 'Añadir' }).tap()
      await helped.getByTestId('phone-item-text').getByText(words, { exact: true }).waitFor({ timeout: 5_000 })

      await observer.synced()
      const inHelped = () => readMap(observer.doc).templates.find((t) => t.templateId === 'feedback')?.sections['feedback-helped'] ?? []
      await waitFor(() => inHelped().some((i) => i.text === words && i.authorName === 'Jess'), { timeoutMs: 10_000, what: 'her note in what helped' })
      await canvas.getByText(words, { exact: true }).first().waitFor({ timeout: 10_000 })

      await board.getByRole('button', { name: 'Write a note' }).click()
      const where = board.getByRole('dialog', { name: 'Your note' }).getByLabel('Where does it go on the map?')
      expect((await where.locator('option').allInnerTexts()).filter((label) => label.startsWith('Feedback on today’s meeting: '))).toEqual([
        `Feedback on today’s meeting: ${zoneLabel('feedback-helped', 'en')}`,
        `Feedback on today’s meeting: ${zoneLabel('feedback-change', 'en')}`,
      ])
    })
  }, 90_000)
})
