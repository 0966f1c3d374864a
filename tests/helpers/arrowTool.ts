/**
 * A line drawn as a person draws it: tldraw's own arrow tool, from the middle of one shape's text
 * to the middle of another's, so tldraw binds it at both ends (the ecomap's ties, the family
 * tree's relationships).
 *
 *   await drawLineBetween(board, canvas, 'Kai', 'Grandma Lorna')
 */
import type { Locator, Page } from 'playwright-core'
import { settledBox } from './boxes.ts'

export async function drawLineBetween(board: Page, canvas: Locator, fromText: string, toText: string): Promise<void> {
  const from = await settledBox(canvas.getByText(fromText, { exact: true }).first())
  const to = await settledBox(canvas.getByText(toText, { exact: true }).first())
  if (!from || !to) throw new Error(`"${fromText}" and "${toText}" are not both on screen`)
  await board.getByTestId('tools.arrow').click()
  await board.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await board.mouse.down()
  await board.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 })
  await board.mouse.up()
}
