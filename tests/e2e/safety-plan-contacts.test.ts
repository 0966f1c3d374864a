/**
 * A safety plan's phone numbers and contacts (map-model MM-35, safety-mapping §9) in a real
 * Chromium: a grandmother on her phone gives a number in the plan's contacts box, told first that
 * only the agency's workers will see it, and the form closes saying it was sent; the facilitator
 * adds one on the board with "Write a note". Both
 * show over the box on the facilitator's board marked "Restricted", and neither ever shows on her
 * phone nor reaches the shared map. A plain shared note put into the box by another client says,
 * on the board, that everyone can see it, and "Restrict this note" takes it out of the shared map.
 * That offer moves out from under tldraw's style panel when it opens, and it and the "Restrict this
 * note" of a note selected near it never stand on each other.
 */
import { describe, expect, it } from 'vitest'
import { devices, type Locator, type Page } from 'playwright-core'
import { addTemplateItem, readMap, readRecordMap, RECORDS_ARRAY_NAME, zoneLabel } from '@safetymap/map-model'
import * as Y from 'yjs'
import { api, connectPeer } from '../helpers/clients.ts'
import { recordingContext } from '../helpers/browser.ts'
import { overlaps } from '../helpers/boxes.ts'
import { clickWhereSeen, openNewMeeting, workerWithPassword } from '../helpers/meetingUi.ts'
import { joinOnPhone } from '../helpers/phoneJoin.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()
const CONTACTS = zoneLabel('safety-plan-contacts', 'en')

/** A facilitator's new meeting on a 1366 × 850 laptop, and a worker's client on the same map. */
async function facilitatorBoard(email: string) {
  const worker = await workerWithPassword(live.server, email, 'Ana Ruiz')
  const facilitator = await recordingContext(live.browser, { viewport: { width: 1366, height: 850 } })
  const board = await facilitator.context.newPage()
  const meetingId = await openNewMeeting(board, live.server.url, email, 'Contacts for Kai')
  const canvas = board.locator('.tl-canvas')
  await canvas.getByText('What are we worried about?', { exact: true }).first().waitFor({ timeout: 20_000 })
  const observer = connectPeer({ url: live.server.url, meetingId, token: worker.apiKey })
  return { worker, context: facilitator.context, board, canvas, meetingId, observer }
}

/** Places a safety plan from the board's tools. */
async function addSafetyPlan(board: Page, canvas: Locator): Promise<void> {
  await board.getByRole('button', { name: 'Add a template' }).click()
  await board.getByRole('menuitem', { name: 'Safety plan' }).click()
  await canvas.getByText(CONTACTS, { exact: true }).first().waitFor({ timeout: 10_000 })
}

/**
 * A plain shared note saying `text`, written in the plan's "if a rule is broken" box by another
 * client and moved `by` (page units) from where it was written: 640 down is the contacts box,
 * which spans the plan's width.
 */
function pushPlanNote(doc: Y.Doc, text: string, by: { readonly dx: number; readonly dy: number }): void {
  const placementId = readMap(doc).templates.find((t) => t.templateId === 'safety-plan')?.placementId ?? ''
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
  const noteId = addTemplateItem(scratch, placementId, 'safety-plan-if-broken', text, { id: 'w', name: 'Ana Ruiz' })
  const note = readRecordMap(scratch).get(noteId) as { x: number; y: number }
  scratch.destroy()
  doc.getArray(RECORDS_ARRAY_NAME).push([{ key: noteId, val: { ...note, x: note.x + by.dx, y: note.y + by.dy } }])
}

/** Pans the board with the mouse wheel until `target`'s top-left corner is within 4 px of `to`. */
async function panTo(board: Page, target: Locator, to: { readonly x: number; readonly y: number }): Promise<void> {
  const view = (await board.locator('.tl-container').boundingBox())!
  await board.mouse.move(view.x + 40, view.y + view.height / 2)
  await expect
    .poll(
      async () => {
        const at = (await target.boundingBox())!
        const off = Math.hypot(at.x - to.x, at.y - to.y)
        if (off > 4) await board.mouse.wheel(at.x - to.x, at.y - to.y)
        return off
      },
      { timeout: 5_000 },
    )
    .toBeLessThanOrEqual(4)
}

