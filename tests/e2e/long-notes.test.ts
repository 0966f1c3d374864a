/**
 * Long words on the facilitator's board. A long note written away from the board (on a phone's
 * list, here by a client of the relay) fits its note as one typed there does: the note grows to
 * hold the words, instead of the words spilling over its zone's heading and the name under it, and
 * the map's doc holds that height, so the picture in the case file and where the next note goes
 * follow it. A long danger statement is set smaller to fit its card, not cut off mid-sentence, and
 * a short card's words are larger in present mode.
 */
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addDangerStatement, addItem, addSafetyGoal, NOTE_SHAPE_TYPE, RECORDS_ARRAY_NAME } from '@safetymap/map-model'
import type { Page } from 'playwright-core'
import { connectPeer, type Peer } from '../helpers/clients.ts'
import { recordingContext } from '../helpers/browser.ts'
import { openNewMeeting, workerWithPassword } from '../helpers/meetingUi.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()
const LONG =
  'Grandma Lorna picks Kai up from school every weekday, stays with him until his mother gets home from the night shift, and calls the social worker if anything worries her about the evening'

/** The note's growY as the map's doc holds it (the records array's last entry for it wins). */
function growYIn(doc: Y.Doc, id: string): number {
  const entries = doc.getArray<{ key: string; val: { type?: string; props?: { growY?: number } } }>(RECORDS_ARRAY_NAME).toArray()
  const record = entries.findLast((entry) => entry.key === id)
  return record?.val.type === NOTE_SHAPE_TYPE ? (record.val.props?.growY ?? 0) : -1
}

/**
 * A new meeting's board on a laptop, and a client of the relay writing to the same map (as a
 * phone's list does); `use` runs with both, which are closed after.
 */
async function withBoardAndPhone(email: string, use: (page: Page, phone: Peer) => Promise<void>): Promise<void> {
  const { apiKey } = await workerWithPassword(live.server, email, 'Ana Ruiz')
  const { context } = await recordingContext(live.browser, { viewport: { width: 1366, height: 850 } })
  let phone: Peer | null = null
  try {
    const page = await context.newPage()
    const meetingId = await openNewMeeting(page, live.server.url, email, 'Family meeting for Kai')
    await page.locator('.tl-canvas').getByText('Strengths', { exact: true }).first().waitFor({ timeout: 30_000 })
    phone = connectPeer({ url: live.server.url, meetingId, token: apiKey })
    await phone.synced()
    await use(page, phone)
  } finally {
    phone?.destroy()
    await context.close()
  }
}

describe('a long note written on a phone', () => {
  it('grows on the facilitator’s board to hold its words, and the map keeps that height', async () => {
    await withBoardAndPhone('ana.long@example.org', async (page, phone) => {
      const id = addItem(phone.doc, 'strengths', LONG, { id: 'p-lorna', name: 'Grandma Lorna' })

      const note = page.locator(`.tl-shape[data-shape-id="${id}"]`)
      await note.getByText(LONG).waitFor({ timeout: 10_000 })
      // Its words stand inside the note, not above or below it.
      await expect
        .poll(() => note.evaluate((el) => {
          const box = el.getBoundingClientRect()
          const words = el.querySelector('.tl-rich-text')!.getBoundingClientRect()
          return words.top >= box.top - 1 && words.bottom <= box.bottom + 1
        }), { timeout: 5_000 })
        .toBe(true)
      // The board wrote the height back, so the relay's other clients hold it too.
      await expect.poll(() => growYIn(phone.doc, id), { timeout: 5_000 }).toBeGreaterThan(0)
    })
  })
})

describe('a long danger statement', () => {
  it('is set smaller to fit its card, every word of it, on the board and on a projector, instead of being cut off', async () => {
    await withBoardAndPhone('ana.longstatement@example.org', async (page, phone) => {
      // The domain guide's "stronger" statement, with one more situation: about 480 characters.
      const worry = addDangerStatement(
        phone.doc,
        {
          whoIsWorried: 'The social worker and Grandma Lorna',
          situations: 'on days when Jess feels very low, and on the nights after her late shifts at the warehouse',
          behaviour: 'she stays in bed until the afternoon, so Kai misses breakfast and school and has twice gone out to the street on his own to find food',
          impactOnChild: 'Kai could be hurt by traffic or fall behind at school',
          whoDisagrees: 'Jess agrees about the missed school days but does not think Kai has been outside alone',
        },
        { id: 'w-ana', name: 'Ana Ruiz' },
      )
      const noOtherSlots = { childWillExperience: '', whoIsInvolved: '', forHowLong: '', howEveryoneWillKnow: '' }
      addSafetyGoal(phone.doc, { ...noOtherSlots, caregiversWillBeDoing: 'An adult is with Kai every night', dangerStatementId: worry }, { id: 'w-ana', name: 'Ana Ruiz' })
      const sentence = page.getByTestId('sm-card-danger').locator('.sm-card__sentence')
      await sentence.getByText(/does not think Kai has been outside alone/).waitFor({ timeout: 10_000 })
      await expect.poll(() => sentence.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), { timeout: 5_000 }).toBe(true)
      const size = await sentence.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(size).toBeLessThan(18)
      expect(size).toBeGreaterThanOrEqual(18 * 0.6)
      // A short one keeps the card's full type.
      const short = page.getByTestId('sm-card-goal').locator('.sm-card__sentence')
      await short.getByText(/An adult is with Kai every night/).waitFor({ timeout: 10_000 })
      expect(await short.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBe(18)

      // On a projector the type is larger, and the long one is fitted again to the card.
      await page.getByRole('button', { name: 'Present mode' }).click()
      await expect.poll(() => short.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)), { timeout: 5_000 }).toBe(27)
      await expect.poll(() => sentence.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), { timeout: 5_000 }).toBe(true)
    })
  })
})

