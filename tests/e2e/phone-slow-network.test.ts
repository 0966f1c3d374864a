/**
 * A grandmother's phone on a bad connection, in Spanish, in a real Chromium: a 360 × 640 touch
 * screen on a slow network (400 ms latency, 50 KB/s down, 20 KB/s up, Chromium's own throttling).
 * She opens the invite link: the page says at once that it is coming, then in Spanish that the link is being checked before the form
 * arrives; she joins, waits in the lobby, and the list opens once she is let in. A note she writes
 * while live reaches the facilitator; one written while the signal is gone says "Todavía no se
 * envió" until the signal is back, then "Ya se envió" for a few seconds as it reaches the facilitator too. When the
 * connection stalls without closing, the bar still says "En vivo", yet a note written then says within seconds that it
 * has not gone, until it reaches the facilitator. Her number on a private line
 * takes a while to reach the server: meanwhile the button says it is being sent and a second tap
 * sends nothing more; then she is told it is saved, and the facilitator sees that she rated. When
 * no answer ever comes, she is told within the call's time limit that it is kept on her phone. The
 * facilitator finishes the map and her phone says so, without a false "Sin conexión" or "En vivo" on the way.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addItem, readHiddenScales, readMap, setScalePrivate } from '@safetymap/map-model'
import { JSON_CALL_TIMEOUT_MS } from '../../apps/web/src/api/request.ts'
import { api, connectPeer, createMeeting } from '../helpers/clients.ts'
import { holdRequests } from '../helpers/holdRequests.ts'
import { recordStatusTexts, statusTextsSeen } from '../helpers/statusTexts.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { waitVisible } from '../helpers/meetingUi.ts'
import { waitFor } from '../helpers/waitFor.ts'

const PAGE_COMING = 'Cargando… Espere un momento, por favor.'
const CHECKING_LINK = 'Revisando su enlace de invitación…'
const NAME_QUESTION = '¿Cómo se llama?'
const FACILITATOR_NOTE = 'La abuela lleva a Kai a la escuela'
const LIVE_NOTE = 'Rosa cocina para Kai los martes'
const OFFLINE_NOTE = 'Rosa llama a Kai cada noche'
const STALLED_NOTE = 'Rosa lleva a Kai al médico'

/** A cheap phone's weak signal, as Chromium's DevTools throttle it. */
const SLOW_NETWORK = { offline: false, latency: 400, downloadThroughput: 50 * 1024, uploadThroughput: 20 * 1024 }

const live = useServerAndChromium()
let worker: { workerId: string; apiKey: string }

beforeAll(async () => {
  worker = await live.server.addWorker('Ana Ruiz')
})

/** Slows `page`'s network down (a drop, `setOffline`, lifts it: call again after). */
async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK)
}

/** When each of `texts` first showed on the page, in ms since its navigation started (recorded on every page she opens). */
const firstSeen = (page: Page) => page.evaluate(() => (window as unknown as { firstSeen: Record<string, number> }).firstSeen)

