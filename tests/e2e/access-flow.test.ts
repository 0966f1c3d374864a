/**
 * Access in a real Chromium (issue 4): a facilitator makes a shared invite link with a lobby; a
 * family member joins with consent, waits, is let in and writes a note the facilitator sees; the
 * facilitator removes them and their screen says so without reconnecting; with the "Who's here"
 * panel closed, a notice under the meeting bar tells the facilitator who waits and lets a guest on
 * a phone in; a "can look only" invite opens a read-only canvas; finishing the map makes it
 * read-only for everyone. A worker marks a note restricted: it leaves the family's screen and
 * their doc, and stays on the facilitator's canvas with a "Restricted" badge. A note written
 * offline while the map was finished is refused when the page comes back, and the page says so;
 * one that comes back to an ended meeting is told it has ended. A facilitator who opens an ended
 * meeting again from the list is told when it ended and what is left to do (look and export only, once
 * the map is finished too), and offered no invite, lobby, second end, role or Remove. A one-person
 * link that has been used is no longer offered; the panel says so and makes a new one. While a new
 * link is being made the earlier one cannot be copied, and a failure to make one is said. Escape
 * closes the "Who's here" panel and gives the keyboard back to its button.
 */
import { describe, expect, it } from 'vitest'
import { devices, type Locator, type Page } from 'playwright-core'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { readSyncMessage } from 'y-protocols/sync'
import { readMap } from '@safetymap/map-model'
import { api } from '../helpers/clients.ts'
import { inviteAndJoin, joinBody } from '../helpers/accessClients.ts'
import { connectPeer } from '../helpers/clients.ts'
import { foreignHosts, recordingContext } from '../helpers/browser.ts'
import { addNoteUnder, openNewMeeting, waitVisible, workerWithPassword } from '../helpers/meetingUi.ts'
import { FINISHED_DOT, LIVE_DOT, statusDot } from '../helpers/statusDot.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { holdRequests } from '../helpers/holdRequests.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()
const HARM = 'Harm'

/** Which element has the keyboard: its tag, test id and text, e.g. `BUTTON Let in` (`BODY …` when lost). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    return [element?.tagName, element?.getAttribute('data-testid'), element?.textContent?.trim()].filter(Boolean).join(' ')
  })
}

/** What a screen reader reads after an element's name: the text of what `aria-describedby` points at. */
function description(locator: Locator): Promise<string> {
  return locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  )
}

/** Fills the join page as a family member and accepts the agreement. */
async function joinAs(page: Page, inviteUrl: string, name: string, relationship: string, attendance: string) {
  await page.goto(inviteUrl)
  // Nothing of the meeting before consent: only the agreement.
  await page.getByTestId('consent-text').waitFor({ timeout: 10_000 })
  expect(await page.getByTestId('consent-text').innerText()).not.toBe('')
  expect(await page.locator('.tl-canvas').count()).toBe(0)
  await page.getByLabel('What is your name?').fill(name)
  await page.getByLabel('How are you connected to the child?').selectOption({ label: relationship })
  await page.getByRole('radio', { name: attendance }).check()
  // Joining without agreeing is refused on the page: the keyboard goes to "I agree", which says why.
  await page.getByRole('button', { name: 'Join the meeting' }).click()
  const agree = page.getByRole('checkbox', { name: 'I agree' })
  await page.getByRole('alert').getByText('I agree').waitFor({ timeout: 5_000 })
  expect(await agree.evaluate((box) => document.activeElement === box)).toBe(true)
  expect(await agree.getAttribute('aria-invalid')).toBe('true')
  expect(await description(agree)).toBe('Please read the agreement and tick “I agree” to join.')
  await agree.check()
  await page.getByRole('button', { name: 'Join the meeting' }).click()
}

/**
 * Rebuilds the Y.Doc a page holds from the sync frames it received and sent (its own writes:
 * others' inserts may sit next to them), every sync step 2 and update applied in order.
 */
function docFromFrames(frames: readonly Buffer[]): Y.Doc {
  const doc = new Y.Doc()
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== 0) continue // awareness
    readSyncMessage(decoder, encoding.createEncoder(), doc, 'relay')
  }
  return doc
}

/** Collects the binary frames of the page's live-sync sockets, both ways, in order. */
function recordSyncFrames(page: Page): { all: Buffer[]; received: Buffer[] } {
  const frames = { all: [] as Buffer[], received: [] as Buffer[] }
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/sync/')) return
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string') return
      frames.all.push(Buffer.from(payload))
      frames.received.push(Buffer.from(payload))
    })
    ws.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string') frames.all.push(Buffer.from(payload))
    })
  })
  return frames
}

/** Makes an invite from the facilitator's panel and returns its link. */
async function makeInvite(page: Page, options: { role: 'Can write' | 'Can look only'; shared: boolean; label?: string }) {
  const panel = page.locator('.invite')
  await panel.getByRole('radio', { name: options.role }).check()
  await panel.getByRole('radio', { name: options.shared ? /shared link/ : /One person/ }).check()
  if (options.label) await panel.getByLabel('Who is this for? (optional)').fill(options.label)
  const previous = (await panel.getByTestId('invite-url').count()) > 0 ? await panel.getByTestId('invite-url').inputValue() : ''
  await panel.getByRole('button', { name: 'Invite someone' }).click()
  await expect.poll(async () => ((await panel.getByTestId('invite-url').count()) > 0 ? panel.getByTestId('invite-url').inputValue() : ''), { timeout: 5_000 }).not.toBe(previous)
  // The keyboard moves to the new link, read out with what to do with it.
  const link = panel.getByTestId('invite-url')
  await expect.poll(() => focused(page)).toBe('INPUT invite-url')
  expect(await description(link)).toMatch(/^Send this link to the person you want to invite\. It works until /)
  return link.inputValue()
}

