/**
 * The phone view (`/m/:id/list`) in a real Chromium with a phone's viewport and touch: a family
 * member joins by invite on a Pixel-size phone and is offered the list, adds to "What’s working
 * well?", and the facilitator's doc (a Node y-websocket peer, as the canvas reads it) has the
 * note inside that section with her name; items written offline say "Not sent yet" and arrive
 * exactly once when the phone is back; the facilitator's edits show live; a 320 px screen with
 * 200 % text never scrolls sideways and keeps 44 px targets; axe finds no serious or critical
 * problem on the join and phone pages in English and Spanish.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devices, type Browser, type BrowserContext, type Page, type WebSocketRoute } from 'playwright-core'
import { addItem, readMap, updateItemText, type SectionKey } from '@safetymap/map-model'
import { startServer, type TestServer } from '../helpers/servers.ts'
import { api, connectPeer, createMeeting, type Peer } from '../helpers/clients.ts'
import { foreignHosts, launchChromium } from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
// Map-model headings use a typographic apostrophe.
const WORKING_WELL = /^What.s working well\?$/
const PIXEL = devices['Pixel 7']

let server: TestServer
let browser: Browser
let worker: { workerId: string; apiKey: string }

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
  worker = server.addWorker('Ana Ruiz')
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** A phone: Pixel 7 size and touch unless told otherwise, every request recorded. */
async function phoneContext(options: { viewport?: { width: number; height: number } } = {}) {
  const context = await browser.newContext({
    ...PIXEL,
    ...(options.viewport ? { viewport: options.viewport, screen: options.viewport } : {}),
    locale: 'en-US',
  })
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  context.on('page', (page) => page.on('websocket', (ws) => requests.push(ws.url())))
  return { context, requests }
}

