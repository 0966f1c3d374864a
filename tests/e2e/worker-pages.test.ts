/**
 * A worker's own pages in a real Chromium: opening a meeting link while signed out and signing in
 * right there, choosing a password on the setup page, coming back to a setup link already used, and
 * her list of meetings.
 */
import { describe, expect, it } from 'vitest'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { signInByApi, TEST_PASSWORD, waitVisible, workerWithPassword } from '../helpers/meetingUi.ts'

const live = useServerAndChromium()

/** A new worker with no password yet, and the code of their setup link. */
async function invitedWorker(email: string): Promise<string> {
  const added = await live.server.services.workers.addWorker({ email, name: 'Rosa Vidal', now: Date.now() })
  if (!added) throw new Error('worker exists')
  return live.server.services.workers.issueSetupCode(added.worker.id, Date.now())
}

describe('a worker’s own pages', () => {
  it('a meeting link opened while signed out asks her to sign in there, and then opens that meeting', async () => {
    const email = 'ana.link@example.org'
    await workerWithPassword(live.server, email, 'Ana Ruiz')
    const earlier = await live.browser.newContext()
    await signInByApi(earlier, live.server.url, email)
    const made = await earlier.request.post(`${live.server.url}/api/meetings`, { data: { title: 'Garcia family', locale: 'en' } })
    const { id } = (await made.json()) as { id: string }
    await earlier.close()

    const page = await (await live.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
    await page.goto(`${live.server.url}/m/${id}`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await waitVisible(page, page.locator('.tl-canvas').getByText('What are we worried about?', { exact: true }).first(), 30_000)
    expect(new URL(page.url()).pathname).toBe(`/m/${id}`)
  })

  it('the setup page says how long the password must be and catches a short one before sending it', async () => {
    const code = await invitedWorker('rosa.setup@example.org')
    const page = await (await live.browser.newContext()).newPage()
    await page.goto(`${live.server.url}/setup#${code}`)
    const password = page.getByLabel('New password')
    await password.fill('short')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.getByText('At least 10 characters. A few words in a row are easy to remember.').waitFor({ timeout: 5_000 })
    await page.getByRole('alert').getByText('This password is too short. Use at least 10 characters.').waitFor({ timeout: 5_000 })
    expect(await password.getAttribute('aria-invalid')).toBe('true')
    expect(await password.evaluate((input) => document.activeElement === input)).toBe(true)

    await password.fill('three plain words')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL(`${live.server.url}/`)
    await page.getByRole('button', { name: 'Create meeting' }).waitFor({ timeout: 10_000 })
  })

  it('a setup link already used says so, and offers to sign in with the password chosen then', async () => {
    const code = await invitedWorker('rosa.again@example.org')
    const setUp = await fetch(`${live.server.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, password: TEST_PASSWORD }),
    })
    expect(setUp.status).toBe(200)

    const page = await (await live.browser.newContext()).newPage()
    await page.goto(`${live.server.url}/setup#${code}`)
    await page.getByText('This setup link does not work or has already been used.', { exact: false }).waitFor({ timeout: 10_000 })
    await page.getByRole('link', { name: 'Sign in' }).click()
    await page.getByLabel('Email').fill('rosa.again@example.org')
    await page.getByLabel('Password').fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Create meeting' }).waitFor({ timeout: 10_000 })
  })

  it('her list of meetings gives each one’s own date, and says whether its map was finished apart from whether it ended', async () => {
    const email = 'ana.list@example.org'
    await workerWithPassword(live.server, email, 'Ana Ruiz')
    const context = await live.browser.newContext({ locale: 'en-US', timezoneId: 'America/Los_Angeles' })
    await signInByApi(context, live.server.url, email)
    const make = async (title: string, details: Record<string, string> = {}) => {
      const made = await context.request.post(`${live.server.url}/api/meetings`, { data: { title, locale: 'en', ...details } })
      expect(made.status()).toBe(201)
      return ((await made.json()) as { id: string }).id
    }
    await make('Perez family', { startTime: '2026-11-03T17:00:00.000Z' })
    const ended = await make('Garcia family')
    expect((await context.request.post(`${live.server.url}/api/meetings/${ended}/end`)).status()).toBe(204)
    const finished = await make('Lopez family')
    expect((await context.request.post(`${live.server.url}/api/meetings/${finished}/finalize`)).status()).toBe(200)
    expect((await context.request.post(`${live.server.url}/api/meetings/${finished}/end`)).status()).toBe(204)

    const page = await context.newPage()
    await page.goto(live.server.url)
    const row = (title: string) => page.getByRole('link', { name: new RegExp(`^${title}`) })
    await row('Perez family').waitFor({ timeout: 10_000 })
    const today = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'America/Los_Angeles' }).format(new Date())
    expect(await row('Perez family').innerText()).toBe('Perez family\nMeeting on Nov 3, 2026 · Open · English')
    expect(await row('Garcia family').innerText()).toBe(`Garcia family\nCreated ${today} · Map not finished · Meeting ended ${today} · English`)
    expect(await row('Lopez family').innerText()).toBe(`Lopez family\nCreated ${today} · Map finished · Meeting ended ${today} · English`)
  })
})
