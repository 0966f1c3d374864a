/**
 * The phone view (`/m/:id/list`) in a real Chromium with a phone's viewport and touch: a family
 * member joins by invite on a Pixel-size phone and is offered the list, adds to "What’s working
 * well?", and the facilitator's doc (a Node y-websocket peer, as the canvas reads it) has the
 * note inside that section with her name; items written offline say "Not sent yet" and arrive
 * exactly once when the phone is back; the facilitator's edits show live; a 320 px screen with
 * 200 % text never scrolls sideways and keeps 44 px targets; axe finds no serious or critical
 * problem on the join and phone pages in English and Spanish. The toolkit, built by the
 * facilitator's Node peer, reads on the phone (worries with their goals and next steps, everyone's
 * numbers and reasons, quotation marks on someone's own words), and the phone user gives and
 * changes her own number with reasons: the facilitator's doc has one mark, hers. What 0 and 10
 * mean, where the facilitator worded them, shows on the line and in the number form. A number on a
 * private line given offline waits on the phone ("Not sent yet") and reaches the server exactly
 * once. The lobby passes axe in both languages. Opening the list's address on a fresh phone uses
 * one compressed sync socket, the one the page's early start opened, and asks the relay for the
 * map once. The server's copy of the list has the live list's bar, so the map does not move down
 * at the takeover. On a removed screen the
 * board offers no "Show as list". Templates placed beside the map (Three Houses, the Safety House,
 * the circles) follow the rating band on a 390 × 844 phone, under the child's own names for the
 * houses, with the child's agreement to share shown and the path's marks read-only; the houses
 * take no notes from the phone (they hold the child's words only); a note added to the Safety
 * House or a ring (online, or offline as "Not sent yet") lands there on the board, and the
 * server's copy of the list shows the templates (the path's worded ends too) as the live list does. What she is typing in an
 * open form survives a reload, in the tab's sessionStorage only, until it is sent or cancelled.
 * Words (or a number and its reasons) typed in a form when the map is finished or the connection
 * ends stay on screen to copy; when the map is withdrawn (meeting ended) only her own new words do.
 * For the keyboard and screen reader: Escape closes a form as Cancel does, and the focus goes back
 * to its button (or on to "Add to …" when she removes a note); a number form opens on her number;
 * the bar never hides the focused control, shows up to two lines of the meeting's name, and with
 * large text scrolls away rather than covering the screen; "Not sent yet" says what it means.
 * "Go to a part of the map" links each column, the 0–10 question, each placed template and the safety journal, in
 * her language, and takes her focus to the heading, on screen and clear of the bar.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { devices, type Locator, type Page, type WebSocketRoute } from 'playwright-core'
import {
  addDangerStatement,
  addDisagreement,
  addItem,
  addNextStep,
  addSafetyGoal,
  addTemplateItem,
  composeDangerStatement,
  composeSafetyGoal,
  formatDueDate,
  placeTemplate,
  readMap,
  readMeta,
  renameTemplateZone,
  safetyHousePathScaleId,
  safetyMapTemplate,
  scalingMarkId,
  setScaleEnds,
  updateItemText,
  writeScalingMark,
  zoneLabel,
  type DangerStatementSlots,
  type ItemZoneKey,
  type SafetyGoalSlots,
  type SectionKey,
} from '@safetymap/map-model'
import { axeProblems } from '../helpers/axe.ts'
import { api, connectPeer, createMeeting, type Peer } from '../helpers/clients.ts'
import { foreignHosts } from '../helpers/browser.ts'
import { FINISHED_DOT, LIVE_DOT, statusDot } from '../helpers/statusDot.ts'
import { recordStatusTexts, statusTextsSeen } from '../helpers/statusTexts.ts'
import { setBrowserTextSize } from '../helpers/textSize.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { expectLive, joinAs, joinOnPhone } from '../helpers/phoneJoin.ts'

// Map-model headings use a typographic apostrophe.
const WORKING_WELL = /^What.s working well\?$/
const PIXEL = devices['Pixel 7']

const live = useServerAndChromium()
let worker: { workerId: string; apiKey: string }

beforeAll(async () => {
  worker = await live.server.addWorker('Ana Ruiz')
})

/** A phone: Pixel 7 size and touch unless told otherwise, every request recorded. */
/** `firstVisit`: no service worker, so nothing kept from an earlier visit can stand in for the network. */
async function phoneContext(options: { viewport?: { width: number; height: number }; firstVisit?: boolean } = {}) {
  const context = await live.browser.newContext({
    ...PIXEL,
    ...(options.viewport ? { viewport: options.viewport, screen: options.viewport } : {}),
    ...(options.firstVisit ? { serviceWorkers: 'block' as const } : {}),
    locale: 'en-US',
  })
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  context.on('page', (page) => page.on('websocket', (ws) => requests.push(ws.url())))
  return { context, requests }
}

async function newMeetingWithInvite(title: string, template?: 'wellbeing') {
  const created = await api<{ id: string; title: string }>(live.server.url, '/api/meetings', { token: worker.apiKey, body: { title, locale: 'en', ...(template ? { template } : {}) } })
  if (created.status !== 201) throw new Error(`create meeting failed: ${created.status} ${JSON.stringify(created.body)}`)
  const meeting = created.body
  const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meeting.id}/invites`, {
    token: worker.apiKey,
    body: { role: 'editor', kind: 'personal', lobby: false },
  })
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`)
  // The invite URL names the server's address as the request saw it; keep the test server's.
  const url = new URL(invite.body.url)
  return { meeting, inviteUrl: `${live.server.url}${url.pathname}${url.hash}` }
}

/** A part of the live list: a section, or a zone of a placed template (each template once on the map). */
function section(page: Page, key: ItemZoneKey) {
  return page.locator(`[data-testid="phone-section"][data-section="${key}"]`)
}

async function addOnPhone(page: Page, key: ItemZoneKey, text: string) {
  const box = section(page, key)
  const textarea = box.locator('.phone-add textarea')
  // After an add the form stays open for the next item.
  if (!(await textarea.isVisible())) {
    await box.locator('.phone-add-open').tap()
    // The open form has the focus, on the list page's Preact as under React (focusOnMount.ts).
    await expect.poll(() => textarea.evaluate((element) => element === document.activeElement)).toBe(true)
  }
  await textarea.fill(text)
  await box.getByRole('button', { name: /^(Add|Añadir)$/ }).tap()
  await box.getByTestId('phone-item-text').getByText(text, { exact: true }).waitFor({ timeout: 5_000 })
}

/** Whether `locator` has the keyboard focus (at once, without waiting for it to appear: callers poll). */
/**
 * Aunt May's note "Lorna walks Kai to school" in strengths, then two forms open with words in them,
 * neither sent: a new note for "harm" and a change to her own note. Returns those two places.
 */
async function typeInTwoForms(page: Page) {
  await addOnPhone(page, 'strengths', 'Lorna walks Kai to school')
  const harm = section(page, 'harm')
  await harm.locator('.phone-add-open').tap()
  await harm.locator('.phone-add textarea').fill('Kai was alone at the park')
  const mine = section(page, 'strengths').getByTestId('phone-item').first()
  await mine.getByRole('button', { name: 'Change' }).tap()
  await mine.locator('textarea').fill('Lorna walks Kai to school and back')
  return { harm, mine }
}

/** Opens "Give your number" on the overall line and starts giving `value` with its reasons, not sent yet; returns the line. */
async function startRating(page: Page, value: number, high: string, higher?: string) {
  const overall = page.locator('[data-testid="scale-line"][data-scale-id="overall"]')
  await overall.getByRole('button', { name: 'Give your number' }).tap()
  await overall.getByRole('radio', { name: String(value), exact: true }).tap()
  await overall.getByLabel('What makes it this high?').fill(high)
  if (higher !== undefined) await overall.getByLabel('What would one point higher look like?').fill(higher)
  return overall
}

const isFocused = (locator: Locator) => locator.evaluateAll((elements) => elements.length === 1 && elements[0] === document.activeElement)