describe('safety plan contacts', () => {
  it('reach the facilitator’s board as restricted notes and never the family’s phone', async () => {
    const { worker, context, board, canvas, meetingId, observer } = await facilitatorBoard('ana.contacts@example.org')
    const phone = await live.browser.newContext({ ...devices['Pixel 7'], locale: 'en-US' })
    const sharedHolds = (text: string) => Buffer.from(Y.encodeStateAsUpdate(observer.doc)).includes(Buffer.from(text))
    try {
      await addSafetyPlan(board, canvas)

      const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meetingId}/invites`, { token: worker.apiKey, body: { role: 'editor' } })
      const url = new URL(invite.body.url)
      const page = await phone.newPage()
      await joinOnPhone(page, `${live.server.url}${url.pathname}${url.hash}`, 'Abuela Lorna')

      // On her phone: the form says who will see the number; her list never shows it.
      const box = page.locator('[data-testid="phone-template"][data-template="safety-plan"] [data-testid="phone-section"][data-section="safety-plan-contacts"]')
      await box.getByRole('heading', { name: CONTACTS }).waitFor({ timeout: 10_000 })
      await box.locator('.phone-add-open').tap()
      expect(await box.getByTestId('add-notice').innerText()).toBe('Only the agency’s workers will see this number. It will not show in your list.')
      const hers = 'Lorna mobile 555-0142'
      await box.locator('.phone-add textarea').fill(hers)
      await box.getByRole('button', { name: 'Add', exact: true }).tap()
      // Sent, the form closes and says so where she can see it (the number never shows in her list).
      await box.getByTestId('add-status').getByText('Sent. Only the agency’s workers will see this number.', { exact: true }).waitFor({ state: 'visible', timeout: 10_000 })
      expect(await box.locator('.phone-add textarea').count()).toBe(0)
      expect(await box.locator('.phone-add-open').evaluate((button) => button === document.activeElement)).toBe(true)
      await box.getByTestId('contacts-given').getByText('You gave 1 number or contact to the agency’s workers.').waitFor({ timeout: 10_000 })

      // On the board: "Write a note" offers the box as private; the note goes to the server, not the map.
      await board.getByRole('button', { name: 'Write a note' }).click()
      const dialog = board.getByRole('dialog', { name: 'Your note' })
      await dialog.getByLabel('Where does it go on the map?').selectOption({ label: `Safety plan: ${CONTACTS} (only the agency’s workers see it)` })
      const clinic = 'Clinic nurse 555-0199'
      await dialog.getByLabel('What do you want to say?').fill(clinic)
      await dialog.getByRole('button', { name: 'Save' }).click()

      const restricted = board.getByTestId('restricted-item')
      await restricted.filter({ hasText: clinic }).waitFor({ timeout: 10_000 })
      await restricted.filter({ hasText: hers }).waitFor({ timeout: 10_000 })
      expect(await restricted.filter({ hasText: clinic }).getByText('Restricted').count()).toBe(1)

      await observer.synced()
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(sharedHolds('555-0142') || sharedHolds('555-0199')).toBe(false)
      expect(readMap(observer.doc).templates.find((t) => t.templateId === 'safety-plan')?.sections['safety-plan-contacts']).toEqual([])
      const phoneText = await page.locator('body').innerText()
      expect(phoneText).not.toContain('555-0142')
      expect(phoneText).not.toContain('555-0199')

      // A plain note in the box (here from a client that moved one there) reaches everyone: the board says so and offers to restrict it.
      const dad = 'Dad 555-0177'
      pushPlanNote(observer.doc, dad, { dx: 0, dy: 640 })
      const warning = board.getByTestId('shared-in-workers-only-box')
      await warning.getByText('Everyone can see this note.', { exact: false }).waitFor({ timeout: 10_000 })
      await waitFor(() => sharedHolds(dad), { timeoutMs: 10_000, what: 'the drawn note in the shared map' })
      // With the mouse: the offer stands clear of tldraw's toolbar, also at the foot of the view.
      await clickWhereSeen(board, warning.getByRole('button', { name: 'Restrict this note' }))
      await clickWhereSeen(board, warning.getByRole('button', { name: 'Yes, restrict it' }))
      await restricted.filter({ hasText: dad }).waitFor({ timeout: 10_000 })
      await waitFor(() => readMap(observer.doc).templates.every((t) => (t.sections['safety-plan-contacts'] ?? []).length === 0), { timeoutMs: 10_000, what: 'the drawn note to leave the shared map' })
      expect(await warning.count()).toBe(0)
    } finally {
      observer.destroy()
      await phone.close()
      await context.close()
    }
  }, 120_000)

  it('offers to restrict stand clear of tldraw’s style panel when it opens, and of each other', async () => {
    const { context, board, canvas, observer } = await facilitatorBoard('ana.offers@example.org')
    try {
      await addSafetyPlan(board, canvas)
      await observer.synced()
      const dad = 'Dad 555-0177'
      pushPlanNote(observer.doc, dad, { dx: 0, dy: 640 })
      const offer = board.getByTestId('shared-in-workers-only-box')
      await offer.waitFor({ timeout: 10_000 })
      const notes = board.locator('.tl-shape[data-shape-type="note"]')
      const view = (await board.locator('.tl-container').boundingBox())!

      // The note high on the right: its offer stands under it, where tldraw's style panel comes up for a drawing tool.
      await panTo(board, notes.filter({ hasText: dad }), { x: view.x + 700, y: view.y + 50 })
      await board.getByTestId('tools.draw').click()
      const stylePanel = board.getByTestId('style.panel')
      await stylePanel.waitFor({ timeout: 5_000 })
      await expect.poll(async () => overlaps(await offer.boundingBox(), await stylePanel.boundingBox()), { timeout: 3_000 }).toBe(false)
      await clickWhereSeen(board, offer.getByRole('button', { name: 'Restrict this note' }))
      await clickWhereSeen(board, offer.getByRole('button', { name: 'Cancel' }))

      // The note low in the view: its offer stands above it, just under another note, where that
      // note's own "Restrict this note" would go once it is selected.
      await board.getByTestId('tools.select').click()
      pushPlanNote(observer.doc, 'Uncle nearby', { dx: 450, dy: 0 })
      const uncle = notes.filter({ hasText: 'Uncle nearby' })
      // Off the view for now, so tldraw does not draw it yet.
      await uncle.waitFor({ state: 'attached', timeout: 10_000 })
      await panTo(board, notes.filter({ hasText: dad }), { x: view.x + 518, y: view.y + 508 })
      await uncle.click()
      const restrict = board.locator('.sm-restrict-action').filter({ hasNotText: 'Everyone can see this note.' })
      await restrict.waitFor({ timeout: 5_000 })
      await expect.poll(async () => overlaps(await offer.boundingBox(), await restrict.boundingBox()), { timeout: 3_000 }).toBe(false)
      await clickWhereSeen(board, restrict.getByRole('button', { name: 'Restrict this note' }))
      await restrict.getByRole('button', { name: 'Yes, restrict it' }).waitFor({ timeout: 5_000 })
    } finally {
      observer.destroy()
      await context.close()
    }
  }, 120_000)
})
