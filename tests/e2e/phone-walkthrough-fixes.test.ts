/**
 * What a walk-through with a grandmother on a 360×640 phone found, in a real Chromium with touch:
 * "Go to a part of the map" and "Who's here" show they open and close, and the jump list goes
 * straight to the next steps; while her connection is down, "Who's here" keeps who was there and
 * says it may be out of date (not "(1)", as if everyone left); and the number she taps stays
 * readable (no pale tap highlight over it).
 */
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { createMeeting, joinByInvite } from '../helpers/clients.ts'
import { contrast, overlay } from '../helpers/contrast.ts'
import { expectLive } from '../helpers/phoneJoin.ts'
import { workerWithPassword } from '../helpers/meetingUi.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()
const PHONE = { width: 360, height: 640 }
const MIN_TAP_PX = 44

/** A phone with touch, signed in as `session`, open on the meeting's list. */
async function phoneOn(meetingId: string, session: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await live.browser.newContext({ viewport: PHONE, screen: PHONE, isMobile: true, hasTouch: true })
  await context.addCookies([{ name: 'sm_session', value: session, url: live.server.url }])
  const page = await context.newPage()
  await page.goto(`${live.server.url}/m/${meetingId}/list`)
  await expectLive(page)
  return { context, page }
}

/** The open/closed sign painted before a summary, and the summary's height. */
const disclosureSign = (summary: ReturnType<Page['locator']>) =>
  summary.evaluate((el) => ({ sign: getComputedStyle(el, '::before').content, height: el.getBoundingClientRect().height }))

describe('the phone list after the grandmother walk-through', () => {
  it('shows the disclosures open and close, jumps to the next steps, and keeps who was here while offline', async () => {
    const worker = await workerWithPassword(live.server, 'ana.walk@example.org', 'Ana Ruiz')
    const meeting = await createMeeting(live.server.url, worker.apiKey, 'Kai family meeting')
    const lorna = await joinByInvite(live.server.url, worker.apiKey, meeting.id, 'Grandma Lorna')
    const jess = await joinByInvite(live.server.url, worker.apiKey, meeting.id, 'Jess')
    const her = await phoneOn(meeting.id, lorna.session)
    const other = await phoneOn(meeting.id, jess.session)
    try {
      const { page } = her
      const people = page.locator('.phone-people > summary')
      const jump = page.getByTestId('phone-jump').locator('summary')
      await jump.waitFor({ timeout: 20_000 })
      for (const summary of [people, jump]) {
        const closed = await disclosureSign(summary)
        expect(closed.sign).toContain('▸')
        expect(closed.height).toBeGreaterThanOrEqual(MIN_TAP_PX)
      }
      await jump.tap()
      expect((await disclosureSign(jump)).sign).toContain('▾')
      await page.getByTestId('phone-jump').getByRole('link', { name: 'Next steps' }).tap()
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('#phone-section-next-steps') != null)).toBe(true)
      expect((await disclosureSign(jump)).sign).toContain('▸')

      await expect.poll(() => people.innerText(), { timeout: 15_000 }).toBe("Who's here (2)")
      await her.context.setOffline(true)
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('offline')
      expect(await people.innerText()).toBe("Who's here — offline: this list may be out of date")
      expect(await page.getByTestId('whos-here').locator('li').allTextContents()).toEqual([expect.stringContaining('Grandma Lorna'), expect.stringContaining('Jess')])
      await her.context.setOffline(false)
      await expect.poll(() => people.innerText(), { timeout: 30_000 }).toBe("Who's here (2)")
    } finally {
      await her.context.close()
      await other.context.close()
    }
  })

  it('keeps the chosen number readable where she tapped it', async () => {
    const worker = await workerWithPassword(live.server, 'ana.number@example.org', 'Ana Ruiz')
    const meeting = await createMeeting(live.server.url, worker.apiKey, 'Kai family meeting')
    const lorna = await joinByInvite(live.server.url, worker.apiKey, meeting.id, 'Grandma Lorna')
    const { context, page } = await phoneOn(meeting.id, lorna.session)
    try {
      const overall = page.locator('[data-testid="scale-line"][data-scale-id="overall"]')
      await overall.getByRole('button', { name: 'Give your number' }).tap()
      const six = overall.getByRole('radio', { name: '6', exact: true })
      await six.tap()
      const painted = await six.evaluate((input) => {
        const number = getComputedStyle(input.nextElementSibling as Element)
        return { highlight: getComputedStyle(input).getPropertyValue('-webkit-tap-highlight-color'), ink: number.color, paper: number.backgroundColor }
      })
      // What shows while the phone's tap highlight lies over the number she tapped.
      expect(contrast(overlay(painted.highlight, painted.ink), overlay(painted.highlight, painted.paper))).toBeGreaterThanOrEqual(4.5)
    } finally {
      await context.close()
    }
  })
})
