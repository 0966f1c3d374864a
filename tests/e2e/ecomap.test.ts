/**
 * A family and network diagram (safety-mapping §5 and step 5 of §6, map-model MM-37) in a real
 * Chromium: the facilitator adds it beside the map with "Add a template"; two people are written
 * into its box; she draws a line from the child to his grandmother with tldraw's own arrow tool
 * and says, with the switch that shows for the selected line, that it is a strong tie: the arrow
 * is drawn thick and solid, a Node y-websocket peer reads the tie through `readMap`, and a phone's
 * list shows it as a plain sentence under the people.
 */
import { describe, expect, it } from 'vitest'
import { addTemplateItem, readMap, readRecordMap } from '@safetymap/map-model'
import { drawLineBetween } from '../helpers/arrowTool.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { withTemplateOnBoard } from '../helpers/templateOnBoard.ts'

const live = useServerAndChromium()

describe('family and network diagram', () => {
  it('is added from the board; a line drawn between two people and called a strong tie shows as a sentence on a phone', async () => {
    const ana = { id: 'w-ana', name: 'Ana Ruiz' }
    await withTemplateOnBoard(live, { email: 'ana.ecomap@example.org', title: 'Kai’s people', template: 'Family and network diagram', zone: 'ecomap-network' }, async ({ board, canvas, observer, joinPhone }) => {
      await observer.synced()
      const ecomap = () => readMap(observer.doc).templates.find((t) => t.templateId === 'ecomap')
      await waitFor(() => ecomap() !== undefined, { timeoutMs: 10_000, what: 'the diagram in the doc' })
      const kai = addTemplateItem(observer.doc, ecomap()!.placementId, 'ecomap-network', 'Kai', ana)
      const lorna = addTemplateItem(observer.doc, ecomap()!.placementId, 'ecomap-network', 'Grandma Lorna', ana)

      // tldraw's arrow tool, from the child's note to his grandmother's: bound at both ends.
      await drawLineBetween(board, canvas, 'Kai', 'Grandma Lorna')
      await waitFor(() => ecomap()?.ties?.length === 1, { timeoutMs: 10_000, what: 'the line as a tie in the doc' })
      expect(ecomap()?.ties?.[0]).toMatchObject({ fromItemId: kai, toItemId: lorna, kind: null })

      const tieKind = board.getByRole('group', { name: 'This line is' })
      await tieKind.getByRole('button', { name: 'A strong tie' }).click()
      await waitFor(() => ecomap()?.ties?.[0]?.kind === 'strong', { timeoutMs: 10_000, what: 'the strong tie in the doc' })
      expect(await tieKind.getByRole('button', { name: 'A strong tie' }).getAttribute('aria-pressed')).toBe('true')
      const arrow = readRecordMap(observer.doc).get(ecomap()!.ties![0]!.arrowId) as { props: Record<string, unknown> }
      expect(arrow.props).toMatchObject({ dash: 'solid', size: 'xl' })

      const page = await joinPhone('Grandma Lorna')
      const list = page.locator('[data-testid="phone-template"][data-template="ecomap"]')
      await list.getByRole('heading', { name: 'Family and network diagram' }).waitFor({ timeout: 10_000 })
      expect(await list.getByTestId('phone-item-text').allInnerTexts()).toEqual(['Kai', 'Grandma Lorna'])
      expect(await list.getByTestId('ecomap-ties').locator('li').allInnerTexts()).toEqual(['Kai — Grandma Lorna: strong tie'])
    })
  }, 90_000)
})
