/**
 * Steps a person takes in the web app, shared by the end-to-end tests: a worker with a password,
 * signing in, creating a meeting, adding a sticky note with tldraw's own note tool, and waiting for
 * something to show with a readable account of what showed instead.
 */
import { expect } from 'vitest'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import type { TestServer } from './servers.ts'

export const TEST_PASSWORD = 'a long enough password'

/** Creates a worker and sets their password through the real setup endpoint. */
export async function workerWithPassword(server: TestServer, email: string, name: string) {
  const added = await server.services.workers.addWorker({ email, name, now: Date.now() })
  if (!added) throw new Error('worker exists')
  const code = await server.services.workers.issueSetupCode(added.worker.id, Date.now())
  const res = await fetch(`${server.url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, password: TEST_PASSWORD }),
  })
  expect(res.status).toBe(200)
  return added
}

/** Signs in on the home page and creates a meeting; returns its id once the canvas route is open. */
export async function signInAndCreateMeeting(page: Page, baseUrl: string, email: string, title: string): Promise<string> {
  await page.goto(baseUrl)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(TEST_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByLabel('Meeting name').fill(title)
  await page.getByRole('button', { name: 'Create meeting' }).click()
  await page.waitForURL(/\/m\/[\w-]+$/)
  return new URL(page.url()).pathname.split('/').pop() ?? ''
}

/**
 * Signs `context` in as the worker through the sign-in API, without the form: the session cookie
 * lands in the profile. For tests about something after sign-in; meeting.test.ts and
 * accessibility.test.ts keep the form itself covered.
 */
export async function signInByApi(context: BrowserContext, baseUrl: string, email: string): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/auth/signin`, { data: { email, password: TEST_PASSWORD } })
  expect(res.status()).toBe(200)
}

/**
 * What {@link signInAndCreateMeeting} ends with, about 1–2 s sooner: signs in and creates an
 * English meeting through the API as the worker's profile, then opens its canvas; returns its id.
 */
export async function openNewMeeting(page: Page, baseUrl: string, email: string, title: string): Promise<string> {
  await signInByApi(page.context(), baseUrl, email)
  const res = await page.context().request.post(`${baseUrl}/api/meetings`, { data: { title, locale: 'en' } })
  expect(res.status()).toBe(201)
  const { id } = (await res.json()) as { id: string }
  await page.goto(`${baseUrl}/m/${id}`)
  return id
}

/** Adds a sticky note with tldraw's note tool just below the zone heading `heading`, inside its zone at any zoom. */
export async function addNoteUnder(page: Page, heading: string | RegExp, text: string) {
  const label = page.locator('.tl-canvas').getByText(heading, { exact: true }).first()
  const box = await label.boundingBox()
  if (!box) throw new Error(`zone heading "${String(heading)}" is not on screen`)
  // The whole map opens in view, so a zone may be small on screen: stay inside it.
  const zone = await label.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " sm-zone ")][1]').boundingBox()
  const across = zone ? Math.min(120, (zone.x + zone.width - box.x) / 2) : 120
  const below = zone ? Math.min(140, (zone.y + zone.height - box.y - box.height) / 2) : 140
  // tldraw's shortcuts answer only while the keyboard is in the canvas (shortcutsFollowFocus).
  await page.locator('.tl-container').focus()
  await page.keyboard.press('Escape')
  await page.keyboard.press('n')
  await page.mouse.click(box.x + across, box.y + box.height + below)
  const placedAt = Date.now()
  // The new note opens its text editor; type only once it has focus.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('contenteditable')), { timeout: 5_000 })
    .toBe('true')
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  // A click on the note within tldraw's double-click time (450 ms) of the click that placed it would
  // count as a double click and open it for editing; no person writes a note that fast.
  await page.waitForTimeout(Math.max(0, TLDRAW_DOUBLE_CLICK_MS + 50 - (Date.now() - placedAt)))
}

/** tldraw's `doubleClickDurationMs` (its default, which the board keeps). */
const TLDRAW_DOUBLE_CLICK_MS = 450

/**
 * Waits until `locator` on `page` is visible; on a timeout the error also says what the page
 * showed instead (its connection status, its closed screen, the start of its text), so a failure
 * in CI can be read without a trace.
 */
export async function waitVisible(page: Page, locator: Locator, timeoutMs: number): Promise<void> {
  try {
    await locator.waitFor({ timeout: timeoutMs })
  } catch (error) {
    const status = await page.locator('.connection-status').first().getAttribute('data-state', { timeout: 1_000 }).catch(() => null)
    const closed = await page.getByTestId('meeting-closed').getAttribute('data-state', { timeout: 1_000 }).catch(() => null)
    const text = (await page.locator('body').innerText({ timeout: 1_000 }).catch(() => '')).replace(/\s+/g, ' ').slice(0, 400)
    throw new Error(`${(error as Error).message}\nthe page showed instead: connection ${status ?? '–'}, closed screen ${closed ?? '–'}, text "${text}"`)
  }
}

/**
 * Clicks `locator` as a mouse does: at its centre on the screen, once it is what stands there (not
 * a panel over it), so a button that only the keyboard could reach fails with what covers it.
 */
export async function clickWhereSeen(page: Page, locator: Locator): Promise<void> {
  await locator.waitFor({ timeout: 5_000 })
  await expect
    .poll(
      () =>
        locator.evaluate((element) => {
          const box = element.getBoundingClientRect()
          const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
          return hit === element || element.contains(hit) ? 'the element itself' : `${hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing'}`
        }),
      { timeout: 3_000 },
    )
    .toBe('the element itself')
  const box = (await locator.boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
}
