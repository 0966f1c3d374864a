/**
 * A family tree (safety-mapping §5, map-model MM-39) in a real Chromium: the facilitator adds it
 * beside the map with "Add a template", adds two people with "Add a person" (a woman with her age,
 * a man), draws a line from one to the other with tldraw's own arrow tool and says, with the
 * switch that shows for the selected line, that they are separated: the line is drawn dashed, and
 * she marks the man "Has died". A Node y-websocket peer reads it all through `readMap`, and a
 * Spanish phone's list says each person and the line as plain sentences; a person added from that
 * phone goes on the board as one whose gender is not given. A person the facilitator restricts, as
 * she restricts a note, leaves a family member's phone with the line to them, and stays on her
 * board marked "Restricted".
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readMap, readRecordMap } from '@safetymap/map-model'
import { drawLineBetween } from '../helpers/arrowTool.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { withTemplateOnBoard } from '../helpers/templateOnBoard.ts'

const live = useServerAndChromium()

describe('family tree', () => {
  it('is added from the board; two people added, a line drawn between them and called separated show as sentences on a Spanish phone', async () => {
    const options = { email: 'ana.tree@example.org', title: 'Kai’s family', template: 'Family tree', zone: 'family-tree', phoneLocale: 'es-ES' } as const
    await withTemplateOnBoard(live, options, async ({ board, canvas, observer, joinPhone }) => {
      await observer.synced()
      const tree = () => readMap(observer.doc).templates.find((t) => t.templateId === 'family-tree')
      await waitFor(() => tree() !== undefined, { timeoutMs: 10_000, what: 'the family tree in the doc' })

      const addPerson = async (symbol: string, name: string, age?: string) => {
        await board.getByRole('button', { name: 'Add a person' }).click()
        const dialog = board.getByRole('dialog', { name: 'Add a person to the family tree' })
        await dialog.getByRole('radio', { name: symbol }).check()
        await dialog.getByLabel('Name').fill(name)
        if (age) await dialog.getByLabel('Age (if known)').fill(age)
        await dialog.getByRole('button', { name: 'Add to the family tree' }).click()
        await dialog.waitFor({ state: 'detached' })
      }
      await addPerson('A woman or girl', 'Jess', '34')
      await addPerson('A man or boy', 'Sam')
      await waitFor(() => tree()?.familyMembers?.length === 2, { timeoutMs: 10_000, what: 'two people in the doc' })
      expect(tree()?.familyMembers?.map(({ name, age, gender, died }) => ({ name, age, gender, died }))).toEqual([
        { name: 'Jess', age: 34, gender: 'woman', died: false },
        { name: 'Sam', age: null, gender: 'man', died: false },
      ])
      const [jess, sam] = tree()!.familyMembers!

      // tldraw's arrow tool, from Jess's symbol to Sam's: bound at both ends.
      await drawLineBetween(board, canvas, 'Jess', 'Sam')
      await waitFor(() => tree()?.relationships?.length === 1, { timeoutMs: 10_000, what: 'the line as a relationship in the doc' })
      expect(tree()?.relationships?.[0]).toMatchObject({ fromItemId: jess!.itemId, toItemId: sam!.itemId, kind: null })

      const relationship = board.getByRole('group', { name: 'These two are' })
      await relationship.getByRole('button', { name: 'Separated' }).click()
      await waitFor(() => tree()?.relationships?.[0]?.kind === 'separated', { timeoutMs: 10_000, what: 'separated in the doc' })
      expect(await relationship.getByRole('button', { name: 'Separated' }).getAttribute('aria-pressed')).toBe('true')
      const arrow = readRecordMap(observer.doc).get(tree()!.relationships![0]!.arrowId) as { props: Record<string, unknown> }
      expect(arrow.props).toMatchObject({ dash: 'dashed', arrowheadEnd: 'none' })

      // Sam selected on his own: "Has died" marks him, and he is drawn grey and hatched. The click
      // comes straight after the line's switch has left the bar and moved the canvas up, and still lands on him.
      await board.getByTestId('tools.select').click()
      expect(await escapeThenClickAtOnce(board, canvas.getByText('Sam', { exact: true }).first())).toBeLessThan(0)
      await board.getByRole('button', { name: 'Has died' }).click({ timeout: 3_000 })
      await waitFor(() => tree()?.familyMembers?.[1]?.died === true, { timeoutMs: 10_000, what: 'Sam marked as having died' })
      expect((readRecordMap(observer.doc).get(sam!.itemId) as { props: Record<string, unknown> }).props).toMatchObject({ geo: 'rectangle', fill: 'pattern', color: 'grey' })

      const page = await joinPhone('Abuela Lorna')
      const list = page.locator('[data-testid="phone-template"][data-template="family-tree"]')
      await list.getByRole('heading', { name: 'Árbol familiar' }).first().waitFor({ timeout: 10_000 })
      expect(await list.getByTestId('family-people').locator('li').allInnerTexts()).toEqual(['Jess (mujer, 34 años)', 'Sam (hombre, falleció)'])
      expect(await list.getByTestId('family-relationships').locator('li').allInnerTexts()).toEqual(['Jess (mujer, 34 años) — Sam (hombre, falleció): separados'])

      // From the phone, "Añadir" in the tree's box adds a person whose gender is not given (a diamond), attributed to her.
      const box = list.locator('[data-testid="phone-section"][data-section="family-tree"]')
      await box.locator('.phone-add-open').tap()
      await box.locator('.phone-add textarea').fill('Kai\n7')
      await box.getByRole('button', { name: 'Añadir' }).tap()
      await waitFor(() => tree()?.familyMembers?.length === 3, { timeoutMs: 10_000, what: 'the person added from the phone in the doc' })
      expect(tree()?.familyMembers?.[2]).toMatchObject({ name: 'Kai', age: 7, gender: 'not-given', died: false })
      expect(tree()?.sections['family-tree']?.[2]?.authorName).toBe('Abuela Lorna')
      await canvas.getByText('Kai', { exact: true }).first().waitFor({ timeout: 10_000 })
      await list.getByTestId('family-people').getByText('Kai (7 años)', { exact: true }).waitFor({ timeout: 10_000 })
    })
  }, 120_000)

  it('a person the facilitator restricts leaves a family member’s phone, with the line to them, and stays on her board marked "Restricted"', async () => {
    const options = { email: 'ana.tree.restrict@example.org', title: 'Kai’s family, restricted', template: 'Family tree', zone: 'family-tree' } as const
    await withTemplateOnBoard(live, options, async ({ board, canvas, observer, joinPhone }) => {
      await observer.synced()
      const people = () => readMap(observer.doc).templates.find((t) => t.templateId === 'family-tree')?.familyMembers ?? []
      for (const [symbol, name] of [['A woman or girl', 'Jess'], ['A man or boy', 'Sam']] as const) {
        await board.getByRole('button', { name: 'Add a person' }).click()
        const dialog = board.getByRole('dialog', { name: 'Add a person to the family tree' })
        await dialog.getByRole('radio', { name: symbol }).check()
        await dialog.getByLabel('Name').fill(name)
        await dialog.getByRole('button', { name: 'Add to the family tree' }).click()
        await dialog.waitFor({ state: 'detached' })
      }
      await waitFor(() => people().length === 2, { timeoutMs: 10_000, what: 'two people in the doc' })
      await drawLineBetween(board, canvas, 'Jess', 'Sam')
      const lines = () => readMap(observer.doc).templates.find((t) => t.templateId === 'family-tree')?.relationships ?? []
      await waitFor(() => lines().length === 1, { timeoutMs: 10_000, what: 'the line between them in the doc' })
      const phone = await joinPhone('Abuela Lorna')
      const listed = phone.locator('[data-testid="phone-template"][data-template="family-tree"]').getByTestId('family-people').locator('li')
      await expect.poll(() => listed.allInnerTexts(), { timeout: 10_000 }).toEqual(['Jess (woman)', 'Sam (man)'])

      // She selects Jess and restricts her, after reading what that means.
      await board.keyboard.press('Escape')
      await board.getByTestId('tools.select').click()
      await canvas.getByText('Jess', { exact: true }).first().click()
      await board.getByRole('button', { name: 'Restrict this person' }).click()
      await board.getByText('Family and network members will no longer see them', { exact: false }).waitFor({ timeout: 5_000 })
      await board.getByRole('button', { name: 'Yes, restrict it' }).click()

      // Gone from the phone, and from the shared doc anyone syncs; Sam stays.
      await expect.poll(() => listed.allInnerTexts(), { timeout: 10_000 }).toEqual(['Sam (man)'])
      await waitFor(() => people().length === 1, { timeoutMs: 10_000, what: 'Jess to leave the shared doc' })
      await phone.reload()
      await expect.poll(() => listed.allInnerTexts(), { timeout: 10_000 }).toEqual(['Sam (man)'])
      expect(await phone.locator('body').innerText()).not.toContain('Jess')

      // Still on the facilitator's board, read-only with the badge — not as a shared shape.
      const restricted = board.getByTestId('restricted-item').filter({ hasText: 'Jess' })
      await restricted.waitFor({ timeout: 10_000 })
      expect(await restricted.innerText()).toMatch(/Restricted/i)
      expect(await canvas.locator('.tl-shape').getByText('Jess', { exact: true }).count()).toBe(0)
      // The line to her went with her: no board shows a line to where she was, and the board still opens.
      expect(lines()).toEqual([])
      await expect.poll(() => canvas.locator('.tl-shape[data-shape-type="arrow"]').count(), { timeout: 10_000 }).toBe(0)
      await board.reload()
      await canvas.getByText('Sam', { exact: true }).first().waitFor({ timeout: 20_000 })
      await restricted.waitFor({ timeout: 10_000 })
    })
  }, 120_000)
})

/**
 * Escape, then, as soon as the page has laid out the bar without the line's switch (the canvas
 * moved), a click on the top of `person`'s outline: in the page, quicker than any hand. Taken 40 px
 * too high, that click is clear of the shape (its centre would still be within tldraw's margin).
 * tldraw looks again at where its canvas is only through a 200 ms throttle; a window resize event
 * just before the Escape starts that wait, as tldraw's own once-a-second look may. Returns how far
 * the canvas moved.
 */
