/**
 * Opening the app without signal, in a real Chromium on a Pixel-size phone: a family member's
 * phone that opened the meeting's list once (so the service worker keeps the app) loses its signal
 * and reloads. She gets our page in her language, not the browser's "No internet" page: the map as
 * her phone last saw it under a line saying she is offline and the phone will rejoin by itself,
 * which it does when the signal is back. A phone that keeps no map says only that, then opens the
 * meeting by itself once the signal is back. A page whose script never arrives does not say
 * "Loading…" for good: it asks her to check the connection and reload.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { devices, type Page } from 'playwright-core'
import { addItem } from '@safetymap/map-model'
import { connectPeer, createMeeting, joinByInvite } from '../helpers/clients.ts'
import { foreignHosts } from '../helpers/browser.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const NOTE = 'La abuela lleva a Kai a la escuela'
const OFFLINE_WITH_MAP = /No tiene conexión\. Este es el mapa como lo vio su teléfono/
const OFFLINE_WITHOUT_MAP = /No tiene conexión, así que la reunión todavía no se puede abrir/

const live = useServerAndChromium()
let worker: { workerId: string; apiKey: string }

beforeAll(async () => {
  worker = await live.server.addWorker('Ana Ruiz')
})

/** A Spanish-speaking family member's phone, signed in to a meeting with one note on its map, on its list. */
async function phoneOnList() {
  const meeting = await createMeeting(live.server.url, worker.apiKey, 'Reunión de la familia', 'es')
  const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
  await facilitator.synced()
  addItem(facilitator.doc, 'strengths', NOTE, { id: worker.workerId, name: 'Ana Ruiz' })
  const { session } = await joinByInvite(live.server.url, worker.apiKey, meeting.id, 'Lorna')
  const context = await live.browser.newContext({ ...devices['Pixel 7'], locale: 'es-ES' })
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  await context.addCookies([{ name: 'sm_session', value: session, url: live.server.url }])
  const page = await context.newPage()
  await page.goto(`${live.server.url}/m/${meeting.id}/list`)
  await expectLive(page)
  await page.getByText(NOTE, { exact: true }).waitFor({ timeout: 10_000 })
  // The worker installs after the page has loaded; from then on it answers the page's requests.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 })
  return { context, page, requests, facilitator }
}

const connectionState = (page: Page) => page.getByTestId('connection-status').getAttribute('data-state')
async function expectLive(page: Page) {
  await expect.poll(() => connectionState(page), { timeout: 15_000 }).toBe('live')
}

describe('opening the app without signal', () => {
  it('reloads the list as last seen, says she is offline, and rejoins by itself when the signal is back', async () => {
    const { context, page, requests, facilitator } = await phoneOnList()
    try {
      await context.setOffline(true)
      await page.reload()
      await expect.poll(() => page.getByRole('status').filter({ hasText: OFFLINE_WITH_MAP }).count(), { timeout: 10_000 }).toBe(1)
      await page.getByText(NOTE, { exact: true }).waitFor({ timeout: 10_000 })
      expect(await connectionState(page)).not.toBe('live')

      await context.setOffline(false)
      await expectLive(page)
      await expect.poll(() => page.getByText(OFFLINE_WITH_MAP).count(), { timeout: 20_000 }).toBe(0)
      expect(foreignHosts(requests, new URL(live.server.url).host)).toEqual([])
    } finally {
      facilitator.destroy()
      await context.close()
    }
  })

  it('says only that she is offline when the phone keeps no map, and opens the meeting by itself when the signal is back', async () => {
    const { context, page, facilitator } = await phoneOnList()
    try {
      // A phone that never kept this map (blocked storage, or removed from the meeting since).
      await page.evaluate(() => window.localStorage.clear())
      await context.setOffline(true)
      await page.reload()
      await page.getByRole('status').filter({ hasText: OFFLINE_WITHOUT_MAP }).waitFor({ timeout: 10_000 })
      expect(await page.getByText(NOTE, { exact: true }).count()).toBe(0)

      await context.setOffline(false)
      await expectLive(page)
      await page.getByText(NOTE, { exact: true }).waitFor({ timeout: 10_000 })
    } finally {
      facilitator.destroy()
      await context.close()
    }
  })

  it('asks her to check the connection and reload when the page’s script never arrives, instead of saying "Loading…" for good', async () => {
    const context = await live.browser.newContext({ ...devices['Pixel 7'], locale: 'es-ES', serviceWorkers: 'block' })
    try {
      // The signal drops after the page itself arrived: none of its scripts do.
      await context.route(/\/assets\/.*\.js$/, (route) => route.abort('internetdisconnected'))
      const page = await context.newPage()
      // Its 20 s wait, run 100 times faster (CSS animations follow the page's playback rate, not its clock).
      const cdp = await context.newCDPSession(page)
      await cdp.send('Animation.enable')
      await cdp.send('Animation.setPlaybackRate', { playbackRate: 100 })
      await page.goto(`${live.server.url}/join`)
      await page.getByText('Cargando… Espere un momento, por favor.').waitFor({ timeout: 10_000 })
      const slow = page.getByTestId('page-slow')
      await expect.poll(() => slow.isVisible(), { timeout: 10_000 }).toBe(true)
      expect(await slow.innerText()).toContain('¿Sigue cargando? Revise su conexión a internet y vuelva a cargar la página.')
    } finally {
      await context.close()
    }
  })
})
