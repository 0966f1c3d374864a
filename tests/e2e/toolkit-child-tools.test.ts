/**
 * The child tools and scale ends in a real Chromium (map-model MM-30, MM-32, MM-34): the
 * facilitator creates a meeting that starts with a Safety House from the new-meeting form, says
 * what 0 and 10 mean on the path to the door, and, sitting with Kai, puts Kai's mark on the path
 * in Kai's own words. A Node y-websocket peer reads it all back through `readMap`.
 */
import { describe, expect, it } from 'vitest'
import { readMap } from '@safetymap/map-model'
import { connectPeer, joinByInvite } from '../helpers/clients.ts'
import { foreignHosts, recordingContext } from '../helpers/browser.ts'
import { TEST_PASSWORD, workerWithPassword } from '../helpers/meetingUi.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()

const KAI_WORDS = 'when Nana is there I feel safe, not when the door is locked'

describe('the Safety House path as the child’s scale', () => {
  it('starts a meeting with a Safety House, words the ends of the path, and puts the child’s mark on it', async () => {
    const worker = await workerWithPassword(live.server, 'ana.child@example.org', 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser)
    try {
      const page = await facilitator.context.newPage()
      await page.goto(live.server.url)
      await page.getByLabel('Email').fill('ana.child@example.org')
      await page.getByLabel('Password').fill(TEST_PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.getByLabel('Meeting name').fill('Kai and the Safety House')
      // Three Houses would ask which parent agreed; the Safety House does not.
      await page.getByLabel('What to start with').selectOption({ label: 'Three Houses' })
      await page.getByLabel('Which parent agreed to using Three Houses?').waitFor()
      await page.getByLabel('What to start with').selectOption({ label: 'Safety House' })
      expect(await page.getByLabel('Which parent agreed to using Three Houses?').count()).toBe(0)
      await page.getByRole('button', { name: 'Create meeting' }).click()
      await page.waitForURL(/\/m\/[\w-]+$/)
      const meetingId = new URL(page.url()).pathname.split('/').pop() ?? ''

      const observer = connectPeer({ url: live.server.url, meetingId, token: worker.apiKey })
      try {
        await observer.synced()
        const house = () => readMap(observer.doc).templates.find((t) => t.templateId === 'safety-house')
        expect(house()?.path?.marks).toEqual([])
        const kai = await joinByInvite(live.server.url, worker.apiKey, meetingId, 'Kai')

        const canvas = page.locator('.tl-canvas')
        await canvas.getByText('What are we worried about?', { exact: true }).first().waitFor({ timeout: 30_000 })
        await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live')

        // What the ends of the path mean, 10 first.
        await page.getByRole('button', { name: 'What 0 and 10 mean' }).click()
        const ends = page.getByRole('dialog', { name: 'What 0 and 10 mean' })
        await ends.getByLabel('Which line?').selectOption({ label: 'Path to the door' })
        await ends.getByLabel('10 means…', { exact: true }).fill('I feel totally safe')
        await ends.getByLabel('0 means…', { exact: true }).fill('I feel really scared')
        await ends.getByRole('button', { name: 'Save' }).click()
        await waitFor(() => house()?.path?.ends?.ten === 'I feel totally safe', { timeoutMs: 10_000, what: 'the ends in the doc' })
        expect(house()?.path?.ends).toEqual({ zero: 'I feel really scared', ten: 'I feel totally safe' })
        await page.keyboard.press('Shift+1')
        await expect.poll(() => canvas.getByTestId('sm-scale-ends').allInnerTexts(), { timeout: 10_000 }).toContainEqual(
          expect.stringContaining('0 = I feel really scared'),
        )

        // Sitting with Kai, the facilitator puts Kai's mark on the path in Kai's words.
        await page.getByRole('button', { name: 'Give your rating' }).click()
        const rating = page.getByRole('dialog', { name: 'Your rating' })
        await rating.getByLabel('What are you rating?').selectOption({ label: 'Path to the door' })
        await expect.poll(() => rating.getByLabel('Whose number is this?').locator('option', { hasText: 'Kai' }).count(), { timeout: 10_000 }).toBe(1)
        await rating.getByLabel('Whose number is this?').selectOption({ label: 'Kai' })
        await rating.getByLabel('Your number, from 0 to 10').fill('8')
        await rating.getByLabel('What makes it this high?').fill(KAI_WORDS)
        await rating.getByRole('button', { name: 'Save' }).click()

        await waitFor(() => house()?.path?.marks.length === 1, { timeoutMs: 10_000, what: 'Kai’s mark on the path' })
        expect(house()!.path!.marks[0]).toMatchObject({ participantId: kai.participantId, participantName: 'Kai', value: 8, whatMakesItThisHigh: KAI_WORDS })
        // The path is the Safety House's, not one of the map's scales.
        expect(readMap(observer.doc).scales).toEqual([])
        await expect.poll(() => canvas.getByTestId('sm-scaling-mark').allInnerTexts(), { timeout: 10_000 }).toContainEqual(
          expect.stringContaining('Path to the door'),
        )
      } finally {
        observer.destroy()
      }
      expect(foreignHosts(facilitator.requests, new URL(live.server.url).host)).toEqual([])
    } finally {
      await facilitator.context.close()
    }
  })
})
