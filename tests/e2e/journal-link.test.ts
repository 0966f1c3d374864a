/**
 * A journal link in a real Chromium: the facilitator makes one for "Grandma Lorna" from the board's
 * "Who's here" panel and sees until when it works. On a 360×640 phone, Lorna opens it, is asked
 * who she is but not how she takes part in a meeting, and lands on the safety journal alone —
 * titled for the meeting, no board, every control at least 44 px, nothing wider than the screen —
 * and told until when her link works — and writes how the visit went (offline, her next entry is kept
 * and she is told to send it again, and the page does not say she may only read); the same link opened again
 * takes her back to the journal, and once her way in is gone the page tells her to ask for a new
 * link. The facilitator sees until when her link works beside her name, and reads her entry, with
 * her name, in the board's journal.
 */
import { describe, expect, it } from 'vitest'
import { recordingContext } from '../helpers/browser.ts'
import { openNewMeeting, workerWithPassword } from '../helpers/meetingUi.ts'
import { joinAs } from '../helpers/phoneJoin.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()
const WORDS = 'Saturday visit was calm. Kai ate well and Jess left on time, as the plan says.'
const LATER_WORDS = 'Sunday: Jess phoned Kai at bedtime.'

describe('a journal link', () => {
  it('is made for Grandma Lorna on the board, opens only the journal on her phone, and her entry shows on the board with her name', async () => {
    const email = 'ana.journal-link@example.org'
    await workerWithPassword(live.server, email, 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser, { viewport: { width: 1366, height: 850 } })
    const phoneContext = await live.browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'en-US' })
    try {
      const board = await facilitator.context.newPage()
      await openNewMeeting(board, live.server.url, email, 'Kai family meeting')
      await board.locator('.tl-canvas').getByText('What are we worried about?', { exact: true }).first().waitFor({ timeout: 20_000 })

      const people = board.locator('.meeting-bar').getByRole('button', { name: /^Who's here/ })
      if ((await people.getAttribute('aria-expanded')) !== 'true') await people.click()
      const invite = board.locator('.invite')
      await invite.getByRole('radio', { name: /journal link for one person/ }).check()
      // A journal link writes in the journal: no role or lobby to choose.
      expect(await invite.getByRole('radio', { name: 'Can look only' }).count()).toBe(0)
      await invite.getByLabel('Who is it for?').fill('Grandma Lorna')
      expect(await invite.getByLabel(/For how many days/).inputValue()).toBe('30')
      await invite.getByRole('button', { name: 'Make a journal link' }).click()
      await invite.getByTestId('invite-url').waitFor({ timeout: 5_000 })
      const until = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toLocaleDateString('en-US', { month: 'short', day: 'numeric' })
      expect(await invite.getByTestId('invite-help').innerText()).toMatch(new RegExp(`^Send this link to Grandma Lorna\\. With it they can write in the safety journal until ${until}`))
      expect(await invite.getByTestId('invite-list').innerText()).toContain('Grandma Lorna · journal link · until')
      const url = new URL(await invite.getByTestId('invite-url').inputValue())

      const phone = await phoneContext.newPage()
      await phone.goto(`${live.server.url}${url.pathname}${url.hash}`)
      await phone.getByRole('heading', { name: 'Write in the safety journal', level: 1 }).waitFor({ timeout: 10_000 })
      expect(await phone.getByText('How are you taking part today?').count()).toBe(0)
      await joinAs(phone, 'Lorna')
      await phone.waitForURL(/\/journal$/, { timeout: 20_000 })
      await phone.getByRole('heading', { name: 'Safety journal for Kai family meeting', level: 1 }).waitFor({ timeout: 10_000 })
      const journal = phone.getByTestId('safety-journal')
      await journal.getByText('Nothing written yet', { exact: false }).waitFor({ timeout: 10_000 })
      expect(await phone.locator('.tl-canvas').count()).toBe(0)
      expect(await phone.getByTestId('connection-status').count()).toBe(0)
      // She is told until when her link works, in her own time zone, so its end is no surprise.
      expect(await journal.getByTestId('journal-link-notice').innerText()).toMatch(new RegExp(`^Your journal link works until ${until}, \\d{4}, \\d{1,2}:\\d{2}\\s[AP]M\\.$`))

      await journal.getByRole('button', { name: 'Add to the journal' }).tap()
      await journal.getByLabel('What happened?').fill(WORDS)
      await journal.getByLabel('Yes', { exact: true }).check()
      for (const control of [journal.getByRole('button', { name: 'Add to the journal' }), journal.getByRole('button', { name: 'Cancel' }), journal.getByLabel('Day of the visit'), journal.locator('.journal-choice').first()]) {
        expect((await control.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44)
      }
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      await journal.getByRole('button', { name: 'Add to the journal' }).tap()
      await journal.getByRole('status').getByText('Added to the journal.').waitFor({ timeout: 10_000 })
      await journal.getByTestId('journal-entry').first().getByText(WORDS).waitFor()

      // With the signal gone, her next entry stays on screen, and she is told to send it again — not to correct anything.
      await phoneContext.setOffline(true)
      await journal.getByRole('button', { name: 'Add to the journal' }).tap()
      await journal.getByLabel('What happened?').fill(LATER_WORDS)
      await journal.getByRole('button', { name: 'Add to the journal' }).tap()
      await journal.getByText('Your words are still here. Press “Add to the journal” again when you have a connection.').waitFor({ timeout: 15_000 })
      // Reloaded without a signal, the page does not tell her she may only read.
      await phone.reload()
      await phone.getByText('We cannot reach SafetyMap right now.', { exact: false }).waitFor({ timeout: 15_000 })
      expect(await phone.getByText('You can read the journal but not write in it', { exact: false }).count()).toBe(0)
      await phoneContext.setOffline(false)

      // Next week she taps the same link in her messages: it takes her back to the journal, not to "already used".
      await phone.goto(`${live.server.url}${url.pathname}${url.hash}`)
      await phone.waitForURL(/\/journal$/, { timeout: 20_000 })
      await phone.getByTestId('safety-journal').getByTestId('journal-entry').first().getByText(WORDS).waitFor({ timeout: 10_000 })

      // Once her way in is gone (the link's time ran out, so its cookie with it), the page says what to do, not "sign in".
      await phoneContext.clearCookies()
      await phone.reload()
      await phone.getByText('This page cannot open the journal any more. Your journal link has stopped working', { exact: false }).waitFor({ timeout: 10_000 })
      expect(await phone.getByText('Please sign in first.').count()).toBe(0)

      // The facilitator sees her in "Who's here" as someone of the journal only, until when her link works, and reads her entry there.
      await board.getByTestId('whos-here').getByText('Lorna · Safety journal only').waitFor({ timeout: 10_000 })
      expect(await board.locator('[data-testid="whos-here"] li', { hasText: 'Lorna · Safety journal only' }).innerText()).toContain(`link works until ${until}, `)
      await board.locator('aside.whos-here').getByRole('button', { name: 'Safety journal' }).click()
      const panel = board.getByRole('dialog', { name: 'Safety journal' })
      await panel.getByText(WORDS).waitFor({ timeout: 10_000 })
      expect(await panel.getByTestId('journal-entry').first().innerText()).toMatch(/\nLorna · visit on [A-Z][a-z]{2} \d{1,2}, \d{4} · written /)
    } finally {
      await phoneContext.close()
      await facilitator.context.close()
    }
  }, 120_000)
})