async function newMeetingWithInvite(title: string) {
  const meeting = await createMeeting(server.url, worker.apiKey, title)
  const invite = await api<{ url: string }>(server.url, `/api/meetings/${meeting.id}/invites`, {
    token: worker.apiKey,
    body: { role: 'editor', kind: 'personal', lobby: false },
  })
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`)
  // The invite URL names the server's address as the request saw it; keep the test server's.
  const url = new URL(invite.body.url)
  return { meeting, inviteUrl: `${server.url}${url.pathname}${url.hash}` }
}

/** Fills in the join form the way a person would (name, how they are connected, how they take part, agreement). */
async function joinAs(page: Page, name: string) {
  await page.getByLabel(/What is your name\?|¿Cómo se llama\?/).fill(name)
  const relationship = page.locator('select').first()
  if ((await relationship.count()) > 0) {
    const value = await relationship.locator('option:not([disabled])').first().getAttribute('value')
    await relationship.selectOption(value ?? '')
  }
  const attendance = page.locator('input[type="radio"]').first()
  if ((await attendance.count()) > 0) await attendance.check()
  const agree = page.locator('input[type="checkbox"]').first()
  if ((await agree.count()) > 0) await agree.check()
  await page.getByRole('button', { name: /Join the meeting|Unirme a la reunión/ }).tap()
}

function section(page: Page, key: SectionKey) {
  return page.locator(`[data-testid="phone-section"][data-section="${key}"]`)
}

async function addOnPhone(page: Page, key: SectionKey, text: string) {
  const box = section(page, key)
  const textarea = box.locator('.phone-add textarea')
  // After an add the form stays open for the next item.
  if (!(await textarea.isVisible())) await box.locator('.phone-add-open').tap()
  await textarea.fill(text)
  await box.getByRole('button', { name: /^(Add|Añadir)$/ }).tap()
  await box.getByTestId('phone-item-text').getByText(text, { exact: true }).waitFor({ timeout: 5_000 })
}

const itemsWithText = (peer: Peer, key: SectionKey, text: string) => readMap(peer.doc).sections[key].filter((item) => item.text === text)

async function expectLive(page: Page) {
  await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('live')
}

async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE}\n;undefined`)
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3) }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} ${v.targets.join(' ')}`)
}

describe('the phone view', () => {
  it('lets a family member on a phone add, change and remove her own items, live with the facilitator', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Family meeting for Kai')
    const facilitator = connectPeer({ url: server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext()
    try {
      await facilitator.synced()
      const lorna = await phone.context.newPage()
      await lorna.goto(inviteUrl)
      await joinAs(lorna, 'Grandma Lorna')

      // A narrow screen gets the list, not the canvas.
      await lorna.waitForURL(new RegExp(`/m/${meeting.id}/list$`), { timeout: 20_000 })
      await expectLive(lorna)
      const column = lorna.locator('section.phone-column').filter({ has: lorna.getByRole('heading', { name: WORKING_WELL }) })
      await expect.poll(() => column.locator('[data-testid="phone-section"][data-section="strengths"]').count()).toBe(1)

      // She adds to "What’s working well?"; the facilitator's doc has it inside that section, by her.
      await addOnPhone(lorna, 'strengths', 'I walk Kai to school every day')
      await waitFor(() => itemsWithText(facilitator, 'strengths', 'I walk Kai to school every day').length === 1, {
        timeoutMs: 10_000,
        what: 'the phone item in the facilitator doc',
      })
      const [item] = itemsWithText(facilitator, 'strengths', 'I walk Kai to school every day')
      expect(item).toMatchObject({ authorName: 'Grandma Lorna' })
      expect(item?.authorId).toBeTruthy()
      await expect.poll(() => section(lorna, 'strengths').getByTestId('phone-item').first().innerText()).toContain('Written by you')

      // The facilitator writes and edits; the phone follows live.
      const anaNote = addItem(facilitator.doc, 'safety', 'Lorna called the police when Kai was left alone', { id: worker.workerId, name: 'Ana Ruiz' })
      await section(lorna, 'safety').getByText('Lorna called the police when Kai was left alone').waitFor({ timeout: 10_000 })
      await expect.poll(() => section(lorna, 'safety').getByTestId('phone-item').first().innerText()).toContain('Written by Ana Ruiz')
      // Someone else's item offers no Change or Remove.
      await expect.poll(() => section(lorna, 'safety').getByRole('button', { name: 'Change' }).count()).toBe(0)
      updateItemText(facilitator.doc, anaNote, 'Lorna called for help the night Kai was left alone')
      await section(lorna, 'safety').getByText('Lorna called for help the night Kai was left alone').waitFor({ timeout: 10_000 })
      await expect.poll(() => section(lorna, 'safety').getByText('Lorna called the police when Kai was left alone').count()).toBe(0)

      // She changes her own words, then removes them.
      const mine = section(lorna, 'strengths').getByTestId('phone-item').first()
      await mine.getByRole('button', { name: 'Change' }).tap()
      await mine.locator('textarea').fill('I walk Kai to school on weekdays')
      await mine.getByRole('button', { name: 'Save' }).tap()
      await waitFor(() => itemsWithText(facilitator, 'strengths', 'I walk Kai to school on weekdays').length === 1, {
        timeoutMs: 10_000,
        what: 'the changed text in the facilitator doc',
      })
      await mine.getByRole('button', { name: 'Remove' }).tap()
      await mine.getByRole('button', { name: 'Yes, remove it' }).tap()
      await waitFor(() => readMap(facilitator.doc).sections.strengths.length === 0, { timeoutMs: 10_000, what: 'the removal in the facilitator doc' })
      await expect.poll(() => section(lorna, 'strengths').getByTestId('phone-item').count()).toBe(0)

      // Who's here lists both.
      await lorna.getByText(/^Who's here \(\d+\)$/).tap()
      await expect.poll(() => lorna.getByTestId('whos-here').innerText(), { timeout: 10_000 }).toContain('Grandma Lorna (you)')

      // The phone never loaded tldraw, and talked to no other host.
      const scripts = phone.requests.filter((u) => /\.js(\?|$)/.test(u))
      expect(scripts.some((u) => /MeetingCanvas/.test(u))).toBe(false)
      expect(foreignHosts(phone.requests, new URL(server.url).host)).toEqual([])
    } finally {
      facilitator.destroy()
      await phone.context.close()
    }
  })

  it('keeps items written offline, marks them "Not sent yet", and delivers each exactly once', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Offline meeting')
    const facilitator = connectPeer({ url: server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext()
    try {
      await facilitator.synced()
      const page = await phone.context.newPage()
      await page.goto(inviteUrl)
      await joinAs(page, 'Uncle Joe')
      await page.waitForURL(/\/list$/, { timeout: 20_000 })
      await expectLive(page)

      await phone.context.setOffline(true)
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('offline')
      await addOnPhone(page, 'next-steps', 'Joe drives Kai to the doctor on Tuesday')
      await addOnPhone(page, 'next-steps', 'Joe calls Lorna every evening')
      await expect.poll(() => section(page, 'next-steps').getByTestId('not-sent').count()).toBe(2)
      await expect.poll(() => page.getByTestId('connection-status').innerText()).toMatch(/saved on this device/)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(readMap(facilitator.doc).sections['next-steps']).toEqual([])

      await phone.context.setOffline(false)
      await expectLive(page)
      await waitFor(() => readMap(facilitator.doc).sections['next-steps'].length === 2, { timeoutMs: 15_000, what: 'both offline items to arrive' })
      // Exactly once each, with the right author, and the marks are gone.
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      const texts = readMap(facilitator.doc).sections['next-steps'].map((i) => `${i.text} / ${i.authorName}`).sort()
      expect(texts).toEqual(['Joe calls Lorna every evening / Uncle Joe', 'Joe drives Kai to the doctor on Tuesday / Uncle Joe'])
      await expect.poll(() => section(page, 'next-steps').getByTestId('not-sent').count()).toBe(0)
    } finally {
      facilitator.destroy()
      await phone.context.close()
    }
  })

  it('keeps an unsent item through a reload (IndexedDB) and sends it once the relay answers', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Reload meeting')
    const facilitator = connectPeer({ url: server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext()
    // The relay is unreachable while `blocked`: the page itself still loads (no service worker needed).
    let blocked = false
    const held: WebSocketRoute[] = []
    await phone.context.routeWebSocket(/\/sync\//, (ws) => {
      if (blocked) held.push(ws)
      else ws.connectToServer()
    })
    try {
      await facilitator.synced()
      const page = await phone.context.newPage()
      await page.goto(inviteUrl)
      await joinAs(page, 'Aunt May')
      await page.waitForURL(/\/list$/, { timeout: 20_000 })
      await expectLive(page)
      // Let y-indexeddb store the synced map before the relay goes away.
      await page.waitForTimeout(500)

      blocked = true
      await page.reload()
      await section(page, 'goals').waitFor({ timeout: 20_000 })
      expect(await page.getByTestId('connection-status').getAttribute('data-state')).not.toBe('live')
      await addOnPhone(page, 'goals', 'Kai is picked up from school every day by someone safe')
      await expect.poll(() => section(page, 'goals').getByTestId('not-sent').count()).toBe(1)
      await page.waitForTimeout(500)
      await page.reload()
      await section(page, 'goals').getByText('Kai is picked up from school every day by someone safe').waitFor({ timeout: 20_000 })
      await expect.poll(() => section(page, 'goals').getByTestId('not-sent').count()).toBe(1)
      expect(readMap(facilitator.doc).sections.goals).toEqual([])

      blocked = false
      for (const ws of held.splice(0)) await ws.close({ code: 1006 }).catch(() => undefined)
      await expectLive(page)
      await waitFor(() => readMap(facilitator.doc).sections.goals.length === 1, { timeoutMs: 20_000, what: 'the reloaded item to arrive' })
      expect(readMap(facilitator.doc).sections.goals[0]).toMatchObject({ authorName: 'Aunt May' })
      await expect.poll(() => section(page, 'goals').getByTestId('not-sent').count()).toBe(0)
    } finally {
      facilitator.destroy()
      await phone.context.close()
    }
  })

  it('fits a 320 px screen at 200 % text with 44 px targets, and axe finds no serious problem in English or Spanish', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Small screen meeting')
    const facilitator = connectPeer({ url: server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext({ viewport: { width: 320, height: 640 } })
    try {
      await facilitator.synced()
      addItem(facilitator.doc, 'danger', 'Kai could be hurt if he is left alone at night', { id: worker.workerId, name: 'Ana Ruiz' })
      const page = await phone.context.newPage()
      await page.goto(inviteUrl)
      await page.getByLabel('What is your name?').waitFor({ timeout: 20_000 })
      expect(await axeProblems(page), 'join page, English').toEqual([])
      await page.getByRole('button', { name: 'Español' }).tap()
      await page.getByLabel('¿Cómo se llama?').waitFor()
      expect(await axeProblems(page), 'join page, Spanish').toEqual([])
      await joinAs(page, 'Abuela Rosa')
      await page.waitForURL(/\/list$/, { timeout: 20_000 })
      await expectLive(page)
      await section(page, 'danger').getByText('Kai could be hurt').waitFor({ timeout: 10_000 })
      await addOnPhone(page, 'strengths', 'Rosa cocina para Kai los domingos')
      expect(await axeProblems(page), 'phone page, Spanish').toEqual([])
      await page.getByRole('button', { name: 'English' }).tap()
      await page.getByRole('heading', { name: WORKING_WELL }).waitFor()
      expect(await axeProblems(page), 'phone page, English').toEqual([])

      const layout = () =>
        page.evaluate(() => {
          const small: string[] = []
          for (const el of document.querySelectorAll<HTMLElement>('.phone button, .phone a, .phone summary, .phone textarea')) {
            const box = el.getBoundingClientRect()
            if (box.width === 0 && box.height === 0) continue
            if (box.width < 44 || box.height < 44) small.push(`${el.tagName} "${el.textContent?.trim()}" ${Math.round(box.width)}×${Math.round(box.height)}`)
          }
          const wide = [...document.querySelectorAll<HTMLElement>('body *')]
            .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
            .slice(0, 8)
          return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, small, wide }
        })
      // Open a form and a confirmation, so their controls are measured too.
      await section(page, 'harm').locator('.phone-add-open').tap()
      await section(page, 'strengths').getByRole('button', { name: 'Remove' }).tap()
      // 200 % text: twice the app's 18 px base size.
      for (const size of ['18px', '36px']) {
        await page.evaluate((s) => (document.documentElement.style.fontSize = s), size)
        const { scrollWidth, clientWidth, small, wide } = await layout()
        expect(scrollWidth, `no sideways scrolling at ${size} text: ${wide.join(', ')}`).toBeLessThanOrEqual(clientWidth)
        expect(small, `targets at ${size} text`).toEqual([])
      }
    } finally {
      facilitator.destroy()
      await phone.context.close()
    }
  })

  it('switches both ways between the list and the board, remembering the choice', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Switch meeting')
    const phone = await phoneContext()
    try {
      const page = await phone.context.newPage()
      await page.goto(inviteUrl)
      await joinAs(page, 'Cousin Bo')
      await page.waitForURL(/\/list$/, { timeout: 20_000 })
      await page.getByRole('link', { name: 'Show the board' }).tap()
      await page.waitForURL(new RegExp(`/m/${meeting.id}$`))
      await page.locator('.tl-canvas').waitFor({ timeout: 30_000 })
      await page.getByRole('link', { name: 'Show as list' }).tap()
      await page.waitForURL(/\/list$/)
      await section(page, 'harm').waitFor({ timeout: 20_000 })
    } finally {
      await phone.context.close()
    }
  })
})
