/**
 * axe-core in a real Chromium finds no serious or critical problem (WCAG 2.1 A/AA, best practice)
 * on SafetyMap's main screens, walked through as one meeting: the sign-in page, the facilitator's
 * new-meeting form, the join page a family member opens from her invite link on a 360 × 640 phone,
 * the lobby while she waits, the facilitator's board with "Who's here" open and her waiting, her
 * list view in English and in Spanish (the page then says it is Spanish), and the finished-map
 * notice.
 */
import { describe, expect, it } from 'vitest'
import { devices, type Page } from 'playwright-core'
import { api } from '../helpers/clients.ts'
import { axeProblems } from '../helpers/axe.ts'
import { TEST_PASSWORD, workerWithPassword } from '../helpers/meetingUi.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()
const FINISHED_EN = "The map is finished. You can read it, but it can't be changed now. If something needs to change, ask the person running the meeting."

const pageLang = (page: Page) => page.locator('html').getAttribute('lang')

describe('accessibility of the main screens', () => {
  it('has no serious or critical axe problem from sign-in to the finished map on the phone', async () => {
    const worker = await workerWithPassword(live.server, 'ana.a11y@example.org', 'Ana Ruiz')
    const laptop = await live.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' })
    const phone = await live.browser.newContext({ ...devices['Pixel 7'], viewport: { width: 360, height: 640 }, screen: { width: 360, height: 640 }, locale: 'en-US' })
    try {
      const ana = await laptop.newPage()
      await ana.goto(live.server.url)
      await ana.getByLabel('Email').waitFor({ timeout: 20_000 })
      expect(await axeProblems(ana), 'sign-in page').toEqual([])
      await ana.getByLabel('Email').fill('ana.a11y@example.org')
      await ana.getByLabel('Password').fill(TEST_PASSWORD)
      await ana.getByRole('button', { name: 'Sign in' }).click()
      await ana.getByLabel('Meeting name').waitFor({ timeout: 10_000 })
      expect(await axeProblems(ana), 'home, new meeting form').toEqual([])
      await ana.getByLabel('Meeting name').fill('Family meeting for Kai')
      await ana.getByRole('button', { name: 'Create meeting' }).click()
      await ana.waitForURL(/\/m\/[\w-]+$/)
      const meetingId = new URL(ana.url()).pathname.split('/').pop() ?? ''

      // Grandma Lorna opens her invite link on her phone and waits in the lobby.
      const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meetingId}/invites`, {
        token: worker.apiKey,
        body: { role: 'editor', kind: 'personal', lobby: true },
      })
      expect(invite.status).toBe(201)
      const link = new URL(invite.body.url)
      const lorna = await phone.newPage()
      await lorna.goto(`${live.server.url}${link.pathname}${link.hash}`)
      await lorna.getByLabel('What is your name?').waitFor({ timeout: 20_000 })
      expect(await axeProblems(lorna), 'join page').toEqual([])
      await lorna.getByLabel('What is your name?').fill('Grandma Lorna')
      await lorna.getByLabel('How are you connected to the child?').selectOption({ label: 'Grandparent' })
      await lorna.getByRole('radio', { name: 'On the phone' }).check()
      await lorna.getByRole('checkbox', { name: 'I agree' }).check()
      await lorna.getByRole('button', { name: 'Join the meeting' }).tap()
      await lorna.waitForURL(new RegExp(`/lobby/${meetingId}$`), { timeout: 20_000 })
      await lorna.getByRole('heading', { name: 'Waiting to be let in' }).waitFor()
      expect(await axeProblems(lorna), 'lobby').toEqual([])

      // The board, "Who's here" open with her waiting in it. tldraw's canvas is scanned too: it
      // passes, so nothing of it is left out.
      const whosHere = ana.getByRole('button', { name: /^Who's here \(/ })
      await whosHere.waitFor({ timeout: 20_000 })
      expect(await whosHere.getAttribute('aria-expanded')).toBe('true')
      const waiting = ana.getByTestId('waiting-list').locator('li', { hasText: 'Grandma Lorna' })
      await waiting.waitFor({ timeout: 10_000 })
      // Moderate problems too: every part of the board (the map's tools included) sits in a landmark.
      expect(await axeProblems(ana, 'moderate'), 'board with Who’s here open').toEqual([])
      await waiting.getByRole('button', { name: 'Let in' }).click()

      // Her list, in English and in Spanish.
      await lorna.waitForURL(new RegExp(`/m/${meetingId}/list$`), { timeout: 20_000 })
      await expect.poll(() => lorna.getByTestId('connection-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live')
      expect(await axeProblems(lorna), 'phone list, English').toEqual([])
      await lorna.getByRole('button', { name: 'Español' }).tap()
      await expect.poll(() => pageLang(lorna)).toBe('es')
      expect(await axeProblems(lorna), 'phone list, Spanish').toEqual([])

      // The facilitator finishes the map: the phone says so.
      await lorna.getByRole('button', { name: 'English' }).tap()
      await expect.poll(() => pageLang(lorna)).toBe('en')
      expect((await api(live.server.url, `/api/meetings/${meetingId}/finalize`, { method: 'POST', token: worker.apiKey })).status).toBe(200)
      await expect.poll(() => lorna.getByTestId('phone-finished').innerText(), { timeout: 10_000 }).toBe(FINISHED_EN)
      expect(await axeProblems(lorna), 'finished-map notice').toEqual([])
    } finally {
      await laptop.close()
      await phone.close()
    }
  })
})
