/**
 * The safety journal (safety-mapping guide §5) in a real Chromium: after the map is finalized, a
 * mother on a 360×640 phone, in Spanish, goes to "Diario de seguridad" from the jump list and adds
 * how the visit went. The first send fails (no connection): her words stay in the form with what
 * to do next; the second goes through and the entry shows, dated and signed with her name. Every
 * control she taps is at least 44 px and nothing is wider than the screen. The facilitator opens
 * "Safety journal" from the board's "Who's here" panel and reads the same entry; the export holds it too.
 */
import { describe, expect, it } from 'vitest'
import { api } from '../helpers/clients.ts'
import { recordingContext } from '../helpers/browser.ts'
import { openNewMeeting, workerWithPassword } from '../helpers/meetingUi.ts'
import { joinOnPhone } from '../helpers/phoneJoin.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()
const WORDS = 'La visita del sábado fue tranquila. Kai comió bien y durmió en casa de Lorna.'

describe('the safety journal', () => {
  it('takes an entry from a Spanish phone after the map is finalized, keeping her words when the send fails, and the board shows it', async () => {
    const email = 'ana.journal@example.org'
    const { apiKey } = await workerWithPassword(live.server, email, 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser, { viewport: { width: 1366, height: 850 } })
    const phoneContext = await live.browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'es-US' })
    try {
      const board = await facilitator.context.newPage()
      const meetingId = await openNewMeeting(board, live.server.url, email, 'Reunión de Kai')
      await board.locator('.tl-canvas').getByText('What are we worried about?', { exact: true }).first().waitFor({ timeout: 20_000 })

      const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meetingId}/invites`, { token: apiKey, body: { role: 'editor' } })
      const url = new URL(invite.body.url)
      const phone = await phoneContext.newPage()
      await joinOnPhone(phone, `${live.server.url}${url.pathname}${url.hash}`, 'Jess')
      if ((await phone.getByRole('button', { name: 'Español' }).count()) > 0) await phone.getByRole('button', { name: 'Español' }).tap()

      expect((await api(live.server.url, `/api/meetings/${meetingId}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
      await phone.getByTestId('phone-finished').getByText(/.+/).waitFor({ timeout: 10_000 })

      // "Go to a part of the map" takes her to the journal, last in the list.
      await phone.getByText('Ir a una parte del mapa').tap()
      await phone.getByRole('link', { name: 'Diario de seguridad' }).tap()
      const journal = phone.getByTestId('safety-journal')
      await expect.poll(() => phone.evaluate(() => document.activeElement?.id)).toBe('phone-journal')

      await journal.getByRole('button', { name: 'Agregar al diario' }).tap()
      await journal.getByText('¿Cómo fue la visita? ¿Qué salió bien? ¿Hubo algo preocupante?').waitFor()
      await journal.getByLabel('¿Qué pasó?').fill(WORDS)
      await journal.getByLabel('En parte').check()

      for (const control of [journal.getByRole('button', { name: 'Agregar al diario' }), journal.getByRole('button', { name: 'Cancelar' }), journal.getByLabel('Día de la visita'), journal.locator('.journal-choice').first()]) {
        expect((await control.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44)
      }
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

      // No connection for the first send: the words stay, with what to do next.
      await phone.route(/\/journal$/, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback()))
      await journal.getByRole('button', { name: 'Agregar al diario' }).tap()
      await journal.getByRole('alert').getByText(/Revise su conexión a internet/).waitFor({ timeout: 20_000 })
      await journal.getByText('Sus palabras siguen aquí.', { exact: false }).waitFor()
      expect(await journal.getByLabel('¿Qué pasó?').inputValue()).toBe(WORDS)

      await phone.unroute(/\/journal$/)
      await journal.getByRole('button', { name: 'Agregar al diario' }).tap()
      await journal.getByRole('status').getByText('Se agregó al diario.').waitFor({ timeout: 10_000 })
      const entry = journal.getByTestId('journal-entry').first()
      await entry.getByText(WORDS).waitFor()
      expect(await entry.innerText()).toMatch(/Jess · visita del \d{1,2} [a-z]+\.? \d{4} · escrito el /)
      expect(await entry.innerText()).toContain('Se siguió el plan de seguridad: En parte')

      // The facilitator reads it from the board's bar.
      const people = board.locator('.meeting-bar').getByRole('button', { name: /^Who's here/ })
      if ((await people.getAttribute('aria-expanded')) !== 'true') await people.click()
      await board.locator('aside.whos-here').getByRole('button', { name: 'Safety journal' }).click()
      const panel = board.getByRole('dialog', { name: 'Safety journal' })
      await panel.getByText(WORDS).waitFor({ timeout: 10_000 })
      expect(await panel.getByTestId('journal-entry').first().innerText()).toMatch(/Jess · visit on [A-Z][a-z]{2} \d{1,2}, \d{4} · written /)
      expect(await panel.getByTestId('journal-entry').first().innerText()).toContain('Safety plan followed: Partly')

      const exported = await api<{ journal: { text: string; author: { name: string } }[] }>(live.server.url, `/api/meetings/${meetingId}/export?format=json`, { token: apiKey })
      expect(exported.body.journal.map((e) => [e.text, e.author.name])).toEqual([[WORDS, 'Jess']])
    } finally {
      await phoneContext.close()
      await facilitator.context.close()
    }
  }, 120_000)
})
