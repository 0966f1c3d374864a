/**
 * A family tree (safety-mapping §5, map-model MM-39) in a real Chromium: the facilitator adds it
 * beside the map with "Add a template", adds two people with "Add a person" (a woman with her age,
 * a man), draws a line from one to the other with tldraw's own arrow tool and says, with the
 * switch that shows for the selected line, that they are separated: the line is drawn dashed, and
 * she marks the man "Has died". A Node y-websocket peer reads it all through `readMap`, and a
 * Spanish phone's list says each person and the line as plain sentences; a person added from that
 * phone goes on the board as one whose gender is not given.
 */
import { describe, expect, it } from 'vitest'
import { readMap, readRecordMap } from '@safetymap/map-model'
import { settledBox } from '../helpers/boxes.ts'
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
      const from = await settledBox(canvas.getByText('Jess', { exact: true }).first())
      const to = await settledBox(canvas.getByText('Sam', { exact: true }).first())
      if (!from || !to) throw new Error('the two people are not on screen')
      await board.getByTestId('tools.arrow').click()
      await board.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await board.mouse.down()
      await board.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 })
      await board.mouse.up()
      await waitFor(() => tree()?.relationships?.length === 1, { timeoutMs: 10_000, what: 'the line as a relationship in the doc' })
      expect(tree()?.relationships?.[0]).toMatchObject({ fromItemId: jess!.itemId, toItemId: sam!.itemId, kind: null })

      const relationship = board.getByRole('group', { name: 'These two are' })
      await relationship.getByRole('button', { name: 'Separated' }).click()
      await waitFor(() => tree()?.relationships?.[0]?.kind === 'separated', { timeoutMs: 10_000, what: 'separated in the doc' })
      expect(await relationship.getByRole('button', { name: 'Separated' }).getAttribute('aria-pressed')).toBe('true')
      const arrow = readRecordMap(observer.doc).get(tree()!.relationships![0]!.arrowId) as { props: Record<string, unknown> }
      expect(arrow.props).toMatchObject({ dash: 'dashed', arrowheadEnd: 'none' })

      // Sam selected on his own: "Has died" marks him, and he is drawn grey and hatched.
      await board.getByTestId('tools.select').click()
      await board.keyboard.press('Escape')
      // The line's switch has left the bar, which moves the canvas: where Sam is now. tldraw re-reads
      // where its canvas is on the page at least once a second, so wait that long before clicking.
      await relationship.waitFor({ state: 'detached' })
      const samNow = await settledBox(canvas.getByText('Sam', { exact: true }).first())
      await new Promise((resolve) => setTimeout(resolve, 1_100))
      if (!samNow) throw new Error('Sam is not on screen')
      await board.mouse.click(samNow.x + samNow.width / 2, samNow.y + samNow.height / 2)
      await board.getByRole('button', { name: 'Has died' }).click()
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
})