async function escapeThenClickAtOnce(board: Page, person: Locator): Promise<number> {
  const shape = await person.evaluateHandle((label) => label.closest('.tl-shape')!)
  return board.evaluate(
    (shape) =>
      new Promise<number>((resolve, reject) => {
        const canvas = document.querySelector('.tl-canvas')!
        const top = canvas.getBoundingClientRect().top
        const press = (type: string) => canvas.closest('.tl-container')!.dispatchEvent(new KeyboardEvent(type, { key: 'Escape', code: 'Escape', bubbles: true }))
        const notMoved = setTimeout(() => reject(new Error('the canvas did not move')), 5_000)
        const laidOut = new ResizeObserver(() => {
          const moved = canvas.getBoundingClientRect().top - top
          if (moved === 0) return
          laidOut.disconnect()
          clearTimeout(notMoved)
          const box = shape.getBoundingClientRect()
          const at = { clientX: box.left + box.width / 2, clientY: box.top + 1.5, pointerId: 1, pointerType: 'mouse', isPrimary: true, bubbles: true, cancelable: true, composed: true }
          const target = document.elementFromPoint(at.clientX, at.clientY)!
          target.dispatchEvent(new PointerEvent('pointerdown', { ...at, button: 0, buttons: 1 }))
          target.dispatchEvent(new PointerEvent('pointerup', { ...at, button: 0, buttons: 0 }))
          resolve(moved)
        })
        laidOut.observe(canvas)
        requestAnimationFrame(() => {
          window.dispatchEvent(new Event('resize'))
          press('keydown')
          press('keyup')
        })
      }),
    shape,
  )
}
