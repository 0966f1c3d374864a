/**
 * A borrowed or shared phone, in a real Chromium on a Pixel-size phone: a family member who leaves
 * ("Leave and remove from this device", after a confirm step) or signs out on the home page leaves
 * nothing of the meeting behind — no map database in IndexedDB, no `safetymap` key in localStorage
 * or sessionStorage (kept access with names, drafts, unsent marks) — and the next person opening
 * the list's address without signal, or with it, sees no map. Something not sent yet is never
 * dropped silently: she is told and chooses; without signal she is told she is still signed in and
 * how to finish. Removed from the meeting by the facilitator, the phone drops everything too. On a
 * laptop, the same words name "this device", not a phone.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { devices, type Page } from 'playwright-core'
import { addItem } from '@safetymap/map-model'
import { api, connectPeer, createMeeting, joinByInvite } from '../helpers/clients.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const TITLE = 'Lorna and Kai family meeting'
const NOTE = 'Grandma walks Kai to school'
const DRAFT = 'Lorna calls her sister when she is worried'
const LEAVE = 'Leave and remove from this device'
const LEFT = 'Signed out. Nothing from the meeting is left on this device.'

const live = useServerAndChromium()
let worker: { workerId: string; apiKey: string }

beforeAll(async () => {
  worker = await live.server.addWorker('Ana Ruiz')
})

/** A family member's phone on the meeting's list, the map kept on the phone and the app by the service worker. */
async function phoneOnList() {
  const meeting = await createMeeting(live.server.url, worker.apiKey, TITLE)
  const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
  await facilitator.synced()
  addItem(facilitator.doc, 'strengths', NOTE, { id: worker.workerId, name: 'Ana Ruiz' })
  const { participantId, session } = await joinByInvite(live.server.url, worker.apiKey, meeting.id, 'Lorna')
  const context = await live.browser.newContext({ ...devices['Pixel 7'], locale: 'en-US' })
  await context.addCookies([{ name: 'sm_session', value: session, url: live.server.url }])
  const page = await context.newPage()
  const listUrl = `${live.server.url}/m/${meeting.id}/list`
  await page.goto(listUrl)
  await expectLive(page)
  await page.getByText(NOTE, { exact: true }).waitFor({ timeout: 10_000 })
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 })
  return { meeting, participantId, context, page, listUrl, facilitator }
}

async function expectLive(page: Page) {
  await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live')
}

/** What the app keeps on the device: map databases, and `safetymap` keys in both storages. */
function keptOnDevice(page: Page) {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('safetymap')),
    keys: [...Object.keys(window.localStorage), ...Object.keys(window.sessionStorage)].filter((key) => key.startsWith('safetymap')).sort(),
  }))
}

const nothingKept = { databases: [], keys: [] }

/** Types words into "Add to …" without sending them: a draft, kept for the tab. */
async function typeDraft(page: Page) {
  const strengths = page.locator('[data-testid="phone-section"][data-section="strengths"]')
  await strengths.locator('.phone-add-open').tap()
  await strengths.locator('.phone-add textarea').fill(DRAFT)
  await expect.poll(() => page.evaluate(() => JSON.stringify(window.sessionStorage))).toContain(DRAFT)
}

/** The next person opens the list's address: without signal, then with it. Neither shows the map. */
async function expectNoMapForTheNextPerson(page: Page, listUrl: string, offline: (on: boolean) => Promise<void>) {
  await offline(true)
  await page.goto(listUrl)
  await page.getByText(/You are offline, so the meeting cannot open yet/).waitFor({ timeout: 10_000 })
  expect(await page.getByText(NOTE).count()).toBe(0)
  expect(await page.getByText(TITLE).count()).toBe(0)
  await offline(false)
  await page.goto(listUrl)
  await page.getByText(/To see this meeting, open your invite link again/).waitFor({ timeout: 10_000 })
  expect(await page.getByText(NOTE).count()).toBe(0)
  expect(await page.title()).not.toContain(TITLE)
}

