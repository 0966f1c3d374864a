/**
 * The facilitator's laptop on a room projector (1366×768) in a real Chromium: a statement
 * builder's Save stays in sight while its fields scroll; in present mode the names under notes
 * read in full from across the room rather than as "A…", yet never print over the name of the note
 * beside them, and neither "Restrict this note" nor a
 * restricted note shows over the map; a restricted note's badge and words fit its square as she
 * zooms, and "Restrict this note" stays clickable for a note at the foot of the canvas; present mode steps through the map one readable part at a
 * time, a column too tall to read whole section by section, and stops naming a part once the view
 * is moved by hand; in Spanish, and while someone waits in the lobby, the meeting bar keeps to one row.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addItem } from '@safetymap/map-model'
import { connectPeer } from '../helpers/clients.ts'
import { recordingContext } from '../helpers/browser.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { inviteAndJoin } from '../helpers/accessClients.ts'
import { addNoteUnder, clickWhereSeen, openNewMeeting, workerWithPassword } from '../helpers/meetingUi.ts'

const PROJECTOR = { width: 1366, height: 768 }

const live = useServerAndChromium()

/** A new worker's page, at projector size, on a new meeting's live canvas; with what the API needs to invite to it. */
async function facilitatorOnProjector(email: string): Promise<{ page: Page; meetingId: string; apiKey: string }> {
  const { apiKey } = await workerWithPassword(live.server, email, 'Ana Ruiz')
  const { context } = await recordingContext(live.browser, { viewport: PROJECTOR })
  const page = await context.newPage()
  const meetingId = await openNewMeeting(page, live.server.url, email, 'Family meeting for Kai')
  await page.locator('.tl-canvas').getByText('Strengths', { exact: true }).first().waitFor({ timeout: 30_000 })
  await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live')
  return { page, meetingId, apiKey }
}

/** Selects the note that says `text`; Escape in the canvas first: a click on a note that is still selected would start editing it. */
async function selectNoteSaying(page: Page, text: string): Promise<void> {
  await page.locator('.tl-container').focus()
  await page.keyboard.press('Escape')
  await page.locator('.tl-canvas').getByText(text).first().click()
}

/**
 * Zooms the canvas with tldraw's shortcuts to 100 %, then halves it `halvings` times, each step
 * once the last has settled (tldraw zooms out from where an animation is); `side` is how wide
 * something 200 units across shows.
 */
async function zoomTo(page: Page, halvings: number, side: () => Promise<number>): Promise<void> {
  await page.locator('.tl-container').focus()
  await page.keyboard.press('Escape')
  await page.keyboard.press('Shift+0')
  await expect.poll(side, { timeout: 5_000 }).toBe(200)
  for (let i = 1; i <= halvings; i++) {
    await page.keyboard.press('-')
    await expect.poll(side, { timeout: 5_000 }).toBe(200 / 2 ** i)
  }
}

/** How a restricted note's badge and words sit in its square on screen. */
function restrictedNoteLayout(page: Page, text: string) {
  return page
    .getByTestId('restricted-item')
    .filter({ hasText: text })
    .evaluate((note) => {
      const box = note.getBoundingClientRect()
      const badge = note.querySelector('.sm-restricted-badge')!
      const words = note.querySelector<HTMLElement>('.sm-restricted-text')!
      const lines = (element: Element) => {
        const range = document.createRange()
        range.selectNodeContents(element)
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      }
      const inside = (element: Element) => {
        const r = element.getBoundingClientRect()
        return r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5
      }
      return {
        side: Math.round(box.width),
        square: Math.abs(box.width - box.height) < 1,
        badgeLines: lines(badge),
        badgeInside: inside(badge),
        wordsInside: inside(words),
        wordsWhole: words.scrollHeight <= words.clientHeight + 0.5,
        wordsPx: parseFloat(getComputedStyle(words).fontSize),
      }
    })
}

