/**
 * A long note written away from the board (on a phone's list, here by a client of the relay) fits
 * its note on the facilitator's board as one typed there does: the note grows to hold the words,
 * instead of the words spilling over its zone's heading and the name under it, and the map's doc
 * holds that height, so the picture in the case file and where the next note goes follow it.
 */
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addItem, NOTE_SHAPE_TYPE, RECORDS_ARRAY_NAME } from '@safetymap/map-model'
import { connectPeer } from '../helpers/clients.ts'
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

describe('a long note written on a phone', () => {
  it('grows on the facilitator’s board to hold its words, and the map keeps that height', async () => {
    const { apiKey } = await workerWithPassword(live.server, 'ana.long@example.org', 'Ana Ruiz')
    const { context } = await recordingContext(live.browser, { viewport: { width: 1366, height: 850 } })
    const peer = { current: null as ReturnType<typeof connectPeer> | null }
    try {
      const page = await context.newPage()
      const meetingId = await openNewMeeting(page, live.server.url, 'ana.long@example.org', 'Long note')
      await page.locator('.tl-canvas').getByText('Strengths', { exact: true }).first().waitFor({ timeout: 30_000 })
      peer.current = connectPeer({ url: live.server.url, meetingId, token: apiKey })
      await peer.current.synced()
      const id = addItem(peer.current.doc, 'strengths', LONG, { id: 'p-lorna', name: 'Grandma Lorna' })

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
      await expect.poll(() => growYIn(peer.current!.doc, id), { timeout: 5_000 }).toBeGreaterThan(0)
    } finally {
      peer.current?.destroy()
      await context.close()
    }
  })
})