/** What a small screen suffers from: shown controls under 44 px either way, and the page's width against the screen's (with what sticks out). */
const layoutProblems = (page: Page) =>
  page.evaluate(() => {
    const small: string[] = []
    for (const el of document.querySelectorAll<HTMLElement>('.phone button, .phone a, .phone summary, .phone textarea, .phone-choice-option span')) {
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

/** Whether `heading` is wholly on screen and not under the bar while the bar stays on screen. */
const clearOfBar = (heading: Locator) =>
  heading.evaluate((element) => {
    const bar = document.querySelector('.phone-bar')
    const barBottom = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0
    const box = element.getBoundingClientRect()
    return box.top >= barBottom - 0.5 && box.bottom <= window.innerHeight
  })

const itemsWithText = (peer: Peer, key: SectionKey, text: string) => readMap(peer.doc).sections[key].filter((item) => item.text === text)
/** The notes in zone `key` of the placed template `placementId`, as the board reads them. */
const templateItems = (peer: Peer, placementId: string, key: ItemZoneKey) => readMap(peer.doc).templates.find((t) => t.placementId === placementId)?.sections[key] ?? []
const KAI = { id: 'p-kai', name: 'Kai' }

const STATEMENT: DangerStatementSlots = {
  whoIsWorried: 'Grandma Lorna and the school',
  behaviour: 'Jess stays in bed until the afternoon',
  situations: 'on days when Jess feels very low',
  impactOnChild: 'Kai could be hurt by traffic when he goes out alone to find food',
  whoDisagrees: '',
}
const GOAL: SafetyGoalSlots = {
  caregiversWillBeDoing: 'Jess texts Lorna or Sam by 7:30 on hard mornings',
  childWillExperience: 'Kai has breakfast and gets to school every day',
  whoIsInvolved: 'Lorna and Sam take Kai to school when Jess asks',
  forHowLong: 'four months',
  howEveryoneWillKnow: 'the school attendance records',
}

/** A worry (in someone's own words) with its goal and a next step, and Ana's overall number, written by the facilitator's Node peer. */
function buildToolkit(peer: Peer) {
  const ana = { id: worker.workerId, name: 'Ana Ruiz' }
  const statementId = addDangerStatement(peer.doc, STATEMENT, ana, { quote: true })
  const goalId = addSafetyGoal(peer.doc, { ...GOAL, dangerStatementId: statementId }, ana)
  addNextStep(peer.doc, { action: 'Add Sam to the family group chat', owner: 'Lorna', dueDate: '2026-12-04', safetyGoalId: goalId }, ana)
  writeScalingMark(peer.doc, {
    scaleId: 'overall',
    participant: ana,
    value: 6,
    reasons: { whatMakesItThisHigh: 'Lorna is close by every day', onePointHigher: 'Sam is in the group chat' },
  })
  return { statementId, goalId }
}

describe('the phone view', () => {
  it('lets a family member on a phone add, change and remove her own items, live with the facilitator', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Family meeting for Kai')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
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
      // A screen reader hears what someone else added, and where; her own note was not news.
      await expect.poll(() => lorna.getByTestId('phone-news').innerText()).toBe('New in “Existing safety”: Lorna called the police when Kai was left alone')
      // Someone else's item offers no Change or Remove.
      await expect.poll(() => section(lorna, 'safety').getByRole('button', { name: 'Change' }).count()).toBe(0)
      updateItemText(facilitator.doc, anaNote, 'Lorna called for help the night Kai was left alone')
      await section(lorna, 'safety').getByText('Lorna called for help the night Kai was left alone').waitFor({ timeout: 10_000 })
      await expect.poll(() => section(lorna, 'safety').getByText('Lorna called the police when Kai was left alone').count()).toBe(0)

      // She changes her own words, then removes them.
      const mine = section(lorna, 'strengths').getByTestId('phone-item').first()
      await mine.getByRole('button', { name: 'Change' }).tap()
      await expect.poll(() => mine.locator('textarea').evaluate((element) => element === document.activeElement)).toBe(true)
      await mine.locator('textarea').fill('I walk Kai to school on weekdays')
      // Meanwhile the facilitator changes the same item: Save first says so instead of replacing those words.
      updateItemText(facilitator.doc, item!.id, 'I walk Kai to school every day, rain or shine', { editor: { id: worker.workerId, name: 'Ana Ruiz' } })
      await mine.getByTestId('changed-meanwhile').waitFor({ timeout: 10_000 })
      // Her item now says who else changed its words.
      expect(await mine.getByTestId('changed-by').innerText()).toBe('Changed by Ana Ruiz')
      expect(await mine.getByTestId('changed-meanwhile').innerText()).toContain('“I walk Kai to school every day, rain or shine”')
      await mine.getByRole('button', { name: 'Save' }).tap()
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(itemsWithText(facilitator, 'strengths', 'I walk Kai to school every day, rain or shine')).toHaveLength(1)
      // Asked again, her words go in.
      await mine.getByRole('button', { name: 'Save' }).tap()
      await waitFor(() => itemsWithText(facilitator, 'strengths', 'I walk Kai to school on weekdays').length === 1, {
        timeoutMs: 10_000,
        what: 'the changed text in the facilitator doc',
      })
      // Her own words again: hers alone once more.
      expect(itemsWithText(facilitator, 'strengths', 'I walk Kai to school on weekdays')[0]?.changedBy).toBeUndefined()
      await expect.poll(() => mine.getByTestId('changed-by').count()).toBe(0)
      // Escape closes each open form as Cancel does, and the focus goes back to the button that opened it.
      await mine.getByRole('button', { name: 'Change' }).tap()
      await mine.locator('textarea').fill('I walk Kai to school sometimes')
      await mine.locator('textarea').press('Escape')
      await expect.poll(() => isFocused(mine.getByRole('button', { name: 'Change' }))).toBe(true)
      expect(await mine.getByTestId('phone-item-text').innerText()).toBe('I walk Kai to school on weekdays')
      await mine.getByRole('button', { name: 'Remove' }).tap()
      await lorna.keyboard.press('Escape')
      await expect.poll(() => isFocused(mine.getByRole('button', { name: 'Remove' }))).toBe(true)
      expect(await mine.getByRole('button', { name: 'Yes, remove it' }).count()).toBe(0)
      const strengths = section(lorna, 'strengths')
      await strengths.locator('.phone-add textarea').fill('Kai and I')
      await strengths.locator('.phone-add textarea').press('Escape')
      await expect.poll(() => isFocused(strengths.locator('.phone-add-open'))).toBe(true)
      await mine.getByRole('button', { name: 'Remove' }).tap()
      await mine.getByRole('button', { name: 'Yes, remove it' }).tap()
      // The note's buttons are gone: the focus goes on to the section's "Add to …", not to the top of the page.
      await expect.poll(() => isFocused(strengths.locator('.phone-add-open'))).toBe(true)
      await waitFor(() => readMap(facilitator.doc).sections.strengths.length === 0, { timeoutMs: 10_000, what: 'the removal in the facilitator doc' })
      await expect.poll(() => strengths.getByTestId('phone-item').count()).toBe(0)

      // Who's here lists both.
      await lorna.getByText(/^Who's here \(\d+\)$/).tap()
      await expect.poll(() => lorna.getByTestId('whos-here').innerText(), { timeout: 10_000 }).toContain('Grandma Lorna (you)')

      // The phone never loaded tldraw, and talked to no other host.
      const scripts = phone.requests.filter((u) => /\.js(\?|$)/.test(u))
      expect(scripts.some((u) => /MeetingCanvas/.test(u))).toBe(false)
      expect(foreignHosts(phone.requests, new URL(live.server.url).host)).toEqual([])
    } finally {
      facilitator.destroy()
      await phone.context.close()
    }
  })

  it('lists her under "Who\'s here" when the map reaches her phone after the page is ready', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Family meeting for Kai')
    const phone = await phoneContext()
    // A slow network: everything the relay sends reaches the phone 1.5 s late, so the map arrives
    // on the socket the page opened early after the page is already showing.
    await phone.context.routeWebSocket(/\/sync\//, (ws) => {
      const server = ws.connectToServer()
      server.onMessage((message) => void setTimeout(() => ws.send(message), 1_500))
    })
    try {
      const lorna = await phone.context.newPage()
      await lorna.goto(inviteUrl)
      await joinAs(lorna, 'Grandma Lorna')
      await lorna.waitForURL(new RegExp(`/m/${meeting.id}/list$`), { timeout: 20_000 })
      await expectLive(lorna)
      await lorna.getByText(/^Who's here \(\d+\)$/).tap()
      await expect.poll(() => lorna.getByTestId('whos-here').innerText(), { timeout: 10_000 }).toContain('Grandma Lorna (you)')
    } finally {
      await phone.context.close()
    }
  })

  it('keeps items written offline, marks them "Not sent yet", and delivers each exactly once', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Offline meeting')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext()
    try {
      await facilitator.synced()
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Uncle Joe')

      await phone.context.setOffline(true)
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('offline')
      await addOnPhone(page, 'next-steps', 'Joe drives Kai to the doctor on Tuesday')
      await addOnPhone(page, 'next-steps', 'Joe calls Lorna every evening')
      await expect.poll(() => section(page, 'next-steps').getByTestId('not-sent').count()).toBe(2)
      // What it means is there to read, not in a tooltip that touch screens and screen readers never show.
      expect(await section(page, 'next-steps').getByTestId('phone-item').first().innerText()).toMatch(/Not sent yet\s*Kept on this phone\. It will be sent when the connection comes back\./)
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

  it('stops and says the map was finished when the items she wrote offline are refused after a finalize', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Finished offline meeting')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext()
    try {
      await facilitator.synced()
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Uncle Joe')

      await phone.context.setOffline(true)
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('offline')
      await addOnPhone(page, 'next-steps', 'Joe drives Kai to the doctor on Tuesday')
      expect((await api(live.server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: worker.apiKey })).status).toBe(200)
      await phone.context.setOffline(false)

      await expect(page.getByTestId('phone-ended').getAttribute('data-code', { timeout: 15_000 })).resolves.toBe('4002')
      await expect(page.getByTestId('phone-ended').innerText()).resolves.toMatch(/could not be saved/)
      // It does not knock again: the socket count stays put for longer than the first retries take.
      const sockets = () => phone.requests.filter((url) => url.includes('/sync/')).length
      const before = sockets()
      await new Promise((resolve) => setTimeout(resolve, 3_000))
      expect(sockets()).toBe(before)
      expect(readMap(facilitator.doc).sections['next-steps']).toEqual([])
    } finally {
      facilitator.destroy()
      await phone.context.close()
    }
  })

  it('keeps an unsent item through a reload (IndexedDB) and sends it once the relay answers', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Reload meeting')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
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
      // What she agrees to is all there to read, not cut off in a box of its own.
      const consent = page.getByTestId('consent-text')
      await consent.waitFor({ timeout: 10_000 })
      expect(await consent.evaluate((box) => box.scrollHeight - box.clientHeight)).toBe(0)
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
      // In Spanish too, what "Not sent yet" means shows under it.
      await page.getByRole('button', { name: 'Español' }).tap()
      await expect.poll(() => section(page, 'goals').getByTestId('phone-item').innerText()).toMatch(/Todavía no se envió\s*Está guardado en este teléfono\./)
      await page.getByRole('button', { name: 'English' }).tap()

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

  it('lists the templates placed beside the map after the rating band, and a note she adds to the Safety House lands there', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Templates on the phone')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext({ viewport: { width: 390, height: 844 } })
    try {
      await facilitator.synced()
      let houses = ''
      let safetyHouse = ''
      let circles = ''
      await live.server.services.relay.applyServerChange(meeting.id, (doc) => {
        houses = placeTemplate(doc, 'three-houses').placementId
        renameTemplateZone(doc, houses, 'house-worries', 'the sad house')
        addTemplateItem(doc, houses, 'house-worries', 'when dad shouts', KAI, { childAgreed: true })
        addTemplateItem(doc, houses, 'house-good-things', 'football with nan', KAI)
        safetyHouse = placeTemplate(doc, 'safety-house').placementId
        writeScalingMark(doc, { scaleId: safetyHousePathScaleId(safetyHouse), participant: KAI, value: 8, reasons: { whatMakesItThisHigh: 'nan is at the door', onePointHigher: '' } })
        circles = placeTemplate(doc, 'circles').placementId
        addTemplateItem(doc, circles, 'circle-close', 'Aunt May', { id: worker.workerId, name: 'Ana Ruiz' })
      })
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Grandma Lorna')

      // Each template under its name after the rating band; the child's own name for a house in place of the usual one.
      const template = (id: string) => page.locator(`[data-testid="phone-template"][data-template="${id}"]`)
      await template('three-houses').waitFor({ timeout: 10_000 })
      expect(await page.getByTestId('phone-template').evaluateAll((lists) => lists.map((list) => list.getAttribute('data-template')))).toEqual(['three-houses', 'safety-house', 'circles'])
      expect(await section(page, 'scale').evaluate((band) => band.compareDocumentPosition(document.querySelector('[data-testid="phone-template"]')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy()
      expect(await template('three-houses').locator('h2, h3').allInnerTexts()).toEqual(['Three Houses', zoneLabel('house-good-things', 'en'), 'the sad house', zoneLabel('house-hopes-dreams', 'en')])
      // All of the child's words show; the ones they agreed to share say so.
      expect(await section(page, 'house-worries').getByTestId('phone-item').innerText()).toMatch(/when dad shouts\s*Written by Kai\s*The child agreed to share this/)
      expect(await section(page, 'house-good-things').getByTestId('phone-item-text').innerText()).toBe('football with nan')
      expect(await section(page, 'house-good-things').getByTestId('child-agreed').count()).toBe(0)
      // The path to the door: Kai's number and words, to read (marks are placed on the board).
      const pathMark = section(page, 'safety-house-path').getByTestId('path-marks').getByTestId('scale-mark')
      expect(await pathMark.innerText()).toMatch(/^Kai\s*8\s*What makes it this high\?\s*nan is at the door$/)
      expect(await template('safety-house').getByRole('button', { name: /number/ }).count()).toBe(0)
      // The circles: the people in each ring.
      expect(await template('circles').locator('h2').innerText()).toBe('Circles of safety and support')
      expect(await section(page, 'circle-close').getByTestId('phone-item-text').innerText()).toBe('Aunt May')

      // The child's houses hold only the child's words: nothing to add there, and it says why.
      expect(await template('three-houses').locator('.phone-add').count()).toBe(0)
      expect(await template('three-houses').getByTestId('childs-words-only').innerText()).toBe('Only the child’s own words go in these houses. The person running the meeting writes them down with the child.')
      // She adds to the Safety House's rules: the board has it inside that zone, by her.
      await addOnPhone(page, 'safety-house-rules', 'Kai lives with his mum again')
      await waitFor(() => templateItems(facilitator, safetyHouse, 'safety-house-rules').some((i) => i.text === 'Kai lives with his mum again' && i.authorName === 'Grandma Lorna'), {
        timeoutMs: 10_000,
        what: 'the phone note inside the Safety House on the board',
      })
      // Offline, a note waits on the phone as "Not sent yet" and arrives once.
      await phone.context.setOffline(true)
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('offline')
      await addOnPhone(page, 'circle-wider', 'Uncle Joe')
      await expect.poll(() => section(page, 'circle-wider').getByTestId('not-sent').count()).toBe(1)
      await phone.context.setOffline(false)
      await waitFor(() => templateItems(facilitator, circles, 'circle-wider').length === 1, { timeoutMs: 15_000, what: 'the offline note in its ring' })
      await expect.poll(() => section(page, 'circle-wider').getByTestId('not-sent').count(), { timeout: 10_000 }).toBe(0)
      expect(templateItems(facilitator, circles, 'circle-wider').map((i) => `${i.text} / ${i.authorName}`)).toEqual(['Uncle Joe / Grandma Lorna'])

      // In Spanish, with no serious axe problem.
      await page.getByRole('button', { name: 'Español' }).tap()
      await template('three-houses').getByRole('heading', { name: 'Las tres casas' }).waitFor({ timeout: 5_000 })
      expect(await section(page, 'house-worries').getByTestId('child-agreed').innerText()).toBe('El niño o la niña aceptó compartir esto')
      expect(await section(page, 'house-good-things').locator('h3').innerText()).toBe(zoneLabel('house-good-things', 'es'))
      expect(await axeProblems(page), 'templates on the phone, Spanish').toEqual([])

      // A finished map: still there to read, nothing to add.
      expect((await api(live.server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: worker.apiKey })).status).toBe(200)
      await expect.poll(() => page.locator('[data-testid="phone-template"] .phone-add').count(), { timeout: 10_000 }).toBe(0)
      await expect.poll(() => page.getByTestId('connection-status').innerText()).toBe('Terminado')
      expect(await section(page, 'safety-house-rules').getByTestId('phone-item-text').innerText()).toBe('Kai lives with his mum again')
    } finally {
      facilitator.destroy()
      await phone.context.close()
    }
  })

  it('keeps what she is typing through a reload, in this tab only, until it is sent or cancelled', async () => {
    const { inviteUrl } = await newMeetingWithInvite('Drafts meeting')
    const phone = await phoneContext()
    try {
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Aunt May')
      const harm = section(page, 'harm')
      const addText = harm.locator('.phone-add textarea')
      // The drafts are written once the form has rendered what she typed: a reload waits for them.
      const tabDrafts = () => page.evaluate(() => JSON.stringify(window.sessionStorage))

      // An "Add to …" form: typed, then the page reloads; the form is open again with her words.
      await harm.locator('.phone-add-open').tap()
      await addText.fill('Kai was alone in the bath')
      await expect.poll(tabDrafts).toContain('Kai was alone in the bath')
      await page.reload()
      await expectLive(page)
      await addText.waitFor({ timeout: 10_000 })
      expect(await addText.inputValue()).toBe('Kai was alone in the bath')
      // Kept for the tab (sessionStorage), never in the storage that outlives it.
      expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toContain('Kai was alone')
      // Sent: after a reload the form is closed and empty.
      await harm.getByRole('button', { name: 'Add', exact: true }).tap()
      await harm.getByTestId('phone-item-text').getByText('Kai was alone in the bath', { exact: true }).waitFor({ timeout: 5_000 })
      await expect.poll(tabDrafts).not.toContain('Kai was alone in the bath')
      await page.reload()
      await expectLive(page)
      await harm.getByTestId('phone-item-text').getByText('Kai was alone in the bath', { exact: true }).waitFor({ timeout: 10_000 })
      expect(await harm.locator('.phone-add textarea').count()).toBe(0)
      await harm.locator('.phone-add-open').tap()
      expect(await addText.inputValue()).toBe('')
      await harm.getByRole('button', { name: 'Cancel' }).tap()

      // A "Change" form the same way; cancelled, it stays closed after a reload.
      const mine = harm.getByTestId('phone-item').first()
      await mine.getByRole('button', { name: 'Change' }).tap()
      await mine.locator('textarea').fill('Kai was alone in the bath for an hour')
      await expect.poll(tabDrafts).toContain('for an hour')
      await page.reload()
      await expectLive(page)
      await mine.locator('textarea').waitFor({ timeout: 10_000 })
      expect(await mine.locator('textarea').inputValue()).toBe('Kai was alone in the bath for an hour')
      await mine.getByRole('button', { name: 'Cancel' }).tap()
      await expect.poll(tabDrafts).not.toContain('for an hour')
      await page.reload()
      await expectLive(page)
      await mine.getByTestId('phone-item-text').waitFor({ timeout: 10_000 })
      expect(await mine.locator('textarea').count()).toBe(0)
      expect(await mine.getByTestId('phone-item-text').innerText()).toBe('Kai was alone in the bath')

      // Removed while the section's add form is open: the focus goes to the section's heading, not
      // into the form, where it would pop up the phone's keyboard unasked.
      await harm.locator('.phone-add-open').tap()
      await mine.getByRole('button', { name: 'Remove' }).tap()
      await mine.getByRole('button', { name: 'Yes, remove it' }).tap()
      await expect.poll(() => isFocused(harm.getByRole('heading', { level: 3 }))).toBe(true)
    } finally {
      await phone.context.close()
    }
  })

  it('keeps her typed words on screen, read-only and copyable, with what to do, when the map is finished while she writes', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Finished while typing')
    const phone = await phoneContext()
    await phone.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: live.server.url })
    try {
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Aunt May')
      const { harm, mine } = await typeInTwoForms(page)

      expect((await api(live.server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: worker.apiKey })).status).toBe(200)

      // Her words stay, to read and copy, with what happened and what to do; nothing can be sent.
      const kept = harm.getByTestId('phone-kept')
      await kept.waitFor({ timeout: 10_000 })
      expect(await kept.getByRole('alert').innerText()).toBe(
        'The map was finished while you were writing, so your words did not go on the map. Copy them and tell the person running the meeting: they can open the map again.',
      )
      expect(await kept.locator('textarea').inputValue()).toBe('Kai was alone at the park')
      expect(await kept.locator('textarea').getAttribute('readonly')).not.toBeNull()
      expect(await harm.getByRole('button', { name: /^(Add|Añadir)$/ }).count()).toBe(0)
      const keptChange = mine.getByTestId('phone-kept')
      expect(await keptChange.locator('textarea').inputValue()).toBe('Lorna walks Kai to school and back')
      expect(await mine.getByTestId('phone-item-text').innerText()).toBe('Lorna walks Kai to school')
      await kept.getByRole('button', { name: 'Copy my words' }).tap()
      await expect.poll(() => kept.getByRole('status').innerText()).toBe('Copied.')
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Kai was alone at the park')

      // In Spanish too; and still there after a reload, until she says she is done with them.
      await page.getByRole('button', { name: 'Español' }).tap()
      await expect.poll(() => kept.getByRole('alert').innerText()).toBe(
        'El mapa se terminó mientras usted escribía, así que sus palabras no quedaron en el mapa. Cópielas y dígaselo a la persona que dirige la reunión: puede volver a abrir el mapa.',
      )
      await page.getByRole('button', { name: 'English' }).tap()
      await page.reload()
      await kept.waitFor({ timeout: 15_000 })
      expect(await kept.locator('textarea').inputValue()).toBe('Kai was alone at the park')
      await kept.getByRole('button', { name: 'Done with these words' }).tap()
      // The button that opened the form is gone: the focus goes to the section's heading, not the top of the page.
      await expect.poll(() => isFocused(harm.locator('.phone-section-heading'))).toBe(true)
      await keptChange.getByRole('button', { name: 'Done with these words' }).tap()
      await expect.poll(() => isFocused(section(page, 'strengths').locator('.phone-section-heading'))).toBe(true)
      expect(await page.getByTestId('phone-kept').count()).toBe(0)
      await expect.poll(() => page.evaluate(() => JSON.stringify(window.sessionStorage))).not.toContain('Kai was alone')
    } finally {
      await phone.context.close()
    }
  })

  it('says under the bar, once and politely, that a map finished while she watches can no longer be changed and whom to ask; reopened, it goes', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Finished while watching')
    const phone = await phoneContext({ viewport: { width: 360, height: 640 } })
    try {
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Grandma Rosa')
      // A polite live region there before the finish, so the sentence that appears in it is read out.
      const finished = page.getByTestId('phone-finished')
      expect(await finished.getAttribute('role')).toBe('status')
      expect(await finished.innerText()).toBe('')
      await finished.evaluate((region) => {
        const w = window as unknown as { finishedChanges: number }
        w.finishedChanges = 0
        new MutationObserver((records) => (w.finishedChanges += records.length)).observe(region, { childList: true, subtree: true, characterData: true })
      })
      expect(await statusDot(page)).toEqual(LIVE_DOT)

      // The bar goes from the reconnect straight to "Finished": never "Live" again on the way.
      await recordStatusTexts(page)
      expect((await api(live.server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: worker.apiKey })).status).toBe(200)
      await expect.poll(() => finished.innerText(), { timeout: 10_000 }).toBe(
        "The map is finished. You can read it, but it can't be changed now. If something needs to change, ask the person running the meeting.",
      )
      await expect.poll(() => page.getByTestId('connection-status').innerText()).toBe('Finished')
      expect(await statusTextsSeen(page), 'what the bar said after the finish').toEqual(['Live', 'Connecting…', 'Finished'])
      // Its dot does not look live: grey, with a check mark.
      expect(await statusDot(page)).toEqual(FINISHED_DOT)
      // On the first screen, just under the bar.
      const box = (await finished.boundingBox())!
      const bar = (await page.locator('.phone-bar').boundingBox())!
      expect(box.y).toBeCloseTo(bar.y + bar.height, 0)
      expect(box.y + box.height).toBeLessThan(640)
      // The page redraws as the connection drops and comes back; the sentence is not put in again.
      await phone.context.setOffline(true)
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('offline')
      await phone.context.setOffline(false)
      await expect.poll(() => page.getByTestId('connection-status').innerText(), { timeout: 15_000 }).toBe('Finished')
      expect(await page.evaluate(() => (window as unknown as { finishedChanges: number }).finishedChanges), 'changes to the live region').toBe(1)

      await page.getByRole('button', { name: 'Español' }).tap()
      await expect.poll(() => finished.innerText()).toBe(
        'El mapa está terminado. Puede leerlo, pero ya no se puede cambiar. Si hay que cambiar algo, pídaselo a la persona que dirige la reunión.',
      )

      // Opened again: the sentence goes, the bar says live again and stays so through the reconnect
      // that gives her back her role (never "Terminado" again), and she can add again.
      await recordStatusTexts(page)
      expect((await api(live.server.url, `/api/meetings/${meeting.id}/reopen`, { method: 'POST', token: worker.apiKey })).status).toBe(200)
      await expect.poll(() => finished.innerText(), { timeout: 10_000 }).toBe('')
      await expect.poll(() => page.getByTestId('connection-status').innerText(), { timeout: 15_000 }).toBe('En vivo')
      // The reconnect that gives her role back may come just after "En vivo" first shows: live once it is through.
      await expect.poll(() => statusDot(page), { timeout: 15_000 }).toEqual(LIVE_DOT)
      const afterReopen = await statusTextsSeen(page)
      expect(afterReopen.slice(1), `what the bar said after the reopen: ${afterReopen.join(' → ')}`).not.toContain('Terminado')
      await section(page, 'harm').locator('.phone-add-open').waitFor({ timeout: 10_000 })
    } finally {
      await phone.context.close()
    }
  })

  it('at 150 % text, in Spanish: when the map is finished just after she saves her number, the sentence saying so takes the focus and comes into view', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Finished after her number')
    const phone = await phoneContext({ viewport: { width: 360, height: 640 } })
    try {
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Abuela Rosa')
      await page.getByRole('button', { name: 'Español' }).tap()
      await setBrowserTextSize(page, 150)
      // At this size the bar scrolls away: away from the top, nothing on screen says the map is finished.
      await expect.poll(() => page.locator('.phone-bar').evaluate((bar) => getComputedStyle(bar).position)).toBe('static')
      const overall = page.locator('[data-testid="scale-line"][data-scale-id="overall"]')
      await overall.getByRole('button', { name: 'Dar su número' }).tap()
      await overall.getByRole('radio', { name: '7', exact: true }).tap()
      await overall.getByLabel('¿Qué hace que sea así de alto?').fill('Estoy cerca todos los días')
      await overall.getByRole('button', { name: 'Guardar mi número' }).tap()
      const change = overall.getByRole('button', { name: 'Cambiar su número' })
      await expect.poll(() => isFocused(change)).toBe(true)

      expect((await api(live.server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: worker.apiKey })).status).toBe(200)
      await expect.poll(() => change.count(), { timeout: 10_000 }).toBe(0)
      // The button she had just used went with the finish: the focus is not dropped on the page.
      const notice = page.getByTestId('phone-finished').locator('p')
      await expect.poll(() => isFocused(notice)).toBe(true)
      expect(await notice.innerText()).toBe('El mapa está terminado. Puede leerlo, pero ya no se puede cambiar. Si hay que cambiar algo, pídaselo a la persona que dirige la reunión.')
      await expect.poll(() => notice.evaluate((p) => p.getBoundingClientRect().top >= 0 && p.getBoundingClientRect().top < window.innerHeight)).toBe(true)
    } finally {
      await phone.context.close()
    }
  })

  it('at 150 % text, in Spanish: the scaling question’s button says in two short lines that it writes a note, naming the question to screen readers, and has the focus after her note there is removed; "I disagree" once pressed says how to take it back', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Short buttons at large text')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext({ viewport: { width: 360, height: 640 } })
    try {
      await facilitator.synced()
      addItem(facilitator.doc, 'strengths', 'Lorna lleva a Kai a la escuela', { id: worker.workerId, name: 'Ana Ruiz' })
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Abuela Rosa')
      await page.getByRole('button', { name: 'Español' }).tap()
      await setBrowserTextSize(page, 150)

      const question = zoneLabel('scale', 'es')
      const add = section(page, 'scale').locator('.phone-add .phone-add-open')
      await expect.poll(() => add.innerText()).toBe('Escribir una nota')
      // Screen readers still hear which question.
      expect(await section(page, 'scale').getByRole('button', { name: `Escribir una nota sobre «${question}»`, exact: true }).count()).toBe(1)
      // Short enough not to be taken for "Dar su número" above it: at most two lines (the longer
      // "Escribir una nota sobre esta pregunta" took four here).
      const lines = await add.evaluate((button) => {
        const range = document.createRange()
        range.selectNodeContents(button)
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
      })
      expect(lines).toBeLessThanOrEqual(2)
      // The other sections keep "Añadir a «…»".
      expect(await section(page, 'harm').locator('.phone-add-open').innerText()).toBe(`Añadir a «${zoneLabel('harm', 'es')}»`)
      // It still opens the form for a note about the question.
      await add.tap()
      const box = section(page, 'scale').getByLabel(`¿Qué quiere añadir a «${question}»?`)
      await box.fill('Mi vecina también ayuda')
      await section(page, 'scale').getByRole('button', { name: 'Añadir', exact: true }).tap()
      await box.press('Escape')
      // Her note removed, the focus goes on to the button that writes one, not to "Dar su número" above it.
      await section(page, 'scale').getByRole('button', { name: 'Quitar' }).tap()
      await section(page, 'scale').getByRole('button', { name: 'Sí, quitarlo' }).tap()
      await expect.poll(() => isFocused(add), { timeout: 10_000 }).toBe(true)

      const disagree = section(page, 'strengths').locator('.phone-disagree-toggle')
      expect(await disagree.innerText()).toBe('No estoy de acuerdo')
      await disagree.tap()
      await expect.poll(() => disagree.innerText(), { timeout: 10_000 }).toBe('Retirar «No estoy de acuerdo»')
    } finally {
      facilitator.destroy()
      await phone.context.close()
    }
  })

  it('at 150 % text, in Spanish: "Go to a part of the map" names each part in her words and takes her, focus and all, to the 0–10 question; at 100 % to "What needs to happen?" clear of the bar', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('A long list on a small phone')
    const phone = await phoneContext({ viewport: { width: 360, height: 640 } })
    try {
      await live.server.services.relay.applyServerChange(meeting.id, (doc) => void placeTemplate(doc, 'safety-house'))
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Abuela Rosa')
      await page.getByRole('button', { name: 'Español' }).tap()
      await setBrowserTextSize(page, 150)
      await expect.poll(() => page.locator('.phone-bar').evaluate((bar) => getComputedStyle(bar).position)).toBe('static')

      const jump = page.getByRole('navigation', { name: 'Partes del mapa' })
      const open = jump.getByText('Ir a una parte del mapa', { exact: true })
      await open.tap()
      const links = jump.getByRole('link')
      const question = zoneLabel('scale', 'es')
      await expect.poll(() => links.allInnerTexts()).toEqual([zoneLabel('worries', 'es'), zoneLabel('working-well', 'es'), zoneLabel('needs', 'es'), zoneLabel('next-steps', 'es'), question, 'La casa segura', 'Diario de seguridad'])
      const { scrollWidth, clientWidth, small, wide } = await layoutProblems(page)
      expect(scrollWidth, `no sideways scrolling: ${wide.join(', ')}`).toBeLessThanOrEqual(clientWidth)
      expect(small, 'targets').toEqual([])

      const scaleHeading = section(page, 'scale').locator('h2')
      expect(await clearOfBar(scaleHeading), 'the question starts off screen').toBe(false)
      await jump.getByRole('link', { name: question, exact: true }).tap()
      await expect.poll(() => isFocused(scaleHeading)).toBe(true)
      await expect.poll(() => clearOfBar(scaleHeading)).toBe(true)

      // With the bar on screen (100 %), the part she goes to is not left under it.
      await setBrowserTextSize(page, 100)
      await expect.poll(() => page.locator('.phone-bar').evaluate((bar) => getComputedStyle(bar).position)).toBe('sticky')
      await page.evaluate(() => window.scrollTo(0, 0))
      await open.tap()
      const needs = page.getByRole('heading', { name: zoneLabel('needs', 'es'), exact: true })
      await jump.getByRole('link', { name: zoneLabel('needs', 'es'), exact: true }).tap()
      await expect.poll(() => isFocused(needs)).toBe(true)
      await expect.poll(() => clearOfBar(needs)).toBe(true)
      expect(await page.evaluate(() => window.scrollY), 'the list moved').toBeGreaterThan(0)
    } finally {
      await phone.context.close()
    }
  })

  it('at 150 % text the bar that scrolls away shows the meeting’s whole name; back at 100 % it sticks again with two lines', async () => {
    const title = 'Reunión de la familia de Kai, 12 de mayo'
    const { inviteUrl } = await newMeetingWithInvite(title)
    const phone = await phoneContext({ viewport: { width: 360, height: 640 } })
    try {
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Abuela Rosa')
      await page.getByRole('button', { name: 'Español' }).tap()
      const bar = page.locator('.phone-bar')
      const heading = page.locator('.phone-title')
      const cutOff = () => heading.evaluate((h1) => h1.scrollHeight > h1.clientHeight + 1)
      for (const [percent, position, cut] of [[150, 'static', false], [100, 'sticky', true], [150, 'static', false]] as const) {
        await setBrowserTextSize(page, percent)
        await expect.poll(() => bar.evaluate((header) => getComputedStyle(header).position), { message: `bar at ${percent} %` }).toBe(position)
        await expect.poll(cutOff, { message: `title cut off at ${percent} %` }).toBe(cut)
      }
      expect(await heading.innerText()).toBe(title)
    } finally {
      await phone.context.close()
    }
  })

  it('keeps the number and reasons she was giving on screen to copy when the map is finished, then focuses the line', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Finished while rating')
    const phone = await phoneContext()
    try {
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Grandma Lorna')
      const overall = await startRating(page, 7, 'Jess asked me for help last week', 'Jess texts me before 7:30')

      expect((await api(live.server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: worker.apiKey })).status).toBe(200)

      const kept = overall.getByTestId('phone-kept')
      await kept.waitFor({ timeout: 10_000 })
      // At 200 % text the warning keeps most of the screen's width, not a column of a word or two a line.
      await setBrowserTextSize(page, 200)
      await expect.poll(() => kept.getByRole('alert').evaluate((p) => p.clientWidth / window.innerWidth)).toBeGreaterThan(0.75)
      await setBrowserTextSize(page, 100)
      expect(await kept.getByRole('alert').innerText()).toBe(
        'The map was finished while you were writing, so your words did not go on the map. Copy them and tell the person running the meeting: they can open the map again.',
      )
      expect(await kept.locator('textarea').inputValue()).toBe(
        'Your number: 7\nWhat makes it this high? Jess asked me for help last week\nWhat would one point higher look like? Jess texts me before 7:30',
      )
      expect(await overall.getByRole('radio').count()).toBe(0)
      await kept.getByRole('button', { name: 'Done with these words' }).tap()
      expect(await kept.count()).toBe(0)
      await expect.poll(() => isFocused(overall.locator('h3'))).toBe(true)
    } finally {
      await phone.context.close()
    }
  })

  it('when the meeting ends while she writes, the map goes but her own new words and number stay to copy; a note she was changing does not', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Ended while typing')
    const phone = await phoneContext()
    try {
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Aunt May')
      // Changing her note: these words start from the map's, which leave with it.
      await typeInTwoForms(page)
      const overall = await startRating(page, 3, 'Lorna is close by')

      expect((await api(live.server.url, `/api/meetings/${meeting.id}/end`, { method: 'POST', token: worker.apiKey })).status).toBeLessThan(300)

      await expect.poll(() => page.getByTestId('phone-ended').getAttribute('data-code'), { timeout: 15_000 }).toBe('4410')
      await expect.poll(() => page.getByTestId('phone-section').count()).toBe(0)
      const kept = page.getByTestId('phone-kept')
      expect(await kept.count()).toBe(1)
      expect(await kept.getByTestId('phone-kept-notice').innerText()).toBe(
        'The meeting ended before your words went on the map. Copy them now and give them to the person who ran the meeting: this phone will not keep them once you leave the page.',
      )
      expect(await kept.locator('textarea').inputValue()).toBe('Kai was alone at the park\n\nYour number: 3\nWhat makes it this high? Lorna is close by')
      expect(await page.getByText(/Lorna walks Kai/).count()).toBe(0)
      await page.getByRole('button', { name: 'Español' }).tap()
      await expect.poll(() => kept.getByTestId('phone-kept-notice').innerText()).toBe(
        'La reunión terminó antes de que sus palabras quedaran en el mapa. Cópielas ahora y déselas a la persona que dirigió la reunión: este teléfono no las guardará cuando salga de la página.',
      )
      await page.getByRole('button', { name: 'English' }).tap()
      // Not kept by the phone: the map and what belongs to it are forgotten.
      expect(await page.evaluate(() => JSON.stringify(window.sessionStorage))).not.toContain('Kai was alone')
      await kept.getByRole('button', { name: 'Done with these words' }).tap()
      expect(await kept.count()).toBe(0)
      await expect.poll(() => isFocused(page.locator('h1'))).toBe(true)
    } finally {
      await phone.context.close()
    }
  })

  it('moves the focus to what happened when the map is finished as she gives her number, and keeps that number and reasons through a reload', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Finished while rating, then reloaded')
    const phone = await phoneContext({ viewport: { width: 360, height: 640 } })
    try {
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Grandma Lorna')
      const overall = await startRating(page, 7, 'Jess asked me for help last week', 'Jess texts me before 7:30')

      expect((await api(live.server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: worker.apiKey })).status).toBe(200)

      // The form she was typing in went: a screen reader hears why, not the top of the page.
      const kept = overall.getByTestId('phone-kept')
      await kept.waitFor({ timeout: 10_000 })
      await expect.poll(() => isFocused(kept.getByTestId('phone-kept-notice'))).toBe(true)
      // Its two buttons are the same width.
      const [copy, done] = await Promise.all([kept.getByRole('button', { name: 'Copy my words' }).boundingBox(), kept.getByRole('button', { name: 'Done with these words' }).boundingBox()])
      expect(Math.abs((copy?.width ?? 0) - (done?.width ?? -10))).toBeLessThan(1)

      // Her number and reasons are still there to copy after a reload, as typed notes are.
      await page.reload()
      await kept.waitFor({ timeout: 15_000 })
      expect(await kept.locator('textarea').inputValue()).toBe(
        'Your number: 7\nWhat makes it this high? Jess asked me for help last week\nWhat would one point higher look like? Jess texts me before 7:30',
      )
      // Nothing moved the focus on a page that opened like that.
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)
      await kept.getByRole('button', { name: 'Done with these words' }).tap()
      expect(await kept.count()).toBe(0)
      await expect.poll(() => page.evaluate(() => JSON.stringify(window.sessionStorage))).not.toContain('Jess asked me')
    } finally {
      await phone.context.close()
    }
  })

  it('when the meeting ends after the map was finished, says once that it is over, with her words in a card and no alarm about her phone', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Finished, then ended')
    const phone = await phoneContext({ viewport: { width: 360, height: 640 } })
    try {
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Aunt May')
      await page.getByRole('button', { name: 'Español' }).tap()
      const harm = section(page, 'harm')
      await harm.locator('.phone-add-open').tap()
      await harm.locator('.phone-add textarea').fill('Kai estuvo solo en el parque')
      expect((await api(live.server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: worker.apiKey })).status).toBe(200)
      await harm.getByTestId('phone-kept').waitFor({ timeout: 10_000 })
      // The note's form went with the focus in it: the focus is on why.
      await expect.poll(() => isFocused(harm.getByTestId('phone-kept-notice'))).toBe(true)
      expect((await api(live.server.url, `/api/meetings/${meeting.id}/end`, { method: 'POST', token: worker.apiKey })).status).toBeLessThan(300)
      await expect.poll(() => page.getByTestId('phone-ended').getAttribute('data-code'), { timeout: 15_000 }).toBe('4410')

      // One message says the meeting is over; her words stay, in the meeting's end's own words.
      expect(await page.getByRole('alert').allInnerTexts()).toEqual(['Esta reunión terminó. Gracias por participar.'])
      const kept = page.getByTestId('phone-kept')
      expect(await kept.getAttribute('data-why')).toBe('closed')
      expect(await kept.getByTestId('phone-kept-notice').innerText()).toBe(
        'La reunión terminó antes de que sus palabras quedaran en el mapa. Cópielas ahora y déselas a la persona que dirigió la reunión: este teléfono no las guardará cuando salga de la página.',
      )
      expect(await kept.locator('textarea').inputValue()).toBe('Kai estuvo solo en el parque')
      expect(await page.getByText(/mapa está terminado|volver a abrir el mapa/).count()).toBe(0)
      expect(await page.getByTestId('connection-status').count()).toBe(0)
      // The focus that was in the form she typed in is on what happened to her words.
      await expect.poll(() => isFocused(kept.getByTestId('phone-kept-notice'))).toBe(true)

      // A card with room on both sides, as in a section; its buttons the same width.
      const box = await kept.boundingBox()
      expect(box?.x ?? 0).toBeGreaterThanOrEqual(8)
      expect((box?.x ?? 0) + (box?.width ?? 360)).toBeLessThanOrEqual(352)
      for (const part of [kept.locator('label'), kept.locator('textarea'), kept.getByRole('button').first()]) {
        expect(((await part.boundingBox())?.x ?? 0) - (box?.x ?? 0)).toBeGreaterThanOrEqual(8)
      }
      const widths = await kept.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().width))
      expect(widths).toHaveLength(2)
      expect(Math.abs(widths[0]! - widths[1]!)).toBeLessThan(1)
    } finally {
      await phone.context.close()
    }
  })

  it('stops trying to connect once the server says the meeting ended: on a reload, and when the end came while her phone was offline', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('No knocking after the end')
    const phone = await phoneContext()
    // The page's own clock, so the test can jump past every retry wait instead of sitting through it.
    await phone.context.clock.install()
    try {
      const page = await phone.context.newPage()
      const sockets: string[] = []
      page.on('websocket', (ws) => sockets.push(ws.url()))
      /** How many sync sockets the page opens while its clock jumps `ms` ahead (longer than any retry wait). */
      const socketsOver = async (ms: number) => {
        const before = sockets.length
        await page.clock.fastForward(ms)
        await page.waitForTimeout(500)
        return sockets.length - before
      }
      await joinOnPhone(page, inviteUrl, 'Aunt May')
      const harm = section(page, 'harm')
      await harm.locator('.phone-add-open').tap()
      await harm.locator('.phone-add textarea').fill('Kai was alone at the park')

      // The meeting ends while her phone has no signal: the relay's close never reaches it, and
      // back online every upgrade is refused (403) without a close code.
      await phone.context.setOffline(true)
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state')).toBe('offline')
      expect((await api(live.server.url, `/api/meetings/${meeting.id}/end`, { method: 'POST', token: worker.apiKey })).status).toBeLessThan(300)
      await phone.context.setOffline(false)
      // After a few refusals the page asks the server, which says the meeting ended: it stops, and says so.
      await expect.poll(() => page.getByTestId('phone-ended').getAttribute('data-code'), { timeout: 30_000 }).toBe('4410')
      expect(await page.getByTestId('phone-kept').locator('textarea').inputValue()).toBe('Kai was alone at the park')
      expect(await socketsOver(6_000)).toBe(0)

      // Opened again, the page knows from the server at once: no socket knocks after that.
      await page.reload()
      await page.getByText('This meeting has ended').first().waitFor({ timeout: 15_000 })
      // Thanked, as when the end came live, not shown an error.
      await page.getByTestId('meeting-closed').getByText('Thank you for taking part.', { exact: false }).waitFor({ timeout: 5_000 })
      expect(await page.getByRole('heading', { name: 'This meeting has ended', level: 1 }).count()).toBe(1)
      await page.waitForTimeout(1_000)
      expect(await socketsOver(6_000)).toBe(0)
    } finally {
      await phone.context.close()
    }
  })

  it('keeps her typed words in place to copy, saying what to do, when the connection ends for good (the meeting is full)', async () => {
    const { inviteUrl } = await newMeetingWithInvite('Full while typing')
    const phone = await phoneContext()
    const sockets: WebSocketRoute[] = []
    await phone.context.routeWebSocket(/\/sync\//, (ws) => {
      sockets.push(ws)
      ws.connectToServer()
    })
    try {
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Aunt May')
      const harm = section(page, 'harm')
      await harm.locator('.phone-add-open').tap()
      await harm.locator('.phone-add textarea').fill('Kai was alone at the park')

      // The relay closes her connection as it does when the meeting is full.
      for (const ws of sockets) await ws.close({ code: 4429, reason: 'RELAY_ROOM_FULL' }).catch(() => undefined)

      await expect.poll(() => page.getByTestId('phone-ended').getAttribute('data-code'), { timeout: 15_000 }).toBe('4429')
      const kept = harm.getByTestId('phone-kept')
      await kept.waitFor({ timeout: 10_000 })
      expect(await kept.getByRole('alert').innerText()).toBe(
        'The connection to the meeting ended while you were writing, so your words did not go on the map. Copy them to keep them safe, then do what the message at the top of the page says.',
      )
      expect(await kept.locator('textarea').inputValue()).toBe('Kai was alone at the park')
      expect(await harm.getByRole('button', { name: /^(Add|Añadir)$/ }).count()).toBe(0)
    } finally {
      await phone.context.close()
    }
  })

  it('shows worries with their goals and next steps and everyone’s numbers, and lets her give and change her own number with reasons', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Toolkit on the phone')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext()
    try {
      await facilitator.synced()
      const { statementId } = buildToolkit(facilitator)
      // What 0 and 10 mean on the overall line, in the facilitator's words; the worry's line keeps the standard ones.
      expect(setScaleEnds(facilitator.doc, 'overall', { zero: 'Kai cannot stay at home now', ten: 'Everyone is sure Kai is safe' })).toBe(true)
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Grandma Lorna')
      const me = (await page.evaluate(async () => (await fetch('/api/me')).json())) as { participant: { id: string } }
      const lornaId = me.participant.id

      // The worry: its number, its sentence in quotation marks (someone's own words), its goal and that goal's step.
      const worry = section(page, 'danger').getByTestId('danger-statement')
      await worry.waitFor({ timeout: 10_000 })
      const worryText = await worry.innerText()
      expect(worryText).toContain('Worry 1')
      expect(worryText).toContain(`“${composeDangerStatement(STATEMENT, 'en')}”`)
      expect(await worry.getByTestId('quote-tag').innerText()).toBe('Their own words')
      expect(await worry.getByTestId('linked-goal').innerText()).toContain(composeSafetyGoal(GOAL, 'en'))
      const step = await worry.getByTestId('linked-step').innerText()
      expect(step).toContain('Add Sam to the family group chat')
      expect(step).toMatch(/Who:\s*Lorna/)
      expect(step).toContain(`By when: ${formatDueDate('2026-12-04', 'en')}`)
      // The goal and the step in their own sections, saying what they belong to.
      expect(await section(page, 'goals').getByTestId('safety-goal').innerText()).toContain('Goal for worry 1')
      const stepCard = await section(page, 'next-steps').getByTestId('next-step').innerText()
      expect(stepCard).toContain('Step for worry 1')
      expect(stepCard).toMatch(/Who:\s*Lorna/)
      // A step nobody has taken on yet says so in the family copy's words, not "nobody".
      addNextStep(facilitator.doc, { action: 'Find a sitter for Fridays', owner: '', dueDate: '', safetyGoalId: '' }, { id: worker.workerId, name: 'Ana Ruiz' })
      const undecided = section(page, 'next-steps').getByTestId('next-step').filter({ hasText: 'Find a sitter for Fridays' })
      await expect.poll(() => undecided.innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/Who:\s*not decided yet[\s\S]*By when:\s*not decided yet/)

      // The scaling lines: overall with Ana's number and reasons; worry 1 not rated yet.
      const overall = page.locator('[data-testid="scale-line"][data-scale-id="overall"]')
      const worryLine = page.locator(`[data-testid="scale-line"][data-scale-id="${statementId}"]`)
      const anaMark = await overall.getByTestId('scale-mark').innerText()
      expect(anaMark).toContain('Ana Ruiz')
      expect(anaMark).toContain('6')
      expect(anaMark).toContain('Lorna is close by every day')
      expect(anaMark).toContain('Sam is in the group chat')
      expect(await worryLine.innerText()).toContain('Nobody has given a number yet.')
      // The overall line says what its ends mean in the facilitator's words; the worry's line, not worded, says nothing more.
      await expect.poll(() => overall.getByTestId('scale-ends').innerText().catch(() => ''), { timeout: 10_000 }).toBe('0 = Kai cannot stay at home now · 10 = Everyone is sure Kai is safe')
      expect(await worryLine.getByTestId('scale-ends').count()).toBe(0)

      // She gives her number on worry 1: a number is required, the reasons are asked for.
      await worryLine.getByRole('button', { name: 'Give your number' }).tap()
      expect(await worryLine.getByRole('radio').count()).toBe(11)
      expect(await worryLine.locator('.phone-choice .phone-hint').innerText()).toBe('0: the child cannot safely stay at home right now. 10: everyone is confident the child is safe enough.')
      // The form opens with the focus on its first number, not left on the page.
      await expect.poll(() => isFocused(worryLine.getByRole('radio', { name: '0', exact: true }))).toBe(true)
      await worryLine.getByRole('button', { name: 'Save my number' }).tap()
      await worryLine.getByRole('alert').getByText('Please choose a number from 0 to 10.').waitFor({ timeout: 5_000 })
      await worryLine.getByRole('radio', { name: '7', exact: true }).tap()
      expect(await worryLine.getByRole('radio', { name: '7', exact: true }).isChecked()).toBe(true)
      await worryLine.getByLabel('What makes it this high?').fill('Jess asked me for help last week')
      await worryLine.getByLabel('What would one point higher look like?').fill('Jess texts me before 7:30')
      await worryLine.getByRole('button', { name: 'Save my number' }).tap()
      const lornaMarks = () => readMap(facilitator.doc).scales.find((s) => s.scaleId === statementId)?.marks.filter((m) => m.participantId === lornaId) ?? []
      await waitFor(() => lornaMarks().length === 1, { timeoutMs: 10_000, what: 'her mark in the facilitator doc' })
      expect(lornaMarks()[0]).toMatchObject({
        id: scalingMarkId(statementId, lornaId),
        participantName: 'Grandma Lorna',
        value: 7,
        whatMakesItThisHigh: 'Jess asked me for help last week',
        onePointHigher: 'Jess texts me before 7:30',
      })
      await expect.poll(() => worryLine.getByTestId('scale-mark').innerText(), { timeout: 10_000 }).toMatch(/^You\s*7/)

      // She changes it: the same mark moves, the reasons she wrote are kept unless she changes them.
      await worryLine.getByRole('button', { name: 'Change your number' }).tap()
      expect(await worryLine.getByRole('radio', { name: '7', exact: true }).isChecked()).toBe(true)
      // On her number; Escape closes the form unchanged, back on its button.
      await expect.poll(() => isFocused(worryLine.getByRole('radio', { name: '7', exact: true }))).toBe(true)
      await page.keyboard.press('Escape')
      await expect.poll(() => isFocused(worryLine.getByRole('button', { name: 'Change your number' }))).toBe(true)
      await worryLine.getByRole('button', { name: 'Change your number' }).tap()
      await worryLine.getByRole('radio', { name: '4', exact: true }).tap()
      await worryLine.getByRole('button', { name: 'Save my number' }).tap()
      await waitFor(() => lornaMarks()[0]?.value === 4, { timeoutMs: 10_000, what: 'her changed mark' })
      expect(lornaMarks()).toHaveLength(1)
      expect(lornaMarks()[0]?.whatMakesItThisHigh).toBe('Jess asked me for help last week')
      // Ana's overall mark is untouched, and she has none on the overall line.
      expect(readMap(facilitator.doc).scales.find((s) => s.scaleId === 'overall')?.marks.map((m) => `${m.participantName} ${m.value}`)).toEqual(['Ana Ruiz 6'])

      // The facilitator turns on follow-me showing "What's working well": the phone says so and takes her there.
      const strengths = safetyMapTemplate.zones.find((z) => z.key === 'strengths')!
      facilitator.provider.awareness.setLocalStateField('user', { id: worker.workerId, name: 'Ana Ruiz', color: '#2f5d8a', role: 'facilitator' })
      facilitator.provider.awareness.setLocalStateField('smFollow', { bounds: { x: strengths.x + 20, y: strengths.y + 20, w: strengths.w - 40, h: strengths.h - 40 } })
      const focus = page.getByTestId('phone-focus')
      await expect.poll(() => focus.getAttribute('data-zone').catch(() => null), { timeout: 10_000 }).toBe('strengths')
      expect(await focus.innerText()).toContain(`Now talking about: ${zoneLabel('strengths', 'en')}`)
      await focus.getByRole('button', { name: 'Go there' }).tap()
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-section]')?.getAttribute('data-section'))).toBe('strengths')

      // axe, with the rating form open and the focus line showing, in both languages.
      await overall.getByRole('button', { name: 'Give your number' }).tap()
      // Its form explains the ends in the facilitator's words.
      expect(await overall.locator('.phone-choice .phone-hint').innerText()).toBe('0 = Kai cannot stay at home now · 10 = Everyone is sure Kai is safe')
      expect(await axeProblems(page), 'toolkit on the phone, English').toEqual([])
      await page.getByRole('button', { name: 'Español' }).tap()
      await worry.getByText('Preocupación 1', { exact: true }).waitFor({ timeout: 5_000 })
      expect(await worry.innerText()).toContain(`«${composeDangerStatement(STATEMENT, 'es')}»`)
      expect(await worryLine.getByTestId('scale-mark').innerText()).toMatch(/^Usted\s*4/)
      expect(await axeProblems(page), 'toolkit on the phone, Spanish').toEqual([])
      // Follow-me off: the line goes.
      facilitator.provider.awareness.setLocalStateField('smFollow', null)
      await expect.poll(() => focus.count(), { timeout: 10_000 }).toBe(0)
    } finally {
      facilitator.destroy()
      await phone.context.close()
    }
  })

  it('lets her say she disagrees (and take it back), and give a number on a private line that only the server keeps', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Disagreement and private numbers')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext()
    try {
      await facilitator.synced()
      const { statementId } = buildToolkit(facilitator)
      const note = addItem(facilitator.doc, 'strengths', 'Jess asks for help when she needs it', { id: worker.workerId, name: 'Ana Ruiz' })
      addDisagreement(facilitator.doc, note, { id: 'p-jess', name: 'Jess' })
      await new Promise((resolve) => setTimeout(resolve, 500))
      const ratings = `/api/meetings/${meeting.id}/ratings/${encodeURIComponent(statementId)}`
      expect((await api(live.server.url, `${ratings}/privacy`, { method: 'PUT', token: worker.apiKey, body: { private: true } })).status).toBe(200)
      expect((await api(live.server.url, ratings, { method: 'PUT', token: worker.apiKey, body: { value: 3, whatMakesItThisHigh: 'a', onePointHigher: 'b' } })).status).toBe(200)

      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Grandma Lorna')
      const me = (await page.evaluate(async () => (await fetch('/api/me')).json())) as { participant: { id: string } }
      const lornaId = me.participant.id

      // Someone else's disagreement shows on the note; she adds hers to the worry, then takes it back.
      const noteCard = section(page, 'strengths').getByTestId('phone-item').first()
      await expect.poll(() => noteCard.getByTestId('disagreements').innerText(), { timeout: 10_000 }).toBe('Does not agree: Jess')
      const worry = section(page, 'danger').getByTestId('danger-statement')
      const toggle = worry.locator('.phone-disagree-toggle')
      expect(await toggle.innerText()).toBe('I disagree')
      await toggle.tap()
      const worryDisagreements = () => readMap(facilitator.doc).dangerStatements[0]?.disagreements ?? []
      await waitFor(() => worryDisagreements().length === 1, { timeoutMs: 10_000, what: 'her disagreement in the facilitator doc' })
      expect(worryDisagreements()[0]).toMatchObject({ participantId: lornaId, name: 'Grandma Lorna' })
      // Pressed, the button says in words what a second tap does, to sight and to screen readers.
      await expect.poll(() => toggle.innerText()).toBe('Take back “I disagree”')
      await worry.getByRole('button', { name: 'Take back “I disagree”' }).waitFor({ timeout: 1_000 })
      expect(await worry.getByTestId('disagreements').innerText()).toBe('You do not agree')
      // The worry itself is untouched.
      expect(readMap(facilitator.doc).dangerStatements[0]?.slots).toEqual(STATEMENT)
      await toggle.tap()
      await waitFor(() => worryDisagreements().length === 0, { timeoutMs: 10_000, what: 'the disagreement taken back' })
      await expect.poll(() => toggle.innerText()).toBe('I disagree')

      // The private line: who has rated, never a number; hers goes to the server and the doc only learns that she has rated.
      const worryLine = page.locator(`[data-testid="scale-line"][data-scale-id="${statementId}"]`)
      await expect.poll(() => worryLine.getByTestId('rated-marker').allInnerTexts(), { timeout: 10_000 }).toEqual(['Ana Ruiz has rated'])
      expect(await worryLine.getByTestId('scale-mark').count()).toBe(0)
      await worryLine.getByRole('button', { name: 'Give your number' }).tap()
      await worryLine.getByRole('radio', { name: '8', exact: true }).tap()
      await worryLine.getByLabel('What makes it this high?').fill('Lorna lives next door')
      await worryLine.getByRole('button', { name: 'Save my number' }).tap()
      await worryLine.getByText('Your rating is saved. Nobody sees it until everyone’s ratings are shown together.').waitFor({ timeout: 10_000 })
      const hidden = () => readMap(facilitator.doc).hiddenScales.find((h) => h.scaleId === statementId)?.rated.map((r) => r.participantId) ?? []
      await waitFor(() => hidden().includes(lornaId), { timeoutMs: 10_000, what: 'her "has rated" marker in the facilitator doc' })
      expect(readMap(facilitator.doc).scales.find((s) => s.scaleId === statementId)?.marks ?? []).toEqual([])
      expect(JSON.stringify(facilitator.doc.getArray('records').toJSON())).not.toContain('Lorna lives next door')
      await expect.poll(() => worryLine.getByTestId('rated-marker').allInnerTexts()).toEqual(['Ana Ruiz has rated', 'You have given your number'])
      // Changing it starts from her number as the server keeps it.
      await worryLine.getByRole('button', { name: 'Change your number' }).tap()
      await expect.poll(() => worryLine.getByRole('radio', { name: '8', exact: true }).isChecked(), { timeout: 10_000 }).toBe(true)
      await expect.poll(() => isFocused(worryLine.getByRole('radio', { name: '8', exact: true }))).toBe(true)
      expect(await worryLine.getByLabel('What makes it this high?').inputValue()).toBe('Lorna lives next door')
      expect(await axeProblems(page), 'disagreement and private line').toEqual([])
    } finally {
      facilitator.destroy()
      await phone.context.close()
    }
  })

  it('keeps a private number given offline on the phone as "Not sent yet" and sends it exactly once when back online', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Private number offline')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext()
    try {
      await facilitator.synced()
      const { statementId } = buildToolkit(facilitator)
      await new Promise((resolve) => setTimeout(resolve, 500))
      const ratings = `/api/meetings/${meeting.id}/ratings/${encodeURIComponent(statementId)}`
      expect((await api(live.server.url, `${ratings}/privacy`, { method: 'PUT', token: worker.apiKey, body: { private: true } })).status).toBe(200)

      const page = await phone.context.newPage()
      const answered: number[] = []
      page.on('response', (response) => {
        if (response.request().method() === 'PUT' && new URL(response.url()).pathname === ratings) answered.push(response.status())
      })
      await joinOnPhone(page, inviteUrl, 'Grandma Lorna')
      const me = (await page.evaluate(async () => (await fetch('/api/me')).json())) as { participant: { id: string } }
      const rated = () => readMap(facilitator.doc).hiddenScales.find((h) => h.scaleId === statementId)?.rated.map((r) => r.participantId) ?? []

      // Offline, she gives her number: the phone keeps it and says so; the server has nothing yet.
      await phone.context.setOffline(true)
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('offline')
      const worryLine = page.locator(`[data-testid="scale-line"][data-scale-id="${statementId}"]`)
      await worryLine.getByRole('button', { name: 'Give your number' }).tap()
      await worryLine.getByRole('radio', { name: '7', exact: true }).tap()
      await worryLine.getByLabel('What makes it this high?').fill('Lorna lives next door')
      await worryLine.getByRole('button', { name: 'Save my number' }).tap()
      await worryLine.getByText(/^Your number is kept on this phone/).waitFor({ timeout: 10_000 })
      expect(await worryLine.getByTestId('private-unsent').innerText()).toMatch(/Your number: 7\s*Not sent yet\s*Kept on this phone\./)
      // Changing it while offline starts from the number waiting on the phone, and replaces it.
      await worryLine.getByRole('button', { name: 'Give your number' }).tap()
      expect(await worryLine.getByRole('radio', { name: '7', exact: true }).isChecked()).toBe(true)
      await worryLine.getByRole('radio', { name: '6', exact: true }).tap()
      await worryLine.getByRole('button', { name: 'Save my number' }).tap()
      await expect.poll(() => worryLine.getByTestId('private-unsent').innerText()).toMatch(/Your number: 6\s*Not sent yet/)
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(rated()).not.toContain(me.participant.id)
      expect(answered).toEqual([])

      // Back online it goes once: the doc learns she has rated, the server keeps her 6, and "Not sent yet" goes.
      await phone.context.setOffline(false)
      await waitFor(() => rated().includes(me.participant.id), { timeoutMs: 20_000, what: 'her "has rated" marker after reconnecting' })
      await expect.poll(() => worryLine.getByTestId('private-unsent').count(), { timeout: 10_000 }).toBe(0)
      await expect.poll(() => worryLine.getByTestId('rated-marker').allInnerTexts()).toContain('You have given your number')
      const mine = (await page.evaluate(async (url) => (await fetch(`${url}/mine`)).json(), ratings)) as { rating: { value: number; whatMakesItThisHigh: string } }
      expect(mine.rating).toMatchObject({ value: 6, whatMakesItThisHigh: 'Lorna lives next door' })
      // A later reconnect sends nothing again.
      await phone.context.setOffline(true)
      await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('offline')
      await phone.context.setOffline(false)
      await expectLive(page)
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(answered).toEqual([200])
      expect(JSON.stringify(facilitator.doc.getArray('records').toJSON())).not.toContain('Lorna lives next door')
    } finally {
      facilitator.destroy()
      await phone.context.close()
    }
  })

  it('fits a 320 px screen at 200 % text with 44 px targets, and axe finds no serious problem in English or Spanish', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Small screen meeting')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext({ viewport: { width: 320, height: 640 } })
    try {
      await facilitator.synced()
      addItem(facilitator.doc, 'danger', 'Kai could be hurt if he is left alone at night', { id: worker.workerId, name: 'Ana Ruiz' })
      buildToolkit(facilitator)
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
      await section(page, 'danger').getByTestId('phone-item-text').getByText('Kai could be hurt').waitFor({ timeout: 10_000 })
      await addOnPhone(page, 'strengths', 'Rosa cocina para Kai los domingos')
      expect(await axeProblems(page), 'phone page, Spanish').toEqual([])
      await page.getByRole('button', { name: 'English' }).tap()
      await page.getByRole('heading', { name: WORKING_WELL }).waitFor()
      expect(await axeProblems(page), 'phone page, English').toEqual([])

      // Open a form and a confirmation, so their controls are measured too.
      await section(page, 'harm').locator('.phone-add-open').tap()
      await section(page, 'strengths').getByRole('button', { name: 'Remove' }).tap()
      await page.locator('[data-testid="scale-line"][data-scale-id="overall"]').getByRole('button', { name: 'Give your number' }).tap()
      // The browser's text size at 100 % and at 200 %: the list's words follow it (18 px, then 36 px).
      const itemText = section(page, 'danger').getByTestId('phone-item-text').first()
      for (const [percent, size] of [[100, '18px'], [200, '36px']] as const) {
        await setBrowserTextSize(page, percent)
        await expect.poll(() => itemText.evaluate((p) => getComputedStyle(p).fontSize), { message: `words at ${percent} %` }).toBe(size)
        const { scrollWidth, clientWidth, small, wide } = await layoutProblems(page)
        expect(scrollWidth, `no sideways scrolling at ${percent} % text: ${wide.join(', ')}`).toBeLessThanOrEqual(clientWidth)
        expect(small, `targets at ${percent} % text`).toEqual([])
        // The bar stays on screen only while it takes no more than a quarter of it.
        const barFits = () =>
          page.locator('.phone-bar').evaluate((bar) => getComputedStyle(bar).position !== 'sticky' || bar.getBoundingClientRect().height <= window.innerHeight / 4)
        await expect.poll(barFits, { message: `bar at ${percent} % text` }).toBe(true)
        // "Hide screen" stays in reach at the top (fixed while the bar scrolls away), over neither the meeting's name nor its status.
        const underHide = await page.evaluate(() => {
          window.scrollTo(0, 0)
          const hide = document.querySelector('[data-testid="hide-screen-button"]')!.getBoundingClientRect()
          return ['.phone-title', '[data-testid="connection-status"]'].filter((selector) => {
            const box = document.querySelector(selector)!.getBoundingClientRect()
            return box.left < hide.right && hide.left < box.right && box.top < hide.bottom && hide.top < box.bottom
          })
        })
        expect(underHide, `under "Hide screen" at ${percent} % text`).toEqual([])
      }
    } finally {
      facilitator.destroy()
      await phone.context.close()
    }
  })

  it('shows the lobby to a phone waiting to be let in, with no serious axe problem in English or Spanish', async () => {
    const meeting = await createMeeting(live.server.url, worker.apiKey, 'Lobby meeting')
    const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meeting.id}/invites`, {
      token: worker.apiKey,
      body: { role: 'editor', kind: 'personal', lobby: true },
    })
    expect(invite.status).toBe(201)
    const url = new URL(invite.body.url)
    const phone = await phoneContext({ viewport: { width: 320, height: 640 } })
    try {
      const page = await phone.context.newPage()
      await page.goto(`${live.server.url}${url.pathname}${url.hash}`)
      await joinAs(page, 'Uncle Joe')
      await page.waitForURL(new RegExp(`/lobby/${meeting.id}$`), { timeout: 20_000 })
      await page.getByRole('heading', { level: 1 }).waitFor()
      expect(await axeProblems(page), 'lobby, English').toEqual([])
      await page.getByRole('button', { name: 'Español' }).tap()
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es')
      expect(await axeProblems(page), 'lobby, Spanish').toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
    } finally {
      await phone.context.close()
    }
  })

  it('opens the list from its address on a fresh phone with one compressed sync socket, opened by the page\'s early start', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Cold open')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    const joining = await phoneContext()
    const fresh = await phoneContext()
    try {
      await facilitator.synced()
      for (let i = 1; i <= 60; i++) addItem(facilitator.doc, 'strengths', `Item ${i}: Lorna brings Kai to football practice on Saturdays`, { id: worker.workerId, name: 'Ana Ruiz' })
      await new Promise((resolve) => setTimeout(resolve, 500))
      const joinPage = await joining.context.newPage()
      await joinPage.goto(inviteUrl)
      await joinAs(joinPage, 'Grandma Lorna')
      await joinPage.waitForURL(/\/list$/, { timeout: 20_000 })
      await fresh.context.addCookies(await joining.context.cookies())

      // Same person, a phone with nothing cached: the address alone.
      const page = await fresh.context.newPage()
      const cdp = await fresh.context.newCDPSession(page)
      await cdp.send('Network.enable')
      const extensions: string[] = []
      cdp.on('Network.webSocketHandshakeResponseReceived', (e) => extensions.push(String(e.response.headers['Sec-WebSocket-Extensions'] ?? e.response.headers['sec-websocket-extensions'] ?? '')))
      // Sync step 1 frames (message type 0, step 0) the page sends: none, the socket's address asked for the whole map.
      let syncAsks = 0
      cdp.on('Network.webSocketFrameSent', (e) => {
        const bytes = Buffer.from(e.response.payloadData, 'base64')
        if (e.response.opcode === 2 && bytes[0] === 0 && bytes[1] === 0) syncAsks++
      })
      await page.goto(joinPage.url())
      await expect.poll(() => section(page, 'strengths').getByTestId('phone-item').count(), { timeout: 20_000 }).toBe(60)
      await expectLive(page)
      // The page's own small script opened the socket, and the app adopted it rather than opening another.
      expect(await page.locator('script[src*="earlyStart"]').count()).toBe(1)
      expect(fresh.requests.filter((u) => /\/sync\//.test(u))).toHaveLength(1)
      expect(extensions).toHaveLength(1)
      expect(extensions[0]).toContain('permessage-deflate')
      // The map came as the socket opened (`whole=1`), and the app did not ask the relay for it again.
      expect(fresh.requests.find((u) => /\/sync\//.test(u))).toContain('whole=1')
      expect(syncAsks).toBe(0)
      // Who she is was asked once, by the early start: on a slow phone every extra request waits its turn.
      expect(fresh.requests.filter((u) => new URL(u).pathname === '/api/me')).toHaveLength(1)
      // It keeps working as a normal connection: her item reaches the facilitator.
      await addOnPhone(page, 'strengths', 'Sam joined the group chat')
      await waitFor(() => itemsWithText(facilitator, 'strengths', 'Sam joined the group chat').length === 1, { timeoutMs: 10_000, what: 'the item from the cold-opened list' })
    } finally {
      facilitator.destroy()
      await joining.context.close()
      await fresh.context.close()
    }
  })

  it('shows the list the server wrote into the page while the words cannot download, then the live list; signed out, it says the page will try again', async () => {
    // A wellbeing map: both copies head its sections in its own words, as the board does.
    const { meeting, inviteUrl } = await newMeetingWithInvite('Server list', 'wellbeing')
    const facilitator = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
    const phone = await phoneContext({ firstVisit: true })
    const signedOut = await phoneContext({ firstVisit: true })
    const wordsChunk = /\/assets\/list-en-[^/]+\.js$/
    try {
      await facilitator.synced()
      addItem(facilitator.doc, 'strengths', 'Lorna <walks> Kai to school & back', { id: worker.workerId, name: 'Ana Ruiz' })
      await live.server.services.relay.applyServerChange(meeting.id, (doc) => {
        const houses = placeTemplate(doc, 'three-houses', { parentConsent: { givenBy: 'Jess', recordedBy: { id: worker.workerId, name: 'Ana Ruiz' }, at: new Date() } }).placementId
        renameTemplateZone(doc, houses, 'house-worries', 'the <sad> house')
        addTemplateItem(doc, houses, 'house-worries', 'when dad shouts', KAI, { childAgreed: true })
        const path = safetyHousePathScaleId(placeTemplate(doc, 'safety-house').placementId)
        writeScalingMark(doc, { scaleId: path, participant: KAI, value: 8, reasons: { whatMakesItThisHigh: 'nan is at the door', onePointHigher: '' } })
        setScaleEnds(doc, path, { zero: 'I feel really scared', ten: 'I feel totally safe' })
      })
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Grandma Lorna')

      // The language download fails: the server's copy of the list is there and stays; the app's is hidden.
      await page.route(wordsChunk, (route) => route.abort())
      await page.reload({ waitUntil: 'commit' })
      const serverCopy = page.locator('#phone-prerender')
      await serverCopy.getByText('Lorna <walks> Kai to school & back', { exact: true }).waitFor({ timeout: 10_000 })
      await page.waitForTimeout(2_500)
      expect(await serverCopy.getByText('Written by Ana Ruiz').isVisible()).toBe(true)
      expect(await page.locator('#root').isHidden()).toBe(true)
      // Drawn with the live list's bar, "Who's here" and "Add to …" buttons: nothing moves when the live list takes over.
      const mapTop = async (scope: string) => {
        const bar = await page.locator(`${scope} .phone-bar`).boundingBox()
        const firstHeading = await page.locator(`${scope} .phone-column-heading`).first().boundingBox()
        const thirdSection = await page.locator(`${scope} .phone-section-heading`).nth(2).boundingBox()
        return { bar: bar?.height, firstHeading: firstHeading?.y, thirdSection: thirdSection?.y }
      }
      const before = await mapTop('#phone-prerender')
      // The templates' headings and words, as the live list will show them.
      const templateWords = (scope: string) => page.locator(`${scope} .phone-column[data-template] :is(h2, h3, .phone-item-text, .phone-byline, .phone-mark, .phone-hint)`).allInnerTexts()
      const serverTemplates = await templateWords('#phone-prerender')
      expect(serverTemplates).toEqual(expect.arrayContaining(['Three Houses', 'A parent agreed: Jess', 'the <sad> house', 'when dad shouts', 'Safety House', '0 = I feel really scared · 10 = I feel totally safe']))

      // The page tries again by itself; once the words arrive the live list replaces the copy.
      await page.unroute(wordsChunk)
      await expectLive(page)
      expect(await serverCopy.count()).toBe(0)
      expect(await mapTop('#root')).toEqual(before)
      expect(await templateWords('#root')).toEqual(serverTemplates)
      expect(await section(page, 'danger').locator('h3').innerText()).toBe('Worry statements')
      expect(await section(page, 'goals').locator('h3').innerText()).toBe('Wellbeing goals')
      await section(page, 'strengths').getByRole('button', { name: 'I disagree' }).waitFor({ timeout: 10_000 })

      // Signed out, nothing to show but a plain message instead of a blank page.
      const blank = await signedOut.context.newPage()
      await blank.route(wordsChunk, (route) => route.abort())
      await blank.goto(`${live.server.url}/m/${meeting.id}/list`)
      await blank.getByRole('alert').getByText(/We cannot reach SafetyMap right now/).waitFor({ timeout: 10_000 })
      expect(await blank.locator('#phone-prerender').count()).toBe(0)
    } finally {
      facilitator.destroy()
      await phone.context.close()
      await signedOut.context.close()
    }
  })

  it('says once, calmly, that the meeting ended: no advice to reload beside it', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Ending meeting')
    const phone = await phoneContext()
    try {
      const page = await phone.context.newPage()
      await joinOnPhone(page, inviteUrl, 'Aunt May')
      // Words typed but not added yet: leaving the page first asks; with nothing typed, it does not.
      const harm = section(page, 'harm')
      await harm.locator('.phone-add-open').tap()
      await harm.locator('.phone-add textarea').fill('Kai was alone in the bath')
      // (The page cancels the browser's beforeunload, which is what makes the browser ask.)
      const leaving = () =>
        page.evaluate(() => {
          const event = new Event('beforeunload', { cancelable: true })
          window.dispatchEvent(event)
          return event.defaultPrevented
        })
      await expect.poll(leaving, { timeout: 5_000 }).toBe(true)
      await harm.locator('.phone-add textarea').fill('')
      await expect.poll(leaving, { timeout: 5_000 }).toBe(false)
      expect((await api(live.server.url, `/api/meetings/${meeting.id}/end`, { method: 'POST', token: worker.apiKey })).status).toBeLessThan(300)
      await expect.poll(() => page.getByTestId('phone-ended').getAttribute('data-code'), { timeout: 15_000 }).toBe('4410')
      expect(await page.getByTestId('phone-ended').innerText()).toBe('This meeting has ended. Thank you for taking part.')
      // The map leaves the screen with the meeting, as the board gives way to its closed page.
      await expect.poll(() => page.getByTestId('phone-section').count()).toBe(0)
      expect(await page.getByText('Thank you for taking part.').count()).toBe(1)
      // Nothing is wrong with her phone: no connection status beside it.
      expect(await page.getByTestId('connection-status').count()).toBe(0)
      expect(await page.getByText(/Reload the page/).count()).toBe(0)
    } finally {
      await phone.context.close()
    }
  })

  it('shows the board’s own words in the language she chose, while the meeting stays in its own', async () => {
    const { meeting, inviteUrl } = await newMeetingWithInvite('Board in her language, for the family meeting of 12 May')
    const phone = await phoneContext({ viewport: { width: 360, height: 640 } })
    try {
      const page = await phone.context.newPage()
      await page.goto(inviteUrl)
      await joinAs(page, 'Tía Rosa')
      await page.waitForURL(/\/list$/, { timeout: 20_000 })
      await page.getByRole('button', { name: 'Español' }).tap()
      await expectLive(page)
      // The bar that stays on screen shows two lines of the meeting's long name, and takes less than a quarter of a small phone.
      const bar = page.locator('.phone-bar')
      const title = page.locator('.phone-title')
      expect(await title.evaluate((h1) => Math.round(h1.getBoundingClientRect().height / parseFloat(getComputedStyle(h1).lineHeight)))).toBe(2)
      expect(await title.evaluate((h1) => h1.scrollHeight > h1.clientHeight)).toBe(true)
      expect((await bar.boundingBox())!.height).toBeLessThan(640 / 4)
      expect(await bar.evaluate((header) => getComputedStyle(header).position)).toBe('sticky')
      // Shift+Tab onto a button the bar covers: the page scrolls it out from under the bar.
      const shiftTabOntoCoveredButton = async () => {
        const button = section(page, 'strengths').locator('.phone-add-open')
        await button.focus()
        await page.keyboard.press('Tab')
        await button.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().top - 10))
        await page.keyboard.press('Shift+Tab')
        expect(await isFocused(button)).toBe(true)
        return button.evaluate((element) => ({ top: element.getBoundingClientRect().top, barBottom: document.querySelector('.phone-bar')!.getBoundingClientRect().bottom }))
      }
      const normal = await shiftTabOntoCoveredButton()
      expect(normal.top, 'focused button below the bar').toBeGreaterThanOrEqual(normal.barBottom)
      // 200 % text would make the bar most of the screen: it scrolls away with the page instead.
      await setBrowserTextSize(page, 200)
      await expect.poll(() => bar.evaluate((header) => getComputedStyle(header).position)).toBe('static')
      const large = await shiftTabOntoCoveredButton()
      expect(large.top, 'focused button below the bar, large text').toBeGreaterThanOrEqual(Math.max(0, large.barBottom))
      await setBrowserTextSize(page, 100)
      await expect.poll(() => bar.evaluate((header) => getComputedStyle(header).position)).toBe('sticky')
      await page.getByRole('link', { name: 'Ver el tablero' }).tap()
      await page.waitForURL(new RegExp(`/m/${meeting.id}$`))
      const canvas = page.locator('.tl-canvas')
      await canvas.getByText('¿Qué nos preocupa?', { exact: true }).first().waitFor({ state: 'attached', timeout: 30_000 })
      expect(await canvas.getByText('What are we worried about?', { exact: true }).count()).toBe(0)
      // The meeting itself stays in English for everyone else, the facilitator's screen included.
      const observer = connectPeer({ url: live.server.url, meetingId: meeting.id, token: worker.apiKey })
      try {
        await observer.synced()
        expect(readMeta(observer.doc).locale).toBe('en')
      } finally {
        observer.destroy()
      }
    } finally {
      await phone.context.close()
    }
  })

  it('switches both ways between the list and the board, remembering the choice, and drops the switch once removed', async () => {
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

      // Coming back to the list, the connection is live again (not ended by the relay).
      await expectLive(page).catch(async (error: unknown) => {
        const ended = page.getByTestId('phone-ended')
        throw new Error(`list not live after switching back; ended with ${(await ended.count()) ? await ended.getAttribute('data-code') : 'no code'}: ${String(error)}`)
      })
      // Removed while on the board: the board says so, and offers no list that would lead nowhere.
      await page.getByRole('link', { name: 'Show the board' }).tap()
      await page.locator('.tl-canvas').waitFor({ timeout: 30_000 })
      const me = (await page.evaluate(async () => (await fetch('/api/me')).json())) as { participant: { id: string } }
      const removed = await api(live.server.url, `/api/meetings/${meeting.id}/participants/${me.participant.id}`, { method: 'DELETE', token: worker.apiKey })
      expect(removed.status).toBeLessThan(300)
      await page.getByTestId('meeting-closed').waitFor({ timeout: 15_000 })
      expect(await page.getByRole('link', { name: 'Show as list' }).isVisible()).toBe(false)
    } finally {
      await phone.context.close()
    }
  })
})
