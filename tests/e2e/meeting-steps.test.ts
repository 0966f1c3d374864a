/**
 * The facilitator's "Meeting steps" on the board (safety-mapping §6, "Typical flow") in a real
 * Chromium: the button in the tools strip opens a column listing the eleven steps in order, with
 * the keyboard in it; "Write the purpose" opens Meeting details at the purpose; the network step
 * offers the family tree and the network diagram; "Add the family and network diagram" puts that
 * template on the board and then becomes "Show …", which adds no second one; ticking a step names the next one, also
 * after a reload; Escape closes the column and gives the keyboard back to the button. A family
 * member on her own laptop has no such button.
 */
import { describe, expect, it } from 'vitest'
import { readMap, zoneLabel } from '@safetymap/map-model'
import * as Y from 'yjs'
import { joinByInvite } from '../helpers/clients.ts'
import { openNewMeeting, workerWithPassword } from '../helpers/meetingUi.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { waitFor } from '../helpers/waitFor.ts'

const EMAIL = 'ana.steps@example.org'
const STEPS = [
  'Welcome and introductions: who is here, and how',
  'Why we are meeting and what we hope to get done',
  'Anything on our minds that might distract us',
  'How we agree to work together, and keeping things private',
  'Family and network diagram',
  'What is working well, and what we are worried about',
  'What has happened, the danger statements, and what makes things harder',
  'A safety goal for each danger statement',
  'Everyone gives a rating from 0 to 10',
  'Next steps, and the safety plan when ready',
  'Quick feedback on the meeting',
]

const live = useServerAndChromium()

/** The templates on the server's copy of the map, by kind. */
async function storedTemplates(meetingId: string) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, (await live.server.services.relay.readDocState(meetingId)) ?? new Uint8Array())
  return readMap(doc).templates.map((template) => template.templateId)
}

describe('meeting steps', () => {
  it('guide the facilitator through the meeting in order, from the board; a family member has none', async () => {
    const worker = await workerWithPassword(live.server, EMAIL, 'Ana Ruiz')
    const laptop = await live.browser.newContext({ viewport: { width: 1366, height: 850 } })
    const family = await live.browser.newContext({ viewport: { width: 1280, height: 800 } })
    try {
      const board = await laptop.newPage()
      const meetingId = await openNewMeeting(board, live.server.url, EMAIL, 'Family meeting for Kai')
      const canvas = board.locator('.tl-canvas')
      await canvas.getByText('What are we worried about?', { exact: true }).first().waitFor({ timeout: 20_000 })

      const button = board.getByRole('button', { name: 'Meeting steps' })
      const panel = board.getByRole('complementary', { name: 'Meeting steps' })
      const next = panel.getByTestId('meeting-steps-next')
      await button.click()
      await panel.waitFor({ timeout: 5_000 })
      expect(await panel.evaluate((element) => element.contains(document.activeElement))).toBe(true)
      expect(await panel.locator('ol > li label').allInnerTexts()).toEqual(STEPS)
      expect(await next.innerText()).toBe(`Next: ${STEPS[0]}`)

      // Purpose and desired outcome live in Meeting details: the step opens it there.
      await panel.getByRole('button', { name: 'Write the purpose' }).click()
      await board.getByRole('dialog', { name: 'Meeting details for the case file' }).waitFor({ timeout: 5_000 })
      await waitFor(async () => (await board.evaluate(() => document.activeElement?.getAttribute('name'))) === 'purpose', {
        timeoutMs: 5_000,
        what: 'the keyboard on the purpose field',
      })
      await board.keyboard.press('Escape')

      // Who is in the family, and who helps them: both diagrams are offered at the network step.
      const network = panel.locator('ol > li').nth(4)
      expect(await network.getByRole('button').allInnerTexts()).toEqual(['Add the family tree', 'Add the family and network diagram'])
      await network.getByRole('button', { name: 'Add the family and network diagram' }).click()
      await canvas.getByText(zoneLabel('ecomap-network', 'en'), { exact: true }).first().waitFor({ timeout: 10_000 })
      // Back at that step later, the button shows the diagram that is there instead of adding another.
      const show = network.getByRole('button', { name: 'Show the family and network diagram' })
      await show.waitFor({ timeout: 5_000 })
      await show.click()
      await waitFor(async () => (await storedTemplates(meetingId)).includes('ecomap'), { timeoutMs: 5_000, what: 'the diagram on the server' })
      expect((await storedTemplates(meetingId)).filter((id) => id === 'ecomap')).toHaveLength(1)
      // The last step adds the two feedback boxes.
      await panel.getByRole('button', { name: 'Add the feedback boxes' }).click()
      await canvas.getByText(zoneLabel('feedback-helped', 'en'), { exact: true }).first().waitFor({ timeout: 10_000 })

      await panel.getByRole('checkbox', { name: STEPS[0] }).check()
      await waitFor(async () => (await next.innerText()) === `Next: ${STEPS[1]}`, { timeoutMs: 5_000, what: 'the next step named' })

      // The ticks stay in this browser for this meeting.
      await board.reload()
      await canvas.getByText('What are we worried about?', { exact: true }).first().waitFor({ timeout: 20_000 })
      await button.click()
      expect(await panel.getByRole('checkbox', { name: STEPS[0] }).isChecked()).toBe(true)
      expect(await next.innerText()).toBe(`Next: ${STEPS[1]}`)

      await board.keyboard.press('Escape')
      await panel.waitFor({ state: 'detached', timeout: 5_000 })
      expect(await button.evaluate((element) => element === document.activeElement)).toBe(true)

      const jess = await joinByInvite(live.server.url, worker.apiKey, meetingId, 'Jess')
      await family.addCookies([{ name: 'sm_session', value: jess.session, url: live.server.url }])
      const jessBoard = await family.newPage()
      await jessBoard.goto(`${live.server.url}/m/${meetingId}`)
      await jessBoard.getByRole('button', { name: 'Write a note' }).waitFor({ timeout: 20_000 })
      expect(await jessBoard.getByRole('button', { name: 'Meeting steps' }).count()).toBe(0)
    } finally {
      await family.close()
      await laptop.close()
    }
  }, 120_000)
})
