/**
 * A family and network diagram (safety-mapping §5 and step 5 of §6, map-model MM-37) in a real
 * Chromium: the facilitator adds it beside the map with "Add a template"; two people are written
 * into its box; she draws a line from the child to his grandmother with tldraw's own arrow tool
 * and says, with the switch that shows for the selected line, that it is a strong tie: the arrow
 * is drawn thick and solid, a Node y-websocket peer reads the tie through `readMap`, and a phone's
 * list shows it as a plain sentence under the people.
 */
import { describe, expect, it } from 'vitest'
import { devices } from 'playwright-core'
import { addTemplateItem, readMap, readRecordMap, zoneLabel } from '@safetymap/map-model'
import { api, connectPeer } from '../helpers/clients.ts'
import { settledBox } from '../helpers/boxes.ts'
import { recordingContext } from '../helpers/browser.ts'
import { signInAndCreateMeeting, workerWithPassword } from '../helpers/meetingUi.ts'
import { joinOnPhone } from '../helpers/phoneJoin.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()

describe('family and network diagram', () => {
  it('is added from the board; a line drawn between two people and called a strong tie shows as a sentence on a phone', async () => {
    const ana = { id: 'w-ana', name: 'Ana Ruiz' }
    const worker = await workerWithPassword(live.server, 'ana.ecomap@example.org', ana.name)
    const facilitator = await recordingContext(live.browser, { viewport: { width: 1366, height: 850 } })
    const phone = await live.browser.newContext({ ...devices['Pixel 7'], locale: 'en-US' })
    const board = await facilitator.context.newPage()
    const meetingId = await signInAndCreateMeeting(board, live.server.url, 'ana.ecomap@example.org', 'Kai’s people')
    const canvas = board.locator('.tl-canvas')
    await canvas.getByText('What are we worried about?', { exact: true }).first().waitFor({ timeout: 20_000 })
    const observer = connectPeer({ url: live.server.url, meetingId, token: worker.apiKey })
    try {
      await board.getByRole('button', { name: 'Add a template' }).click()
      await board.getByRole('menuitem', { name: 'Family and network diagram' }).click()
      await canvas.getByText(zoneLabel('ecomap-network', 'en'), { exact: true }).first().waitFor({ timeout: 10_000 })

      await observer.synced()
      const ecomap = () => readMap(observer.doc).templates.find((t) => t.templateId === 'ecomap')
      await waitFor(() => ecomap() !== undefined, { timeoutMs: 10_000, what: 'the diagram in the doc' })
      const kai = addTemplateItem(observer.doc, ecomap()!.placementId, 'ecomap-network', 'Kai', ana)
      const lorna = addTemplateItem(observer.doc, ecomap()!.placementId, 'ecomap-network', 'Grandma Lorna', ana)

      // tldraw's arrow tool, from the child's note to his grandmother's: bound at both ends.
      const from = await settledBox(canvas.getByText('Kai', { exact: true }).first())
      const to = await settledBox(canvas.getByText('Grandma Lorna', { exact: true }).first())
      if (!from || !to) throw new Error('the two notes are not on screen')
      await board.getByTestId('tools.arrow').click()
      await board.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await board.mouse.down()
      await board.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 })
      await board.mouse.up()
      await waitFor(() => ecomap()?.ties?.length === 1, { timeoutMs: 10_000, what: 'the line as a tie in the doc' })
      expect(ecomap()?.ties?.[0]).toMatchObject({ fromItemId: kai, toItemId: lorna, kind: null })

      const tieKind = board.getByRole('group', { name: 'This line is' })
      await tieKind.getByRole('button', { name: 'A strong tie' }).click()
      await waitFor(() => ecomap()?.ties?.[0]?.kind === 'strong', { timeoutMs: 10_000, what: 'the strong tie in the doc' })
      expect(await tieKind.getByRole('button', { name: 'A strong tie' }).getAttribute('aria-pressed')).toBe('true')
      const arrow = readRecordMap(observer.doc).get(ecomap()!.ties![0]!.arrowId) as { props: Record<string, unknown> }
      expect(arrow.props).toMatchObject({ dash: 'solid', size: 'xl' })

      const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meetingId}/invites`, { token: worker.apiKey, body: { role: 'editor' } })
      const url = new URL(invite.body.url)
      const page = await phone.newPage()
      await joinOnPhone(page, `${live.server.url}${url.pathname}${url.hash}`, 'Grandma Lorna')
      const list = page.locator('[data-testid="phone-template"][data-template="ecomap"]')
      await list.getByRole('heading', { name: 'Family and network diagram' }).waitFor({ timeout: 10_000 })
      expect(await list.getByTestId('phone-item-text').allInnerTexts()).toEqual(['Kai', 'Grandma Lorna'])
      expect(await list.getByTestId('ecomap-ties').locator('li').allInnerTexts()).toEqual(['Kai — Grandma Lorna: strong tie'])
    } finally {
      observer.destroy()
      await phone.close()
      await facilitator.context.close()
    }
  }, 90_000)
})