describe('who may be in the meeting, in two browsers', () => {
  it('invites with a lobby, admits, edits, removes for good, opens read-only for a viewer, declines, finishes and ends', async () => {
    const worker = await workerWithPassword(live.server, 'ana.access@example.org', 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser)
    const family = await recordingContext(live.browser, { viewport: { width: 1280, height: 800 } })
    const projector = await recordingContext(live.browser, { viewport: { width: 1280, height: 800 } })
    const host = new URL(live.server.url).host

    // The worker, signed in, creates a meeting.
    const ana = await facilitator.context.newPage()
    const meetingId = await openNewMeeting(ana, live.server.url, 'ana.access@example.org', 'Family meeting for Kai')
    await ana.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })

    // A shared link for everyone in the room, with the lobby on, shown with a QR code.
    await ana.locator('.invite').getByRole('radio', { name: /shared link/ }).check()
    expect(await ana.locator('.invite').getByRole('checkbox', { name: 'People wait until I let them in' }).isChecked()).toBe(true)
    const sharedUrl = await makeInvite(ana, { role: 'Can write', shared: true })
    expect(sharedUrl).toContain('/join#')
    expect(await ana.getByTestId('invite-qr').locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/)
    await expect.poll(() => ana.getByTestId('invite-list').locator('li').count(), { timeout: 5_000 }).toBe(1)

    // The family member joins with consent and waits in the lobby.
    const lorna = await family.context.newPage()
    await joinAs(lorna, sharedUrl, 'Grandma Lorna', 'Grandparent', 'On the phone')
    await lorna.waitForURL(new RegExp(`/lobby/${meetingId}$`))
    await lorna.getByRole('heading', { name: 'Waiting to be let in' }).waitFor({ timeout: 5_000 })
    expect(await lorna.locator('.tl-canvas').count()).toBe(0)
    // She stops waiting and waits again from the keyboard, which stays on the button each time.
    await lorna.getByRole('button', { name: 'Stop waiting' }).focus()
    await lorna.keyboard.press('Enter')
    await lorna.getByText('You are not waiting any more.', { exact: false }).waitFor({ timeout: 5_000 })
    expect(await focused(lorna)).toBe('BUTTON Wait again')
    await lorna.keyboard.press('Enter')
    await lorna.getByText('This page checks every few seconds', { exact: false }).waitFor({ timeout: 5_000 })
    expect(await focused(lorna)).toBe('BUTTON Stop waiting')

    // The facilitator sees who waits and lets them in; the lobby opens the meeting by itself.
    const waiting = ana.getByTestId('waiting-list')
    await waiting.getByText('Grandma Lorna').waitFor({ timeout: 10_000 })
    expect(await waiting.innerText()).toContain('Grandparent')
    await waiting.getByRole('button', { name: 'Let in' }).click()
    await lorna.waitForURL(new RegExp(`/m/${meetingId}$`), { timeout: 10_000 })
    await lorna.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })
    // No one else waits: the keyboard goes from the gone "Let in" to the people list, not the page.
    await expect.poll(() => focused(ana), { timeout: 10_000 }).toMatch(/^UL whos-here /)

    // Both see each other on the roster, with relationship and how they attend.
    await expect.poll(() => ana.getByTestId('whos-here').innerText(), { timeout: 10_000 }).toContain('Grandma Lorna')
    await expect.poll(() => ana.getByTestId('whos-here').innerText(), { timeout: 10_000 }).toContain('On the phone')
    await expect.poll(() => lorna.getByTestId('whos-here').innerText(), { timeout: 10_000 }).toContain('Ana Ruiz')

    // The family member writes a note, and the facilitator sees it.
    await addNoteUnder(lorna, HARM, 'Kai was left alone one evening')
    await ana.locator('.tl-canvas').getByText('Kai was left alone one evening').first().waitFor({ timeout: 5_000 })

    // The facilitator removes them (after confirming): their screen says so and stays closed.
    const sockets: string[] = []
    lorna.on('websocket', (ws) => sockets.push(ws.url()))
    const row = ana.getByTestId('whos-here').locator('li', { hasText: 'Grandma Lorna' })
    await row.getByRole('button', { name: 'Remove' }).click()
    await row.getByRole('button', { name: 'Yes, remove' }).click()
    await lorna.getByRole('heading', { name: 'You have been removed from this meeting' }).waitFor({ timeout: 5_000 })
    expect(await lorna.locator('.tl-canvas').count()).toBe(0)
    // The screen that took the meeting's place is read out: its heading has the keyboard.
    expect(await focused(lorna)).toBe('H1 You have been removed from this meeting')
    const socketsAtRemoval = sockets.length
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    expect(sockets.length).toBe(socketsAtRemoval)
    await expect.poll(() => ana.getByTestId('whos-here').innerText(), { timeout: 10_000 }).not.toContain('Grandma Lorna')
    // Her row went with the buttons the facilitator used: the keyboard is on the people list, not lost.
    expect(await ana.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('whos-here')
    // A reload does not get them back in either.
    await lorna.reload()
    await lorna.getByText('You have been removed from this meeting').waitFor({ timeout: 10_000 })
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(await lorna.locator('.tl-canvas').count()).toBe(0)
    expect(sockets.length).toBe(socketsAtRemoval)

    // A "can look only" invite opens a read-only canvas: no note can be made.
    const viewerUrl = await makeInvite(ana, { role: 'Can look only', shared: false, label: 'Projector' })
    await expect.poll(() => ana.getByTestId('invite-list').innerText(), { timeout: 5_000 }).toContain('Projector')
    const screen = await projector.context.newPage()
    await joinAs(screen, viewerUrl, 'Room screen', 'Worker (agency or service)', 'In the room')
    await screen.waitForURL(new RegExp(`/m/${meetingId}$`))
    await screen.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })
    await screen.getByText('You can look at the map, but not change it.').waitFor({ timeout: 5_000 })
    // Used once, the one-person link leaves the facilitator's list of links that work now.
    await expect.poll(() => ana.getByTestId('invite-list').innerText(), { timeout: 10_000 }).not.toContain('Projector')
    const box = await screen.locator('.tl-canvas').getByText(HARM, { exact: true }).first().boundingBox()
    if (!box) throw new Error('zone heading not on screen')
    await screen.keyboard.press('n')
    await screen.mouse.click(box.x + 300, box.y + box.height + 200)
    await screen.keyboard.type('should not appear')
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(await screen.locator('.tl-canvas [contenteditable="true"]').count()).toBe(0)

    const observer = connectPeer({ url: live.server.url, meetingId, token: worker.apiKey })
    try {
      await observer.synced()
      await waitFor(() => readMap(observer.doc).sections.harm.length === 1, { timeoutMs: 5_000, what: 'the family note in the doc' })
      const all = Object.values(readMap(observer.doc).sections).flat()
      expect(all.map((item) => item.text)).toEqual(['Kai was left alone one evening'])
    } finally {
      observer.destroy()
    }

    // A joiner the facilitator turns away is told kindly, and never sees the meeting.
    const ray = await family.context.newPage()
    // The agreement follows the page language.
    await ray.goto(sharedUrl)
    const english = await ray.getByTestId('consent-text').innerText()
    await ray.getByRole('button', { name: /, ES$/ }).click()
    await ray.getByRole('heading', { name: 'Unirse a la reunión' }).waitFor({ timeout: 5_000 })
    expect(await ray.getByTestId('consent-text').innerText()).not.toBe(english)
    expect(await ray.getByRole('checkbox', { name: 'Estoy de acuerdo' }).count()).toBe(1)
    await ray.getByRole('button', { name: /, EN$/ }).click()
    // The agreement's points are a list a screen reader announces, not "bullet" read out each time.
    const points = ray.getByTestId('consent-text').getByRole('listitem')
    expect(await points.count()).toBe(4)
    expect(await points.first().innerText()).toBe('use what you hear and see only to help plan for this child and family;')
    expect(await ray.getByTestId('consent-text').innerText()).not.toContain('•')
    // Joining with nothing filled in: each answer says what is missing beside it, and the
    // keyboard goes to the first, which reads out its hint and its message.
    await ray.getByRole('button', { name: 'Join the meeting' }).click()
    const name = ray.getByLabel('What is your name?')
    await expect.poll(() => name.evaluate((input) => document.activeElement === input)).toBe(true)
    expect(await name.getAttribute('aria-invalid')).toBe('true')
    expect(await description(name)).toBe('Use the name people in the meeting know you by. Please write your name.')
    expect(await ray.getByRole('alert').allInnerTexts()).toEqual([
      'Please write your name.',
      'Please say how you are connected to the child.',
      'Please say how you are taking part today.',
      'Please read the agreement and tick “I agree” to join.',
    ])
    expect(await description(ray.getByRole('group', { name: 'How are you taking part today?' }))).toBe('Please say how you are taking part today.')
    // On a 320 px phone with text at 200 %, the header wraps instead of pushing EN/ES off screen.
    await ray.setViewportSize({ width: 320, height: 640 })
    await ray.evaluate(() => (document.documentElement.style.fontSize = '36px'))
    const { scrollWidth, wide } = await ray.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > 320.5)
        .map((element) => `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`),
    }))
    expect(scrollWidth, `no sideways scrolling: ${wide.join(', ')}`).toBeLessThanOrEqual(320)
    for (const code of ['EN', 'ES']) {
      const box = await ray.getByRole('button', { name: new RegExp(`, ${code}$`) }).boundingBox()
      expect(box && box.x >= 0 && box.x + box.width <= 320, `${code} on screen`).toBe(true)
    }
    await ray.evaluate(() => (document.documentElement.style.fontSize = ''))
    await ray.setViewportSize({ width: 1280, height: 800 })
    await joinAs(ray, sharedUrl, 'Uncle Ray', 'Other relative', 'On video')
    await ray.waitForURL(new RegExp(`/lobby/${meetingId}$`))
    await waiting.getByText('Uncle Ray').waitFor({ timeout: 10_000 })
    await waiting.getByRole('button', { name: 'Decline' }).click()
    await ray.getByRole('heading', { name: 'You were not let in this time' }).waitFor({ timeout: 10_000 })
    expect(await ray.locator('.tl-canvas').count()).toBe(0)
    expect(await focused(ray)).toBe('H1 You were not let in this time')
    await expect.poll(() => focused(ana), { timeout: 10_000 }).toMatch(/^UL whos-here /)

    // The facilitator lets the room screen write: it reconnects with the new role by itself.
    const screenRow = ana.getByTestId('whos-here').locator('li', { hasText: 'Room screen' })
    // Choosing alone changes nothing (the arrows move through a closed list); "Change" does.
    await screenRow.getByRole('combobox', { name: 'What Room screen can do' }).selectOption('editor')
    await screenRow.getByRole('button', { name: 'Change for Room screen' }).click()
    expect(await focused(ana)).toMatch(/^SELECT /)
    await expect.poll(() => screen.getByText('You can look at the map, but not change it.').count(), { timeout: 15_000 }).toBe(0)
    await expect.poll(() => screen.getByTestId('whos-here').innerText(), { timeout: 10_000 }).toMatch(/Room screen \(you\) · Can write/)

    // Finishing the map makes it read-only for everyone, with a notice. The keyboard is never
    // dropped on the way: asking moves it to Cancel, Cancel brings it back, and once the map is
    // finished it is on the button that took Finish's place.
    const finish = ana.locator('.access-section').getByRole('button', { name: 'Finish the map' })
    expect(await statusDot(ana)).toEqual(LIVE_DOT)
    await finish.click()
    await expect.poll(() => focused(ana)).toBe('BUTTON Cancel')
    await ana.keyboard.press('Enter')
    await expect.poll(() => focused(ana)).toBe('BUTTON Finish the map')
    await finish.click()
    // While the server works, "Yes" says it is busy and keeps the keyboard (a disabled button would drop it).
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await ana.route(/\/finalize$/, async (route) => {
      await held
      await route.continue()
    })
    const yes = ana.getByRole('button', { name: 'Yes, finish the map' })
    await yes.focus()
    await ana.keyboard.press('Enter')
    await expect.poll(() => yes.getAttribute('aria-disabled')).toBe('true')
    expect(await focused(ana)).toBe('BUTTON Yes, finish the map')
    release()
    await ana.getByTestId('finalized-notice').waitFor({ timeout: 10_000 })
    expect(await ana.getByTestId('finalized-notice').innerText()).toBe('This map is finished and can no longer be changed')
    await waitVisible(screen, screen.getByTestId('finalized-notice'), 10_000)
    await ana.getByRole('button', { name: 'Reopen the map' }).waitFor({ timeout: 5_000 })
    await expect.poll(() => focused(ana)).toBe('BUTTON Reopen the map')
    // Connected still, but nothing is live on a finished map.
    await expect.poll(() => ana.getByTestId('connection-status').innerText()).toBe('Finished')
    // And does not look live: the phone's grey dot with a check mark.
    expect(await statusDot(ana)).toEqual(FINISHED_DOT)

    // Ending the meeting closes it on every screen for good; the map is finished, so nothing is said of a draft.
    await ana.getByRole('button', { name: 'End meeting for everyone' }).click()
    expect(await ana.getByRole('group', { name: /^End the meeting for everyone\?/ }).innerText()).not.toContain('draft')
    await ana.getByRole('button', { name: 'Yes, end the meeting' }).click()
    await waitVisible(screen, screen.getByRole('heading', { name: 'This meeting has ended' }), 10_000)
    await waitVisible(ana, ana.getByRole('heading', { name: 'This meeting has ended' }), 10_000)
    expect(await focused(screen)).toBe('H1 This meeting has ended')
    expect(await focused(ana)).toBe('H1 This meeting has ended')
    // The family is thanked; the facilitator is told the map is kept and can open it again.
    expect(await screen.getByTestId('meeting-closed').innerText()).toContain('Thank you for taking part.')
    expect(await ana.getByTestId('meeting-closed').innerText()).toContain('The map is saved. Open it again to read it or export it for the case file.')
    await ana.getByRole('button', { name: 'Open the map' }).click()
    await ana.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })

    // Not one request went anywhere but our own server (the QR code is drawn locally).
    expect(foreignHosts(facilitator.requests, host)).toEqual([])
    expect(foreignHosts(family.requests, host)).toEqual([])
    expect(foreignHosts(projector.requests, host)).toEqual([])

    await facilitator.context.close()
    await family.context.close()
    await projector.context.close()
    // Three browsers and a dozen steps: on a shared 2-core machine this takes 60–85 s.
  }, 150_000)

  it('with the Who’s here panel closed, the facilitator sees who waits, and lets a guest on a phone in from the notice', async () => {
    await workerWithPassword(live.server, 'ana.notice@example.org', 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser)
    const phone = await live.browser.newContext({ ...devices['Pixel 7'], locale: 'en-US' })
    const cousin = await recordingContext(live.browser, { viewport: { width: 1280, height: 800 } })
    const ana = await facilitator.context.newPage()
    const meetingId = await openNewMeeting(ana, live.server.url, 'ana.notice@example.org', 'Meeting with a lobby')
    await ana.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })
    const sharedUrl = await makeInvite(ana, { role: 'Can write', shared: true })

    // The facilitator leaves the panel scrolled down to the invites, then closes it to give the map
    // the whole screen.
    const panel = ana.locator('aside.whos-here')
    await panel.evaluate((aside) => aside.scrollTo(0, aside.scrollHeight))
    expect(await panel.evaluate((aside) => aside.scrollTop)).toBeGreaterThan(0)
    const whosHere = ana.getByRole('button', { name: /^Who's here \(/ })
    await whosHere.click()
    expect(await whosHere.getAttribute('aria-expanded')).toBe('false')
    expect(await ana.getByTestId('whos-here').isHidden()).toBe(true)
    const notice = ana.getByTestId('waiting-notice')

    // Two people wait: the notice and the button say how many, and the panel opens at the lobby.
    // The facilitator had the keyboard on the notice's "Let in" for the first: it goes with the
    // second, and the keyboard moves to "Open Who's here" instead of to the page.
    const ray = await cousin.context.newPage()
    await joinAs(ray, sharedUrl, 'Cousin Ray', 'Other relative', 'On video')
    await ray.waitForURL(new RegExp(`/lobby/${meetingId}$`))
    await waitVisible(ana, notice.getByRole('status').getByText('Cousin Ray is waiting to join'), 10_000)
    await notice.getByRole('button', { name: 'Let in' }).focus()
    const lorna = await phone.newPage()
    await joinAs(lorna, sharedUrl, 'Grandma Lorna', 'Grandparent', 'On the phone')
    await lorna.waitForURL(new RegExp(`/lobby/${meetingId}$`))
    await lorna.getByRole('heading', { name: 'Waiting to be let in' }).waitFor({ timeout: 5_000 })
    await waitVisible(ana, notice.getByRole('status').getByText('2 people are waiting to join'), 10_000)
    expect(await whosHere.innerText()).toMatch(/^Who's here \(\d+\) · 2 waiting$/)
    expect(await notice.getByRole('button', { name: 'Let in' }).count()).toBe(0)
    expect(await focused(ana)).toBe("BUTTON Open Who's here")
    await notice.getByRole('button', { name: "Open Who's here" }).click()
    const waitingList = ana.getByTestId('waiting-list')
    await waitVisible(ana, waitingList.getByText('Cousin Ray'), 5_000)
    expect(await whosHere.getAttribute('aria-expanded')).toBe('true')
    expect(await waitingList.evaluate((list) => document.activeElement?.contains(list) ?? false)).toBe(true)
    const inView = (list: Element) => {
      const shown = list.closest('aside')!.getBoundingClientRect()
      const box = list.getBoundingClientRect()
      return box.top >= shown.top && box.bottom <= shown.bottom
    }
    expect(await waitingList.evaluate(inView)).toBe(true)
    await waitingList.locator('li', { hasText: 'Cousin Ray' }).getByRole('button', { name: 'Let in' }).click()
    await ray.waitForURL(new RegExp(`/m/${meetingId}$`), { timeout: 10_000 })
    // His row went with the button used: the keyboard is on the next person's "Let in".
    await expect.poll(() => ana.evaluate(() => document.activeElement?.closest('li')?.textContent ?? '')).toContain('Grandma Lorna')
    expect(await focused(ana)).toBe('BUTTON Let in')

    // Opened from the meeting bar, the panel shows the lobby too, without taking focus.
    await panel.evaluate((aside) => aside.scrollTo(0, aside.scrollHeight))
    await whosHere.click()
    await whosHere.click()
    await waitVisible(ana, waitingList.getByText('Grandma Lorna'), 5_000)
    expect(await waitingList.evaluate(inView)).toBe(true)
    expect(await whosHere.evaluate((button) => document.activeElement === button)).toBe(true)

    // One waits: the notice names her, in the page language, and stays while the panel is closed.
    await whosHere.click()
    expect(await ana.getByTestId('whos-here').isHidden()).toBe(true)
    const status = notice.getByRole('status')
    await waitVisible(ana, status.getByText('Grandma Lorna is waiting to join'), 10_000)
    expect(await whosHere.innerText()).toMatch(/^Who's here \(\d+\) · 1 waiting$/)
    const box = await notice.boundingBox()
    expect(box && box.y + box.height <= 900).toBe(true)
    await ana.getByRole('button', { name: /, ES$/ }).click()
    await waitVisible(ana, status.getByText('Grandma Lorna está esperando para entrar'), 5_000)
    expect(await ana.getByRole('button', { name: /^Quién está aquí \(/ }).innerText()).toMatch(/· 1 esperando$/)
    await ana.getByRole('button', { name: /, EN$/ }).click()

    // Let in from the notice, by keyboard: her phone leaves the lobby; the notice and count go.
    const letIn = notice.getByRole('button', { name: 'Let in' })
    await letIn.focus()
    await ana.keyboard.press('Enter')
    await lorna.waitForURL(new RegExp(`/m/${meetingId}(/list)?$`), { timeout: 10_000 })
    expect(await lorna.getByRole('heading', { name: 'Waiting to be let in' }).count()).toBe(0)
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe('')
    expect(await whosHere.innerText()).toMatch(/^Who's here \(\d+\)$/)
    // Focus is not lost with the button: it lands on the Who's here button.
    expect(await ana.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe(await whosHere.getAttribute('aria-controls'))
    await whosHere.click()
    await expect.poll(() => ana.getByTestId('whos-here').innerText(), { timeout: 10_000 }).toContain('Grandma Lorna')

    await facilitator.context.close()
    await phone.close()
    await cousin.context.close()
  }, 120_000)

  it('a worker restricts a note: it leaves the family’s screen and doc, and stays on the worker’s canvas with a badge', async () => {
    const worker = await workerWithPassword(live.server, 'ana.restricted@example.org', 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser)
    const family = await recordingContext(live.browser, { viewport: { width: 1280, height: 800 } })
    const host = new URL(live.server.url).host
    const ana = await facilitator.context.newPage()
    const meetingId = await openNewMeeting(ana, live.server.url, 'ana.restricted@example.org', 'Meeting with a private address')
    await ana.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })

    const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meetingId}/invites`, { token: worker.apiKey, body: { role: 'editor' } })
    const lorna = await family.context.newPage()
    const frames = recordSyncFrames(lorna)
    await joinAs(lorna, invite.body.url, 'Grandma Lorna', 'Grandparent', 'In the room')
    await lorna.waitForURL(new RegExp(`/m/${meetingId}$`), { timeout: 10_000 })
    await lorna.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })

    const secret = 'Mum now lives at 12 Hidden Lane'
    await addNoteUnder(ana, HARM, secret)
    await lorna.locator('.tl-canvas').getByText(secret).first().waitFor({ timeout: 5_000 })

    // The facilitator selects the note and restricts it, after reading what that means.
    await ana.keyboard.press('Escape')
    await ana.locator('.tl-canvas').getByText(secret).first().click()
    await ana.getByRole('button', { name: 'Restrict this note' }).click()
    await ana.getByText('Family and network members will no longer see it.', { exact: false }).waitFor({ timeout: 5_000 })
    await ana.getByRole('button', { name: 'Yes, restrict it' }).click()

    // Gone from the family's screen and from the doc their page holds.
    await expect.poll(() => lorna.locator('.tl-canvas').getByText(secret).count(), { timeout: 5_000 }).toBe(0)
    const rebuilt = docFromFrames(frames.all)
    expect(rebuilt.store.pendingStructs).toBeNull()
    expect(readMap(rebuilt).sections.harm).toEqual([])
    expect(Buffer.from(Y.encodeStateAsUpdate(rebuilt)).includes(Buffer.from('12 Hidden Lane'))).toBe(false)
    rebuilt.destroy()

    // Still on the facilitator's canvas, read-only, with the badge — not as a shared note.
    const restricted = ana.getByTestId('restricted-item')
    await restricted.filter({ hasText: secret }).waitFor({ timeout: 5_000 })
    expect(await restricted.filter({ hasText: secret }).innerText()).toMatch(/Restricted/i)
    expect(await ana.locator('.tl-canvas .tl-shape').getByText(secret).count()).toBe(0)

    // A family screen opened afterwards never receives a byte of it.
    frames.received.length = 0
    await lorna.reload()
    await lorna.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(frames.received.length).toBeGreaterThan(0)
    expect(frames.received.some((frame) => frame.includes(Buffer.from('12 Hidden Lane')))).toBe(false)
    expect(await lorna.getByTestId('restricted-item').count()).toBe(0)

    // The audit trail, opened from the meeting bar, records it without the note's words.
    await ana.getByRole('button', { name: 'Audit trail' }).click()
    const trail = ana.getByRole('dialog', { name: 'Audit trail' })
    await trail.getByText('Restricted an item (staff only)').waitFor({ timeout: 5_000 })
    expect(await trail.innerText()).toContain('Grandma Lorna · Can write')
    expect(await trail.innerText()).not.toContain('Hidden Lane')
    // Opened, it holds the keyboard; Escape closes it and gives the keyboard back to its button.
    expect(await ana.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('dialog')
    await ana.keyboard.press('Escape')
    await expect.poll(() => trail.count()).toBe(0)
    expect(await ana.evaluate(() => document.activeElement?.textContent)).toBe('Audit trail')

    expect(foreignHosts(facilitator.requests, host)).toEqual([])
    expect(foreignHosts(family.requests, host)).toEqual([])
    await facilitator.context.close()
    await family.context.close()
  }, 120_000)

  it('a note written offline while the map was finished is refused, and the page says so instead of queueing it', async () => {
    const worker = await workerWithPassword(live.server, 'ana.offline@example.org', 'Ana Ruiz')
    const family = await recordingContext(live.browser, { viewport: { width: 1280, height: 800 } })
    const meeting = await api<{ id: string }>(live.server.url, '/api/meetings', { token: worker.apiKey, body: { title: 'Finished while away', locale: 'en' } })
    const meetingId = meeting.body.id
    const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meetingId}/invites`, { token: worker.apiKey, body: { role: 'editor' } })
    const lorna = await family.context.newPage()
    await joinAs(lorna, invite.body.url, 'Grandma Lorna', 'Grandparent', 'On the phone')
    await lorna.waitForURL(new RegExp(`/m/${meetingId}$`), { timeout: 10_000 })
    await lorna.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })

    // Offline, she writes a note; meanwhile the facilitator finishes the map.
    await family.context.setOffline(true)
    await addNoteUnder(lorna, HARM, 'Written on the bus with no signal')
    expect((await api(live.server.url, `/api/meetings/${meetingId}/finalize`, { method: 'POST', token: worker.apiKey })).status).toBe(200)

    // Back online: the relay refuses the note and the page says so, for good.
    await family.context.setOffline(false)
    await lorna.getByRole('heading', { name: 'The map was finished before your last changes reached it' }).waitFor({ timeout: 15_000 })
    expect(await lorna.locator('.tl-canvas').count()).toBe(0)
    const state = await live.server.services.relay.readDocState(meetingId)
    expect(Buffer.from(state ?? new Uint8Array()).includes(Buffer.from('no signal'))).toBe(false)

    // Opening the finished map shows it as it was kept, without the refused note.
    await lorna.getByRole('button', { name: 'Open the finished map' }).click()
    await lorna.getByTestId('finalized-notice').waitFor({ timeout: 20_000 })
    await lorna.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })
    expect(await lorna.locator('.tl-canvas').getByText('Written on the bus with no signal').count()).toBe(0)
    await family.context.close()
  })

  it('a meeting ended while a family member was offline shows them it has ended when they come back', async () => {
    const worker = await workerWithPassword(live.server, 'ana.ended@example.org', 'Ana Ruiz')
    const family = await recordingContext(live.browser, { viewport: { width: 1280, height: 800 } })
    const meeting = await api<{ id: string }>(live.server.url, '/api/meetings', { token: worker.apiKey, body: { title: 'Ended while away', locale: 'en' } })
    const meetingId = meeting.body.id
    const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meetingId}/invites`, { token: worker.apiKey, body: { role: 'editor' } })
    const lorna = await family.context.newPage()
    await joinAs(lorna, invite.body.url, 'Grandma Lorna', 'Grandparent', 'On the phone')
    await lorna.waitForURL(new RegExp(`/m/${meetingId}$`), { timeout: 10_000 })
    await lorna.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })

    await family.context.setOffline(true)
    await addNoteUnder(lorna, HARM, 'Written just before the end')
    expect((await api(live.server.url, `/api/meetings/${meetingId}/end`, { method: 'POST', token: worker.apiKey })).status).toBe(204)
    await family.context.setOffline(false)
    await lorna.getByRole('heading', { name: 'This meeting has ended' }).waitFor({ timeout: 15_000 })
    expect(await lorna.locator('.tl-canvas').count()).toBe(0)
    // The network dropping and coming back again does not set the page knocking on the relay.
    const sockets: string[] = []
    lorna.on('websocket', (ws) => sockets.push(ws.url()))
    await family.context.setOffline(true)
    await family.context.setOffline(false)
    await lorna.waitForTimeout(4_000)
    expect(sockets).toEqual([])
    const state = await live.server.services.relay.readDocState(meetingId)
    expect(Buffer.from(state ?? new Uint8Array()).includes(Buffer.from('just before the end'))).toBe(false)
    await family.context.close()
  })

  it('a facilitator who opens an ended meeting again is told it ended, when, and what is left to do; nothing lets anyone in', async () => {
    const worker = await workerWithPassword(live.server, 'ana.afterwards@example.org', 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser, { viewport: { width: 1366, height: 850 } })
    const ana = await facilitator.context.newPage()
    const meetingId = await openNewMeeting(ana, live.server.url, 'ana.afterwards@example.org', 'Meeting for Rio')
    await ana.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })
    // Grandma Lorna is in the meeting, and someone still waits in the lobby, when the facilitator ends it.
    await inviteAndJoin(live.server.url, worker.apiKey, meetingId, { name: 'Grandma Lorna' })
    const lorna = ana.getByTestId('whos-here').locator('li', { hasText: 'Grandma Lorna' })
    await lorna.getByRole('button', { name: 'Remove' }).waitFor({ timeout: 10_000 })
    expect(await lorna.locator('select').count()).toBe(1)
    await inviteAndJoin(live.server.url, worker.apiKey, meetingId, { name: 'Uncle Tom', kind: 'shared', lobby: true })
    await ana.getByTestId('waiting-notice').getByText('Uncle Tom is waiting to join').waitFor({ timeout: 10_000 })
    await ana.getByRole('button', { name: 'End meeting for everyone' }).click()
    // The map was never finished: she is told the case file will hold a draft, and how to avoid that.
    expect(await ana.getByRole('group', { name: /^End the meeting for everyone\?/ }).innerText()).toContain(
      'The map is not finished, so the case file will show it as a draft. To keep it as the record, finish the map first.',
    )
    await ana.getByRole('button', { name: 'Yes, end the meeting' }).click()
    await waitVisible(ana, ana.getByRole('heading', { name: 'This meeting has ended' }), 10_000)
    const ended = await api<{ endedAt: string }>(live.server.url, `/api/meetings/${meetingId}`, { token: worker.apiKey })
    const format = (options: Intl.DateTimeFormatOptions) =>
      ana.evaluate(([iso, opts]) => new Intl.DateTimeFormat('en', opts).format(new Date(iso)), [ended.body.endedAt, options] as const)

    // Later, from the meeting list, which says it ended (not "Open").
    await ana.getByRole('link', { name: 'Go to the start page' }).click()
    const listed = ana.getByRole('link', { name: /Meeting for Rio/ })
    await listed.waitFor({ timeout: 10_000 })
    expect(await listed.innerText()).toContain(`Meeting ended ${await format({ dateStyle: 'medium' })}`)
    expect(await listed.innerText()).not.toContain('Open')
    await listed.click()
    await ana.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })

    // The board says it ended, when, that nobody can join any more, and what the facilitator can still do.
    const notice = ana.getByTestId('meeting-ended-notice')
    await waitVisible(ana, notice, 10_000)
    expect((await notice.innerText()).split('\n').filter(Boolean)).toEqual([
      'This meeting has ended',
      `It ended on ${await format({ dateStyle: 'medium', timeStyle: 'short' })}.`,
      'Family and network can no longer join. Their invite links no longer work; journal links still do, and you can make new ones below.',
      'You can still look at the map, change it, finish it and export it for the case file.',
    ])
    // Nothing that let people in or ended the meeting is offered: no invites (journal links only), no lobby, no second end,
    // and nothing to do to family members whose sessions ended with it.
    await ana.getByRole('button', { name: 'Finish the map' }).waitFor({ timeout: 5_000 })
    await lorna.waitFor({ timeout: 5_000 })
    expect(await lorna.getByRole('button', { name: 'Remove' }).count()).toBe(0)
    expect(await lorna.locator('select').count()).toBe(0)
    expect(await ana.getByRole('button', { name: 'Invite someone' }).count()).toBe(0)
    expect(await ana.getByRole('button', { name: 'End meeting for everyone' }).count()).toBe(0)
    expect(await ana.getByRole('button', { name: 'Let in' }).count()).toBe(0)
    expect(await ana.getByTestId('waiting-notice').innerText()).toBe('')
    expect(await ana.getByRole('button', { name: /^Who's here/ }).innerText()).toBe("Who's here (1)")
    expect(await ana.getByTestId('finalized-notice').count()).toBe(0)
    // Under the meeting bar too, where it shows even with the panel folded away.
    expect(await ana.getByTestId('ended-notice').innerText()).toBe('This meeting has ended: family and network can no longer join. You can still work on the map and export it.')
    // What is left still works from the meeting bar.
    expect(await ana.getByRole('button', { name: 'Export' }).isEnabled()).toBe(true)

    // Once she finishes the map too, nothing says it can still be changed: only how to reopen it.
    await ana.getByRole('button', { name: 'Finish the map' }).click()
    await ana.getByRole('button', { name: 'Yes, finish the map' }).click()
    await ana.getByTestId('finalized-notice').waitFor({ timeout: 10_000 })
    await expect.poll(() => ana.getByTestId('ended-notice').innerText()).toBe(
      'This meeting has ended: family and network can no longer join. You can look at the finished map and export it. To change it, choose “Reopen the map” under “Who’s here”.',
    )
    expect((await notice.innerText()).split('\n').filter(Boolean).at(-1)).toBe(
      'The map is finished: you can look at it and export it for the case file. To change it, choose “Reopen the map” below.',
    )
    expect(await ana.getByRole('button', { name: 'Reopen the map' }).isVisible()).toBe(true)
    for (const words of [/change it, finish it/, /still work on the map/]) expect(await ana.getByText(words).count()).toBe(0)

    // In Spanish too.
    await ana.getByRole('button', { name: 'Español' }).click()
    await expect.poll(() => notice.innerText()).toContain('La familia y su red ya no pueden entrar.')
    expect(await notice.innerText()).toContain('El mapa está terminado: puede verlo y exportarlo para el expediente.')
    expect(await ana.getByTestId('ended-notice').innerText()).toContain('Para cambiarlo, elija «Volver a abrir el mapa»')
    await facilitator.context.close()
  }, 90_000)

  it('a one-person link that has been used is no longer offered to copy or show; the panel says so and offers a new one', async () => {
    await workerWithPassword(live.server, 'ana.used@example.org', 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser, { viewport: { width: 1366, height: 850 } })
    const ana = await facilitator.context.newPage()
    await openNewMeeting(ana, live.server.url, 'ana.used@example.org', 'Meeting for Noa')
    await ana.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })
    const panel = ana.locator('.invite')
    const url = await makeInvite(ana, { role: 'Can write', shared: false, label: 'Grandma Lorna' })

    // She uses the link on her phone.
    const token = new URL(url).hash.slice(1)
    expect((await api(live.server.url, '/api/join', { body: await joinBody(live.server.url, token, 'Grandma Lorna') })).status).toBe(200)
    await ana.getByTestId('whos-here').getByText('Grandma Lorna').waitFor({ timeout: 10_000 })

    // The used link, its copy button, QR code and "It works until …" are gone; the panel says why and offers a new one.
    await panel.getByText('This link has been used: someone joined with it, so it no longer works. To invite someone else, make a new link.').waitFor({ timeout: 10_000 })
    expect(await panel.getByTestId('invite-url').count()).toBe(0)
    expect(await panel.getByRole('button', { name: 'Copy link' }).count()).toBe(0)
    expect(await ana.getByTestId('invite-qr').count()).toBe(0)
    expect(await panel.getByText(/It works until/).count()).toBe(0)
    expect(await panel.getByText('No invite links work right now.').isVisible()).toBe(true)
    await panel.getByRole('button', { name: 'Make a new link' }).click()
    await expect.poll(() => panel.getByTestId('invite-url').count(), { timeout: 5_000 }).toBe(1)
    expect(await panel.getByTestId('invite-url').inputValue()).not.toBe(url)
    expect(await panel.getByTestId('invite-stale').count()).toBe(0)
    await expect.poll(() => ana.getByTestId('invite-list').locator('li').count(), { timeout: 5_000 }).toBe(1)

    // In Spanish too.
    expect((await api(live.server.url, '/api/join', { body: await joinBody(live.server.url, new URL(await panel.getByTestId('invite-url').inputValue()).hash.slice(1), 'Tío Tomás') })).status).toBe(200)
    await ana.getByRole('button', { name: 'Español' }).click()
    await panel.getByText('Este enlace ya se usó: alguien entró con él y ya no funciona. Para invitar a otra persona, haga un enlace nuevo.').waitFor({ timeout: 10_000 })
    expect(await panel.getByRole('button', { name: 'Hacer un enlace nuevo' }).isVisible()).toBe(true)
    await facilitator.context.close()
  }, 60_000)

  it('while a new link is being made the earlier one cannot be copied; the new one is shown and works; a failure says so', async () => {
    await workerWithPassword(live.server, 'ana.again@example.org', 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser, { viewport: { width: 1366, height: 850 } })
    const ana = await facilitator.context.newPage()
    const meetingId = await openNewMeeting(ana, live.server.url, 'ana.again@example.org', 'Meeting for Noa')
    await ana.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })
    const panel = ana.locator('.invite')
    const first = await makeInvite(ana, { role: 'Can write', shared: false, label: 'Grandma Lorna' })

    // A second press, with the server slow: the first link, its Copy button and QR code are gone at
    // once, and the button that was pressed says it is working and keeps the keyboard.
    const invites = `**/api/meetings/${meetingId}/invites`
    const making = await holdRequests(ana, invites, 'POST')
    const invite = panel.getByRole('button', { name: 'Invite someone' })
    await invite.focus()
    await ana.keyboard.press('Enter')
    await expect.poll(() => making.count, { timeout: 5_000 }).toBe(1)
    await expect.poll(() => focused(ana)).toBe('BUTTON Making a link…')
    expect(await panel.getByTestId('invite-url').count()).toBe(0)
    expect(await panel.getByRole('button', { name: 'Copy link' }).count()).toBe(0)
    expect(await ana.getByTestId('invite-qr').count()).toBe(0)

    // The new link arrives: it is a different one and has the keyboard.
    making.release()
    await expect.poll(() => panel.getByTestId('invite-url').count(), { timeout: 5_000 }).toBe(1)
    const second = await panel.getByTestId('invite-url').inputValue()
    expect(second).not.toBe(first)
    await expect.poll(() => focused(ana)).toBe('INPUT invite-url')

    // Making another fails (no connection): the page says so, and the earlier link does not come back.
    await ana.unroute(invites)
    await ana.route(invites, (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()))
    await panel.getByRole('button', { name: 'Invite someone' }).click()
    await expect.poll(() => panel.getByRole('alert').innerText(), { timeout: 5_000 }).toBe(
      'We cannot reach SafetyMap right now. Check your internet connection and try again.',
    )
    expect(await panel.getByTestId('invite-url').count()).toBe(0)
    expect(await panel.getByRole('button', { name: 'Copy link' }).count()).toBe(0)

    // The link she was given lets her grandmother in.
    expect((await api(live.server.url, '/api/join', { body: await joinBody(live.server.url, new URL(second).hash.slice(1), 'Grandma Lorna') })).status).toBe(200)
    await facilitator.context.close()
  }, 60_000)

  it('Escape from the invite link closes the Who’s here panel and puts the keyboard back on its button', async () => {
    await workerWithPassword(live.server, 'ana.escape@example.org', 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser, { viewport: { width: 1366, height: 768 } })
    const ana = await facilitator.context.newPage()
    await openNewMeeting(ana, live.server.url, 'ana.escape@example.org', 'Meeting for Noa')
    await ana.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })
    await makeInvite(ana, { role: 'Can write', shared: false })
    await ana.keyboard.press('Escape')
    await expect.poll(() => ana.locator('aside.whos-here').isHidden()).toBe(true)
    const whosHere = ana.getByRole('button', { name: /^Who's here \(/ })
    expect(await whosHere.getAttribute('aria-expanded')).toBe('false')
    expect(await whosHere.evaluate((element) => element === document.activeElement)).toBe(true)
    await facilitator.context.close()
  }, 60_000)
})