describe('a grandmother on a slow, dropping connection, in Spanish', () => {
  it('is told what is happening while the link loads, keeps her offline note and sends it, and is told while her number is on its way', async () => {
    const meeting = await createMeeting(live.server.url, worker.apiKey, 'Reunión de la familia de Kai', 'es')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    await facilitator.synced()
    addItem(facilitator.doc, 'strengths', FACILITATOR_NOTE, { id: worker.workerId, name: 'Ana Ruiz' })
    // Everyone's numbers are shown together: hers goes to the server, not into the map.
    setScalePrivate(facilitator.doc, 'overall', true)
    const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meeting.id}/invites`, {
      token: worker.apiKey,
      body: { role: 'editor', kind: 'personal', lobby: true },
    })
    const inviteUrl = new URL(invite.body.url)
    // A first visit: nothing kept by a service worker stands in for the network.
    const context = await live.browser.newContext({
      viewport: { width: 360, height: 640 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'es-ES',
      serviceWorkers: 'block',
    })
    await context.addInitScript((texts) => {
      const seen: Record<string, number> = {}
      ;(window as unknown as { firstSeen: Record<string, number> }).firstSeen = seen
      new MutationObserver(() => {
        const shown = document.body?.innerText ?? ''
        for (const text of texts) if (!(text in seen) && shown.includes(text)) seen[text] = Math.round(performance.now())
      }).observe(document, { subtree: true, childList: true, characterData: true })
    }, [PAGE_COMING, CHECKING_LINK, NAME_QUESTION])
    // Her sync socket passes through here, so what her phone sends can stall while the socket stays open.
    let stalled: (() => void)[] | null = null
    await context.routeWebSocket(/\/sync\//, (ws) => {
      const server = ws.connectToServer()
      ws.onMessage((message) => (stalled ? stalled.push(() => server.send(message)) : server.send(message)))
    })
    try {
      const page = await context.newPage()
      await throttle(page)
      await page.goto(`${live.server.url}${inviteUrl.pathname}${inviteUrl.hash}`)

      // Before the form, a plain Spanish line says what the wait is for.
      const nameField = page.getByLabel(NAME_QUESTION)
      await waitVisible(page, nameField, 15_000)
      const seen = await firstSeen(page)
      // The page itself says it is coming, long before the app's script has arrived to say more.
      expect(seen[PAGE_COMING], 'the page says it is coming').toBeLessThan(seen[CHECKING_LINK]! / 2)
      expect(seen[CHECKING_LINK], 'the loading line shows').toBeLessThan(seen[NAME_QUESTION]!)
      expect(await page.getByText(PAGE_COMING).isVisible(), 'the page-coming line is gone once the app draws').toBe(false)

      await nameField.fill('Abuela Rosa')
      const relationship = page.locator('select').first()
      await relationship.selectOption((await relationship.locator('option:not([disabled])').first().getAttribute('value')) ?? '')
      await page.locator('input[type="radio"]').first().check()
      await page.locator('input[type="checkbox"]').first().check()
      await page.getByRole('button', { name: 'Unirme a la reunión' }).tap()
      await page.waitForURL(new RegExp(`/lobby/${meeting.id}$`), { timeout: 15_000 })
      await page.getByText('Esta página revisa cada pocos segundos y abre la reunión sola.').waitFor({ timeout: 10_000 })
      const { participants } = (await api<{ participants: { id: string; status: string }[] }>(live.server.url, `/api/meetings/${meeting.id}/participants`, { token: worker.apiKey })).body
      const waiting = participants.find((person) => person.status === 'waiting')!
      await api(live.server.url, `/api/meetings/${meeting.id}/participants/${waiting.id}/admit`, { method: 'POST', token: worker.apiKey })

      const status = page.getByTestId('connection-status')
      await waitVisible(page, page.getByText(FACILITATOR_NOTE, { exact: true }), 20_000)
      await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe('En vivo')

      const strengths = page.locator('[data-testid="phone-section"][data-section="strengths"]')
      const add = async (text: string) => {
        const textarea = strengths.locator('.phone-add textarea')
        if (!(await textarea.isVisible())) await strengths.locator('.phone-add-open').tap()
        await textarea.fill(text)
        await strengths.getByRole('button', { name: 'Añadir', exact: true }).tap()
        return strengths.getByTestId('phone-item').filter({ hasText: text })
      }
      await (await add(LIVE_NOTE)).waitFor()
      const inFacilitatorsDoc = (text: string) => readMap(facilitator.doc).sections.strengths.some((item) => item.text === text && item.authorName === 'Abuela Rosa')
      await waitFor(() => inFacilitatorsDoc(LIVE_NOTE), { timeoutMs: 10_000, what: 'her first note in the facilitator’s doc' })
      // The relay's word that it stored the note comes back in time, slow as the network is: no mark
      // shows (waiting longer than useServerAck's grace, which the test cannot import: earlyStart.ts runs on import).
      await page.waitForTimeout(4_000)
      expect(await strengths.getByTestId('not-sent').count()).toBe(0)

      // The signal drops while she writes her second note: it stays on her phone, marked as not sent.
      await context.setOffline(true)
      await expect.poll(() => status.getAttribute('data-state'), { timeout: 10_000 }).toBe('offline')
      const offlineNote = await add(OFFLINE_NOTE)
      await expect.poll(() => offlineNote.getByTestId('not-sent').innerText(), { timeout: 5_000 }).toBe('Todavía no se envió')
      await page.waitForTimeout(3_000)
      expect(inFacilitatorsDoc(OFFLINE_NOTE)).toBe(false)

      // Back: the note goes, and she is told so where the mark was, and once out loud; the network is as slow as before.
      await context.setOffline(false)
      await throttle(page)
      await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe('En vivo')
      await expect.poll(() => offlineNote.getByTestId('sent').allInnerTexts(), { timeout: 5_000 }).toEqual(['Ya se envió'])
      expect(await offlineNote.getByTestId('not-sent').count()).toBe(0)
      const sentNews = page.getByRole('status').filter({ hasText: 'Lo que escribió sin conexión ya se envió.' })
      expect(await sentNews.count(), 'one polite announcement for what was sent').toBe(1)
      expect(await strengths.getByTestId('sent').count(), 'only what waited says it was sent').toBe(1)
      await waitFor(() => inFacilitatorsDoc(OFFLINE_NOTE), { timeoutMs: 10_000, what: 'her offline note in the facilitator’s doc' })
      // A few seconds later the note reads as any other.
      await expect.poll(() => offlineNote.getByTestId('sent').count(), { timeout: 10_000 }).toBe(0)
      expect(await sentNews.count()).toBe(0)

      // The connection stalls without closing (a half-open socket): nothing she sends arrives, and the
      // bar still says "En vivo". A note written now says within seconds that it has not gone.
      stalled = []
      const stalledNote = await add(STALLED_NOTE)
      await expect.poll(() => stalledNote.getByTestId('not-sent').allInnerTexts(), { timeout: 5_000 }).toEqual(['Todavía no se envió'])
      expect(await status.innerText()).toBe('En vivo')
      expect(inFacilitatorsDoc(STALLED_NOTE)).toBe(false)
      // It moves again: the note reaches the facilitator and her phone says so.
      const held = stalled
      stalled = null
      for (const send of held) send()
      await waitFor(() => inFacilitatorsDoc(STALLED_NOTE), { timeoutMs: 10_000, what: 'her stalled note in the facilitator’s doc' })
      await expect.poll(() => stalledNote.getByTestId('sent').allInnerTexts(), { timeout: 10_000 }).toEqual(['Ya se envió'])
      expect(await stalledNote.getByTestId('not-sent').count()).toBe(0)

      // Her number, on a connection that has died without the phone noticing: no answer ever comes.
      // Within the time limit of a call she is told it is kept on her phone, not left on "Enviando".
      const overall = page.locator('[data-testid="scale-line"][data-scale-id="overall"]')
      const ratingUrl = `**/api/meetings/${meeting.id}/ratings/overall`
      const dead = await holdRequests(page, ratingUrl, 'PUT')
      await overall.getByRole('button', { name: 'Dar su número' }).tap()
      await overall.getByRole('radio', { name: '7', exact: true }).tap()
      await overall.getByLabel('¿Qué hace que sea así de alto?').fill('Estoy cerca todos los días')
      await overall.getByRole('button', { name: 'Guardar mi número' }).tap()
      await overall.getByRole('button', { name: 'Enviando su número…' }).waitFor({ timeout: 5_000 })
      await overall.getByText(/^Su número está guardado en este teléfono/).waitFor({ timeout: JSON_CALL_TIMEOUT_MS + 5_000 })
      expect(dead.count, 'requests that never got an answer').toBe(1)
      await page.unroute(ratingUrl)

      // Her number: while the server has not answered, the button says it is being sent.
      await overall.getByRole('button', { name: 'Dar su número' }).tap()
      await overall.getByRole('radio', { name: '7', exact: true }).tap()
      await overall.getByLabel('¿Qué hace que sea así de alto?').fill('Estoy cerca todos los días')
      const sending = await holdRequests(page, ratingUrl, 'PUT')
      await overall.getByRole('button', { name: 'Guardar mi número' }).tap()
      const busy = overall.getByRole('button', { name: 'Enviando su número…' })
      await busy.waitFor({ timeout: 5_000 })
      // She taps again, as one does when nothing seems to happen.
      await busy.tap({ force: true })
      await page.waitForTimeout(300)
      expect(sending.count, 'requests sent for one number').toBe(1)
      sending.release()
      await overall.getByText('Su número está guardado. Nadie lo ve hasta que se muestren los números de todos juntos.').waitFor({ timeout: 10_000 })
      await waitFor(() => readHiddenScales(facilitator.doc).some((scale) => scale.scaleId === 'overall' && scale.rated.some((r) => r.participantName === 'Abuela Rosa')), {
        timeoutMs: 10_000,
        what: 'the facilitator to see that she gave her number',
      })

      // The facilitator finishes the map: her phone says so, in Spanish. The relay closes her
      // connection so it comes back read-only; that planned reconnect is no "Sin conexión" alarm,
      // and the reconnected bar never says "En vivo", which would tell her she can still add.
      await recordStatusTexts(page)
      expect((await api(live.server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: worker.apiKey })).status).toBe(200)
      await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe('Terminado')
      const statusTexts = await statusTextsSeen(page)
      expect(statusTexts, `what the bar said: ${statusTexts.join(' → ')}`).toEqual(['En vivo', 'Conectando…', 'Terminado'])
      await page.getByText('El mapa está terminado. Puede leerlo, pero ya no se puede cambiar.', { exact: false }).waitFor({ timeout: 5_000 })
    } finally {
      facilitator.destroy()
      await context.close()
    }
  })
})