describe('on a 1366×768 projector', () => {
  it('keeps Save in sight in the danger statement builder, whose fields scroll', async () => {
    const { page } = await facilitatorOnProjector('ana.projector.save@example.org')
    try {
      await page.getByRole('button', { name: 'Add a danger statement' }).click()
      const dialog = page.getByRole('dialog', { name: 'Danger statement' })
      await dialog.getByLabel('Who is worried?').fill('Grandma Lorna and the school')
      expect(await dialog.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
      // Without scrolling, Save and Cancel are inside the dialog's visible area.
      const inSight = () =>
        dialog.evaluate((el) => {
          const box = el.getBoundingClientRect()
          return [...el.querySelectorAll('.sm-builder__actions button')].map((b) => {
            const r = b.getBoundingClientRect()
            return r.top >= box.top && r.bottom <= box.bottom && r.bottom <= window.innerHeight
          })
        })
      expect(await inSight()).toEqual([true, true])
      // Also when the keyboard is half way down the fields.
      await dialog.getByLabel('When does it happen?').focus()
      expect(await inSight()).toEqual([true, true])
    } finally {
      await page.context().close()
    }
  })

  it('shows the whole name under a note in present mode', async () => {
    const { page } = await facilitatorOnProjector('ana.projector.names@example.org')
    try {
      await addNoteUnder(page, 'Strengths', 'Grandma Lorna picks Kai up from school')
      await page.getByRole('button', { name: 'Present mode' }).click()
      const name = page.locator('.sm-note-attribution__name').first()
      await expect.poll(() => name.evaluate((el) => getComputedStyle(el).fontSize), { timeout: 5_000 }).toBe('20px')
      expect(await name.innerText()).toBe('Ana Ruiz')
      // Not cut to "A…": the whole name fits in the box it is drawn in, centred under its note.
      expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
      const note = await page.locator('.tl-canvas').getByText('Grandma Lorna picks Kai up from school').first().boundingBox()
      const label = await name.boundingBox()
      expect(Math.abs(label!.x + label!.width / 2 - (note!.x + note!.width / 2))).toBeLessThan(20)
    } finally {
      await page.context().close()
    }
  })

  it('keeps the names under two notes side by side apart in present mode, cutting them rather than printing one over the other', async () => {
    const { page, meetingId, apiKey } = await facilitatorOnProjector('ana.projector.two-names@example.org')
    const family = connectPeer({ url: live.server.url, meetingId, token: apiKey })
    try {
      await family.synced()
      addItem(family.doc, 'strengths', 'Grandma Carmen picks the children up from school every day', { id: 'p-maria', name: 'María José Ortega' })
      addItem(family.doc, 'strengths', 'I can look after Lucía and Mateo at weekends', { id: 'p-carmen', name: 'Carmen Díaz' })
      await page.getByRole('button', { name: 'Present mode' }).click()
      const names = page.locator('.sm-note-attribution__name')
      await expect.poll(() => names.count(), { timeout: 10_000 }).toBe(2)
      // Smaller than a lone name's 20 px where the notes sit close, so more of each name fits than "M…".
      await expect.poll(() => names.first().evaluate((el) => getComputedStyle(el).fontSize), { timeout: 5_000 }).not.toBe('20px')
      expect(await names.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(11)
      const [first, second] = [(await names.nth(0).boundingBox())!, (await names.nth(1).boundingBox())!]
      expect(Math.abs(first.y - second.y), 'the two notes sit side by side').toBeLessThan(5)
      const [left, right] = first.x < second.x ? [first, second] : [second, first]
      expect(left.x + left.width, 'the left name ends before the right one starts').toBeLessThanOrEqual(right.x)
      // Zoomed in on the strengths, the names have room again: larger, and whole.
      const part = page.getByTestId('present-part')
      for (let step = 0; step < 12 && !/· Strengths$/.test(await part.innerText()); step++) await page.getByRole('button', { name: 'Next part' }).click()
      expect(await part.innerText()).toMatch(/: What’s working well\? · Strengths$/)
      await expect.poll(() => names.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize)), { timeout: 5_000 }).toBeGreaterThanOrEqual(14)
      expect(await names.allInnerTexts()).toEqual(expect.arrayContaining(['María José Ortega', 'Carmen Díaz']))
      expect(await names.evaluateAll((els) => els.every((el) => el.scrollWidth <= el.clientWidth))).toBe(true)
    } finally {
      family.destroy()
      await page.context().close()
    }
  })

  it('does not float "Restrict this note" over the map in present mode, nor show a restricted note there, and brings both back after', async () => {
    const { page } = await facilitatorOnProjector('ana.projector.restrict@example.org')
    try {
      const text = 'Dad shouts when he is tired'
      await addNoteUnder(page, 'Strengths', text)
      const restrict = page.getByRole('button', { name: 'Restrict this note' })
      const present = page.getByRole('button', { name: 'Present mode' })
      const selectNote = () => selectNoteSaying(page, text)
      await selectNote()
      await restrict.waitFor({ timeout: 5_000 })
      await present.click()
      await selectNote()
      // Selected on the projector (tldraw's style panel shows for it), but nothing floats over the map for the room to read.
      await page.locator('.tlui-style-panel').waitFor({ timeout: 5_000 })
      await page.waitForTimeout(300)
      expect(await restrict.isVisible()).toBe(false)
      await present.click()
      await selectNote()
      await restrict.waitFor({ timeout: 5_000 })

      // Once restricted, the note stays on her own screen with its badge, but never on the projected one.
      await restrict.click()
      await page.getByRole('button', { name: 'Yes, restrict it' }).click()
      const restricted = page.getByTestId('restricted-item').filter({ hasText: text })
      await restricted.waitFor({ timeout: 10_000 })
      await present.click()
      await expect.poll(() => restricted.isVisible(), { timeout: 5_000 }).toBe(false)
      await present.click()
      await restricted.waitFor({ timeout: 5_000 })
    } finally {
      await page.context().close()
    }
  })

  it('fits a restricted note’s badge and words in its square at 50 % and 25 %, in Spanish too, and reads them whole at 100 %', async () => {
    const { page } = await facilitatorOnProjector('ana.projector.badge@example.org')
    try {
      const text = 'Dad shouts when he is tired after night shifts, and the children hide upstairs'
      await addNoteUnder(page, 'Strengths', text)
      await selectNoteSaying(page, text)
      await page.getByRole('button', { name: 'Restrict this note' }).click()
      await page.getByRole('button', { name: 'Yes, restrict it' }).click()
      await page.getByTestId('restricted-item').filter({ hasText: text }).waitFor({ timeout: 10_000 })
      // "RESTRINGIDO", the longer badge.
      await page.getByRole('button', { name: 'Español, ES' }).click()
      await page.getByTestId('restricted-item').getByText('Restringido').waitFor({ timeout: 5_000 })
      for (const halvings of [1, 2, 0]) {
        const side = 200 / 2 ** halvings
        await zoomTo(page, halvings, async () => (await restrictedNoteLayout(page, text)).side)
        const layout = await restrictedNoteLayout(page, text)
        expect(layout, `at ${side / 2} %`).toMatchObject({ square: true, badgeLines: 1, badgeInside: true, wordsInside: true })
        // At 100 % the note reads as tldraw's own notes do: all of it, in type large enough to read.
        if (side === 200) {
          expect(layout.wordsWhole).toBe(true)
          expect(layout.wordsPx).toBeGreaterThanOrEqual(16)
        }
      }
    } finally {
      await page.context().close()
    }
  })

  it('offers "Restrict this note" where a mouse can click it for a note just above tldraw’s toolbar', async () => {
    const { page } = await facilitatorOnProjector('ana.projector.restrictlow@example.org')
    try {
      const text = 'Mum sleeps in the car'
      await addNoteUnder(page, 'Strengths', text)
      // Move the map by hand until the note stands just above the toolbar, at the foot of the canvas.
      const note = page.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: text })
      const toolbar = (await page.locator('.tlui-main-toolbar__inner').boundingBox())!
      const canvas = (await page.locator('.tl-canvas').boundingBox())!
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2)
      const box = (await note.boundingBox())!
      await page.mouse.wheel(box.x + box.width / 2 - (toolbar.x + toolbar.width / 2), box.y + box.height - (toolbar.y - 8))
      await expect.poll(async () => Math.round((await note.boundingBox())!.y + (await note.boundingBox())!.height), { timeout: 5_000 }).toBe(Math.round(toolbar.y - 8))

      await selectNoteSaying(page, text)
      await clickWhereSeen(page, page.getByRole('button', { name: 'Restrict this note' }))
      await clickWhereSeen(page, page.getByRole('button', { name: 'Yes, restrict it' }))
      await page.getByTestId('restricted-item').filter({ hasText: text }).waitFor({ timeout: 10_000 })
    } finally {
      await page.context().close()
    }
  })

  it('shows one part of the map at a time in present mode, large enough to read, and all of it again after', async () => {
    const { page } = await facilitatorOnProjector('ana.projector.parts@example.org')
    try {
      const part = page.getByTestId('present-part')
      const headingHeight = (name: string) =>
        page.getByTestId('sm-zone-heading').filter({ hasText: name }).first().evaluate((el) => el.getBoundingClientRect().height)
      await page.getByRole('button', { name: 'Present mode' }).click()
      expect(await part.innerText()).toBe('1 of 12: The whole map')
      // The whole map on a projector: column headings too small to read across the room.
      await expect.poll(() => headingHeight('What are we worried about?'), { timeout: 5_000 }).toBeLessThan(18)
      const whole = await headingHeight('What are we worried about?')

      await page.getByRole('button', { name: 'Next part' }).click()
      expect(await part.innerText()).toBe('2 of 12: What are we worried about?')
      expect(await headingHeight('What are we worried about?')).toBeGreaterThanOrEqual(18)
      // On screen in full, within the canvas.
      const canvas = (await page.locator('.tl-canvas').boundingBox())!
      const heading = (await page.getByTestId('sm-zone-heading').filter({ hasText: 'What are we worried about?' }).first().boundingBox())!
      expect(heading.y).toBeGreaterThanOrEqual(canvas.y)
      expect(heading.y + heading.height).toBeLessThanOrEqual(canvas.y + canvas.height)
      expect(heading.x).toBeGreaterThanOrEqual(canvas.x)
      expect(heading.x + heading.width).toBeLessThanOrEqual(canvas.x + canvas.width)

      // A clicker's PageDown and PageUp step the same way.
      await page.keyboard.press('PageDown')
      expect(await part.innerText()).toBe('3 of 12: What are we worried about? · Harm')
      expect(await headingHeight('Harm')).toBeGreaterThanOrEqual(18)
      await page.keyboard.press('PageUp')
      expect(await part.innerText()).toBe('2 of 12: What are we worried about?')

      const previous = page.getByRole('button', { name: 'Previous part' })
      await previous.click()
      expect(await part.innerText()).toBe('1 of 12: The whole map')
      expect(await headingHeight('What are we worried about?')).toBeCloseTo(whole, 0)
      // At the first part "Previous part" says it does nothing more, and keeps the keyboard.
      expect(await previous.getAttribute('aria-disabled')).toBe('true')
      await previous.press('Enter')
      expect(await part.innerText()).toBe('1 of 12: The whole map')
      expect(await previous.evaluate((button) => button === document.activeElement)).toBe(true)

      // Leaving present mode from a part: the whole map again, every column heading in sight.
      await page.getByRole('button', { name: 'Next part' }).click()
      await page.getByRole('button', { name: 'Present mode' }).click()
      expect(await part.count()).toBe(0)
      await expect.poll(() => headingHeight('What are we worried about?'), { timeout: 5_000 }).toBeLessThan(18)
      const after = (await page.locator('.tl-canvas').boundingBox())!
      for (const box of await page.getByTestId('sm-zone-heading').evaluateAll((list) => list.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.left).toBeGreaterThanOrEqual(after.x)
        expect(box.right).toBeLessThanOrEqual(after.x + after.width)
        expect(box.bottom).toBeLessThanOrEqual(after.y + after.height)
      }
    } finally {
      await page.context().close()
    }
  })

  it('goes through each section of a column too tall to read whole, and stops naming a part once she moves the map by hand', async () => {
    const { page } = await facilitatorOnProjector('ana.projector.sections@example.org')
    try {
      const part = page.getByTestId('present-part')
      const next = page.getByRole('button', { name: 'Next part' })
      /** A heading's box on screen, found by its whole text. */
      const heading = async (name: string) =>
        (await page.getByTestId('sm-zone-heading').filter({ hasText: new RegExp(`^${name.replace(/[?()]/g, '\\$&')}$`) }).first().boundingBox())!
      await page.getByRole('button', { name: 'Present mode' }).click()
      expect(await part.innerText()).toBe('1 of 12: The whole map')
      await expect.poll(async () => (await page.locator('.tl-canvas').boundingBox())!.width, { timeout: 5_000 }).toBe(1366)
      const canvas = (await page.locator('.tl-canvas').boundingBox())!

      // Each column is too tall for 768 px: Next alone shows its heading, then each of its sections, read from across the room.
      const steps: [column: string, section: string | null][] = [
        ['What are we worried about?', null],
        ['What are we worried about?', 'Harm'],
        ['What are we worried about?', 'Danger statements'],
        ['What are we worried about?', 'Complicating factors'],
        ['What’s working well?', null],
        ['What’s working well?', 'Strengths'],
        ['What’s working well?', 'Existing safety'],
        ['What needs to happen?', null],
        ['What needs to happen?', 'Safety goals'],
        ['What needs to happen?', 'Next steps'],
      ]
      for (const [i, [column, section]] of steps.entries()) {
        await next.click()
        expect(await part.innerText()).toBe(`${i + 2} of 12: ${column}${section ? ` · ${section}` : ''}`)
        const box = await heading(section ?? column)
        expect(box.height, section ?? column).toBeGreaterThanOrEqual(18)
        expect(box.y).toBeGreaterThanOrEqual(canvas.y)
        expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height)
        if (section) {
          // The section in sight down to its last row of notes (at 747 of a two-section column's 850 units).
          const zone = (await page.locator('.sm-zone').filter({ has: page.getByTestId('sm-zone-heading').filter({ hasText: section }) }).first().boundingBox())!
          const inSight = Math.min(zone.y + zone.height, canvas.y + canvas.height) - Math.max(zone.y, canvas.y)
          expect(inSight / zone.height, section).toBeGreaterThanOrEqual(0.88)
        }
      }

      // She scrolls the map by hand, straight after the button and without clicking the map first: the
      // map moves, the status no longer claims that part, the button keeps the keyboard, and Next goes on from it.
      const previous = page.getByRole('button', { name: 'Previous part' })
      await previous.click()
      expect(await part.innerText()).toBe('10 of 12: What needs to happen? · Safety goals')
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2)
      await page.mouse.wheel(0, 200)
      await expect
        .poll(() => part.innerText(), { timeout: 5_000 })
        .toBe('You moved the map. “Next part” goes on from: What needs to happen? · Safety goals')
      expect(await previous.evaluate((button) => button === document.activeElement)).toBe(true)
      await next.click()
      expect(await part.innerText()).toBe('11 of 12: What needs to happen? · Next steps')
      expect((await heading('Next steps')).height).toBeGreaterThanOrEqual(18)
    } finally {
      await page.context().close()
    }
  })

  it('keeps the meeting bar to one row in Spanish, also while someone waits in the lobby, with whole words and full-size buttons', async () => {
    const { page, meetingId, apiKey } = await facilitatorOnProjector('ana.projector.spanish@example.org')
    try {
      const bar = page.locator('.meeting-bar')
      const english = (await bar.boundingBox())!.height
      const expectOneRow = async (when: string) => {
        // As low as in English with nobody waiting: the map keeps its height.
        expect((await bar.boundingBox())!.height, when).toBe(english)
        const items = await bar.evaluate((el) =>
          [...el.children].map((child) => {
            const r = child.getBoundingClientRect()
            return { top: r.top, bottom: r.bottom }
          }),
        )
        const first = items[0]!
        expect(items.every((item) => item.top < first.bottom && item.bottom > first.top), when).toBe(true)
        // No button's words are cut, and each is still a full touch target.
        const buttons = await bar.locator('button').evaluateAll((list) =>
          list.map((b) => ({ text: b.textContent, cut: b.scrollWidth > b.clientWidth, height: b.getBoundingClientRect().height })),
        )
        expect(buttons.filter((b) => b.cut || b.height < 44), when).toEqual([])
        // Nor the meeting's name, which is not squeezed to make room.
        expect(await bar.locator('h1').evaluate((el) => el.scrollWidth <= el.clientWidth), when).toBe(true)
      }
      await page.getByRole('button', { name: 'Español, ES' }).click()
      await page.getByRole('button', { name: 'Exportar' }).waitFor({ timeout: 5_000 })
      await expectOneRow('in Spanish')

      // Someone waits in the lobby: the "Who's here" button says so, in more words.
      await inviteAndJoin(live.server.url, apiKey, meetingId, { name: 'Uncle Tom', kind: 'shared', lobby: true })
      await bar.getByRole('button', { name: /^Quién está aquí \(1\) · 1 / }).waitFor({ timeout: 10_000 })
      await expectOneRow('in Spanish, one waiting')
      await page.getByRole('button', { name: 'English, EN' }).click()
      await bar.getByRole('button', { name: /^Who's here \(1\) · 1 / }).waitFor({ timeout: 5_000 })
      await expectOneRow('in English, one waiting')
    } finally {
      await page.context().close()
    }
  })
})
