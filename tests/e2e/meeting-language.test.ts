/**
 * The meeting's language changed mid-meeting in a real Chromium: the facilitator picks Spanish in
 * "Meeting details" and the board's column headings turn Spanish on her screen (the projector) and
 * on a family member's, while her own buttons stay in the language she reads. A new meeting's map
 * takes the language she switched the page to, until she picks one herself.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { api, joinByInvite } from '../helpers/clients.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { openNewMeeting, signInByApi, waitVisible, workerWithPassword } from '../helpers/meetingUi.ts'

const EMAIL = 'ana.language@example.org'

const live = useServerAndChromium()

/** The board's column heading `text` on `page`'s canvas. */
const heading = (page: Page, text: string) => page.locator('.tl-canvas').getByText(text, { exact: true }).first()

describe('the meeting’s language', () => {
  it('switched to Spanish in "Meeting details" turns the column headings Spanish on the facilitator’s and the family’s boards', async () => {
    const worker = await workerWithPassword(live.server, EMAIL, 'Ana Ruiz')
    const laptop = await live.browser.newContext({ viewport: { width: 1400, height: 900 } })
    // Jess follows on a laptop, which shows the board (a phone opens on its own list).
    const family = await live.browser.newContext({ viewport: { width: 1280, height: 800 } })
    try {
      const facilitator = await laptop.newPage()
      const meetingId = await openNewMeeting(facilitator, live.server.url, EMAIL, 'Family meeting for Kai')
      const jess = await joinByInvite(live.server.url, worker.apiKey, meetingId, 'Jess')
      await family.addCookies([{ name: 'sm_session', value: jess.session, url: live.server.url }])
      const jessPage = await family.newPage()
      await jessPage.goto(`${live.server.url}/m/${meetingId}`)
      for (const page of [facilitator, jessPage]) await waitVisible(page, heading(page, 'What are we worried about?'), 30_000)

      await facilitator.getByRole('button', { name: 'Meeting details' }).click()
      const details = facilitator.getByRole('dialog', { name: 'Meeting details for the case file' })
      await details.getByLabel('Language of the map').selectOption('es')
      await details.getByText('The map’s headings and the family copy will be in Spanish. What people wrote stays as they wrote it.').waitFor()
      await details.getByRole('button', { name: 'Save details' }).click()
      await details.getByTestId('meeting-details-saved').waitFor({ timeout: 10_000 })

      for (const page of [facilitator, jessPage]) {
        await waitVisible(page, heading(page, '¿Qué nos preocupa?'), 10_000)
        await waitVisible(page, heading(page, '¿Qué está funcionando bien?'), 10_000)
        await waitVisible(page, heading(page, '¿Qué tiene que pasar?'), 10_000)
        expect(await heading(page, 'What are we worried about?').count()).toBe(0)
      }
      // Her own buttons stay in the language she reads.
      expect(await facilitator.getByRole('button', { name: 'Meeting details' }).count()).toBe(1)
    } finally {
      await family.close()
      await laptop.close()
    }
  })

  it('of a meeting made after she switched the page to Spanish is Spanish, unless she chooses another', async () => {
    const email = 'ana.new-in-spanish@example.org'
    const worker = await workerWithPassword(live.server, email, 'Ana Ruiz')
    const laptop = await live.browser.newContext({ viewport: { width: 1400, height: 900 } })
    try {
      await signInByApi(laptop, live.server.url, email)
      const page = await laptop.newPage()
      await page.goto(live.server.url)
      await page.getByLabel('Meeting name').waitFor({ timeout: 15_000 })
      await page.getByRole('button', { name: 'Español' }).click()
      const language = page.getByLabel('Idioma del mapa')
      await expect.poll(() => language.inputValue()).toBe('es')
      // Her own choice holds when the page's language changes again.
      await language.selectOption('en')
      await page.getByRole('button', { name: 'English' }).click()
      await page.getByRole('button', { name: 'Español' }).click()
      expect(await language.inputValue()).toBe('en')
      await language.selectOption('es')
      await page.getByLabel('Nombre de la reunión').fill('Reunión de la familia de Kai')
      await page.getByRole('button', { name: 'Crear reunión' }).click()
      await page.waitForURL(/\/m\/[\w-]+$/, { timeout: 15_000 })
      const meetingId = new URL(page.url()).pathname.split('/').pop()!
      const meeting = await api<{ locale: string }>(live.server.url, `/api/meetings/${meetingId}`, { token: worker.apiKey })
      expect(meeting.body.locale).toBe('es')
    } finally {
      await laptop.close()
    }
  })
})
