/**
 * A words and pictures story (safety-mapping §5, map-model MM-36) in a real Chromium: the
 * facilitator adds it beside the map with "Add a template"; a mother on her phone, in Spanish, finds
 * its pages under their Spanish headings, is told the words are still a draft, and writes what
 * happened on its page; the facilitator records that the parents agreed to the words, and her phone
 * says so; when she changes the story afterwards, her phone says the words are a draft again. A
 * Node y-websocket peer reads the note and the agreement through `readMap`.
 */
import { describe, expect, it } from 'vitest'
import { readMap } from '@safetymap/map-model'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { withTemplateOnBoard } from '../helpers/templateOnBoard.ts'

const live = useServerAndChromium()

describe('words and pictures story', () => {
  it('is added from the board; a page written on a Spanish phone, the parents’ agreement recorded on the board, shows on her phone', async () => {
    await withTemplateOnBoard(live, { email: 'ana.story@example.org', title: 'A story for Kai', template: 'Words and pictures story', zone: 'story-grown-ups-now' }, async ({ board, canvas, observer, joinPhone }) => {
      const page = await joinPhone('Jess')
      await page.getByRole('button', { name: 'Español' }).tap()

      const story = page.locator('[data-testid="phone-template"][data-template="words-and-pictures"]')
      await story.getByRole('heading', { name: 'Cuento con palabras y dibujos' }).waitFor({ timeout: 10_000 })
      expect(await story.locator('h3').allInnerTexts()).toEqual(['El título del cuento', 'Quién está preocupado', 'Qué les preocupa', 'Qué pasó', 'Lo que hacen los adultos ahora'])
      const wording = story.getByTestId('story-wording')
      expect(await wording.innerText()).toBe('Estas palabras son un borrador. Los padres todavía no han dicho que están de acuerdo con ellas.')

      const happened = story.locator('[data-testid="phone-section"][data-section="story-what-happened"]')
      const words = 'Mamá se quedó dormida y Kai salió solo a la calle'
      await happened.locator('.phone-add-open').tap()
      await happened.locator('.phone-add textarea').fill(words)
      await happened.getByRole('button', { name: 'Añadir' }).tap()
      await happened.getByTestId('phone-item-text').getByText(words, { exact: true }).waitFor({ timeout: 5_000 })
      const placed = () => readMap(observer.doc).templates.find((t) => t.templateId === 'words-and-pictures')
      await observer.synced()
      await waitFor(() => placed()?.sections['story-what-happened']?.some((i) => i.text === words && i.authorName === 'Jess') === true, { timeoutMs: 10_000, what: 'her words on the story’s page' })
      await canvas.getByText(words, { exact: true }).first().waitFor({ timeout: 10_000 })

      // The facilitator reads the story with the parents, then records that they agreed to its words.
      await board.getByRole('button', { name: 'Parents agreed to the words' }).click()
      const dialog = board.getByRole('dialog', { name: 'The parents agreed to the story’s words' })
      expect(await dialog.getByTestId('wording-status').innerText()).toBe('These words are a draft. The parents have not agreed to them yet.')
      await dialog.getByLabel('Who agreed?').fill('Jess, Kai’s mum')
      await dialog.getByLabel('The parents read the story and agreed to the words as they are now').check()
      await dialog.getByRole('button', { name: 'Record that they agreed' }).click()
      await story.locator('[data-testid="story-wording"][data-state="agreed"]').waitFor({ timeout: 10_000 })
      expect(await wording.innerText()).toBe('Los padres están de acuerdo con estas palabras: Jess, Kai’s mum')
      await waitFor(() => placed()?.wordingAgreed?.stillCurrent === true, { timeoutMs: 10_000, what: 'the agreement in the doc' })
      expect(placed()?.wordingAgreed).toMatchObject({ givenBy: 'Jess, Kai’s mum', recordedByName: 'Ana Ruiz' })

      // A new note after the agreement: the words are a draft again until the parents agree.
      const now = story.locator('[data-testid="phone-section"][data-section="story-grown-ups-now"]')
      await now.locator('.phone-add-open').tap()
      await now.locator('.phone-add textarea').fill('La abuela Lorna se queda a dormir')
      await now.getByRole('button', { name: 'Añadir' }).tap()
      await story.locator('[data-testid="story-wording"][data-state="changed"]').waitFor({ timeout: 10_000 })
    })
  }, 90_000)
})