describe('a shared phone', () => {
  it('leaves nothing of the meeting behind after "Leave and remove from this device", asked once to be sure', async () => {
    const { context, page, listUrl, meeting, facilitator } = await phoneOnList()
    try {
      await typeDraft(page)
      const before = await keptOnDevice(page)
      expect(before.databases).toContain(`safetymap-meeting-${meeting.id}`)
      expect(before.keys).toEqual(expect.arrayContaining([`safetymap.localCopy.${meeting.id}`, `safetymap.localAccess.${meeting.id}`, `safetymap.drafts.${meeting.id}`]))

      // The first tap only asks; saying no keeps everything.
      await page.getByRole('button', { name: LEAVE }).tap()
      await page.getByText(/Remove the map from this device and sign out\?/).waitFor()
      await page.getByRole('button', { name: 'No, stay' }).tap()
      expect(await keptOnDevice(page)).toEqual(before)

      await page.getByRole('button', { name: LEAVE }).tap()
      await page.getByRole('button', { name: 'Yes, remove it and sign me out' }).tap()
      await page.getByRole('status').filter({ hasText: LEFT }).waitFor({ timeout: 10_000 })
      expect(await page.getByText(NOTE).count()).toBe(0)
      expect(await keptOnDevice(page)).toEqual(nothingKept)

      await expectNoMapForTheNextPerson(page, listUrl, (on) => context.setOffline(on))
      // Opening the address signed out leaves no database named after the meeting either.
      await expect.poll(() => keptOnDevice(page), { timeout: 10_000 }).toEqual(nothingKept)
    } finally {
      facilitator.destroy()
      await context.close()
    }
  })

  it('asks before losing what was not sent, and without signal says she is still signed in and how to finish', async () => {
    const { context, page, listUrl, facilitator } = await phoneOnList()
    try {
      await context.setOffline(true)
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('offline')
      const strengths = page.locator('[data-testid="phone-section"][data-section="strengths"]')
      await strengths.locator('.phone-add-open').tap()
      await strengths.locator('.phone-add textarea').fill('Kai sleeps at Grandma’s on Fridays')
      await strengths.getByRole('button', { name: 'Add', exact: true }).tap()
      await strengths.getByTestId('not-sent').waitFor({ timeout: 5_000 })

      await page.getByRole('button', { name: LEAVE }).tap()
      await page.getByText(/have not been sent yet\. If you go on, they are lost\./).waitFor()
      expect(await page.getByRole('button', { name: 'Yes, remove it and sign me out' }).count()).toBe(0)
      await page.getByRole('button', { name: 'Remove it anyway, and lose what was not sent' }).tap()

      // Without signal the phone is cleared all the same, and she is told what is left to do.
      await page.getByRole('alert').filter({ hasText: 'we could not sign you out' }).waitFor({ timeout: 10_000 })
      expect(await keptOnDevice(page)).toEqual(nothingKept)
      await context.setOffline(false)
      await page.getByRole('button', { name: 'Sign out', exact: true }).tap()
      await page.getByRole('status').filter({ hasText: LEFT }).waitFor({ timeout: 10_000 })

      await expectNoMapForTheNextPerson(page, listUrl, (on) => context.setOffline(on))
    } finally {
      facilitator.destroy()
      await context.close()
    }
  })

  it('leaves nothing behind after "Sign out" on the home page', async () => {
    const { context, page, listUrl, facilitator } = await phoneOnList()
    try {
      await typeDraft(page)
      await page.goto(live.server.url)
      await page.getByRole('button', { name: 'Sign out', exact: true }).tap()
      await page.getByRole('status').filter({ hasText: 'Signed out. Nothing from the meetings is left on this device.' }).waitFor({ timeout: 10_000 })
      expect(await keptOnDevice(page)).toEqual(nothingKept)
      await expectNoMapForTheNextPerson(page, listUrl, (on) => context.setOffline(on))
    } finally {
      facilitator.destroy()
      await context.close()
    }
  })

  it('drops the map, the names kept for offline visits, what was not sent and the words typed once the facilitator removes her', async () => {
    const { context, page, meeting, participantId, facilitator } = await phoneOnList()
    try {
      // Removed while her phone was without signal, with a note written there and words typed.
      await context.setOffline(true)
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('offline')
      const strengths = page.locator('[data-testid="phone-section"][data-section="strengths"]')
      await strengths.locator('.phone-add-open').tap()
      await strengths.locator('.phone-add textarea').fill('Kai sleeps at Grandma’s on Fridays')
      await strengths.getByRole('button', { name: 'Add', exact: true }).tap()
      await strengths.getByTestId('not-sent').waitFor({ timeout: 5_000 })
      await strengths.locator('.phone-add textarea').fill(DRAFT)
      await expect.poll(() => keptOnDevice(page)).toEqual({
        databases: [`safetymap-meeting-${meeting.id}`],
        keys: expect.arrayContaining([`safetymap.drafts.${meeting.id}`, `safetymap.localAccess.${meeting.id}`, `safetymap.unsent.${meeting.id}`]),
      })
      const removed = await api(live.server.url, `/api/meetings/${meeting.id}/participants/${participantId}`, { method: 'DELETE', token: worker.apiKey })
      expect(removed.status).toBeLessThan(300)
      // Back in signal, the relay turns the phone away before it can say why: opened again, the server does.
      await context.setOffline(false)
      await page.reload()
      await page.getByText('You have been removed from this meeting').waitFor({ timeout: 10_000 })
      await expect.poll(() => keptOnDevice(page), { timeout: 10_000 }).toEqual(nothingKept)
      expect(await page.getByText(NOTE).count()).toBe(0)
    } finally {
      facilitator.destroy()
      await context.close()
    }
  })

  it('on a laptop, names the computer as "this device", not "this phone", in English and in Spanish', async () => {
    const meeting = await createMeeting(live.server.url, worker.apiKey, TITLE)
    const words = [
      { locale: 'en-US', leave: LEAVE, question: /^Remove the map from this device and sign out\?/ },
      { locale: 'es-ES', leave: 'Salir y borrar de este aparato', question: /^¿Borrar el mapa de este aparato y cerrar sesión\?/ },
    ]
    for (const { locale, leave, question } of words) {
      const { session } = await joinByInvite(live.server.url, worker.apiKey, meeting.id, `Lorna ${locale}`)
      const laptop = await live.browser.newContext({ viewport: { width: 1280, height: 800 }, locale })
      try {
        await laptop.addCookies([{ name: 'sm_session', value: session, url: live.server.url }])
        const page = await laptop.newPage()
        await page.goto(`${live.server.url}/m/${meeting.id}/list`)
        await expectLive(page)
        await page.getByRole('button', { name: leave, exact: true }).click()
        expect(await page.getByText(question).innerText(), locale).not.toMatch(/phone|teléfono/)
      } finally {
        await laptop.close()
      }
    }
  })
})
