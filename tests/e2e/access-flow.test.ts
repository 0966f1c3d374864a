/**
 * Access in a real Chromium (issue 4): a facilitator makes a shared invite link with a lobby; a
 * family member joins with consent, waits, is let in and writes a note the facilitator sees; the
 * facilitator removes them and their screen says so without reconnecting; a "can look only"
 * invite opens a read-only canvas; finishing the map makes it read-only for everyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { readMap } from '@safetymap/map-model'
import { startServer, type TestServer } from '../helpers/servers.ts'
import { connectPeer } from '../helpers/clients.ts'
import { foreignHosts, launchChromium, recordingContext } from '../helpers/browser.ts'
import { addNoteUnder, signInAndCreateMeeting, workerWithPassword } from '../helpers/meetingUi.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: TestServer
let browser: Browser
const HARM = 'Harm'

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

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
  // Joining without agreeing is refused on the page.
  await page.getByRole('button', { name: 'Join the meeting' }).click()
  await page.getByRole('alert').getByText('I agree').waitFor({ timeout: 5_000 })
  await page.getByRole('checkbox', { name: 'I agree' }).check()
  await page.getByRole('button', { name: 'Join the meeting' }).click()
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
  return panel.getByTestId('invite-url').inputValue()
}

describe('who may be in the meeting, in two browsers', () => {
  it('invites with a lobby, admits, edits, removes for good, opens read-only for a viewer, declines, finishes and ends', async () => {
    const worker = await workerWithPassword(server, 'ana.access@example.org', 'Ana Ruiz')
    const facilitator = await recordingContext(browser)
    const family = await recordingContext(browser, { viewport: { width: 1280, height: 800 } })
    const projector = await recordingContext(browser, { viewport: { width: 1280, height: 800 } })
    const host = new URL(server.url).host

    // The worker signs in and creates a meeting.
    const ana = await facilitator.context.newPage()
    const meetingId = await signInAndCreateMeeting(ana, server.url, 'ana.access@example.org', 'Family meeting for Kai')
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

    // The facilitator sees who waits and lets them in; the lobby opens the meeting by itself.
    const waiting = ana.getByTestId('waiting-list')
    await waiting.getByText('Grandma Lorna').waitFor({ timeout: 10_000 })
    expect(await waiting.innerText()).toContain('Grandparent')
    await waiting.getByRole('button', { name: 'Let in' }).click()
    await lorna.waitForURL(new RegExp(`/m/${meetingId}$`), { timeout: 10_000 })
    await lorna.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })

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
    const socketsAtRemoval = sockets.length
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    expect(sockets.length).toBe(socketsAtRemoval)
    await expect.poll(() => ana.getByTestId('whos-here').innerText(), { timeout: 10_000 }).not.toContain('Grandma Lorna')
    // A reload does not get them back in either.
    await lorna.reload()
    await lorna.getByText('You have been removed from this meeting').waitFor({ timeout: 10_000 })
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(await lorna.locator('.tl-canvas').count()).toBe(0)
    expect(sockets.length).toBe(socketsAtRemoval)

    // A "can look only" invite opens a read-only canvas: no note can be made.
    const viewerUrl = await makeInvite(ana, { role: 'Can look only', shared: false, label: 'Projector' })
    const screen = await projector.context.newPage()
    await joinAs(screen, viewerUrl, 'Room screen', 'Worker (agency or service)', 'In the room')
    await screen.waitForURL(new RegExp(`/m/${meetingId}$`))
    await screen.locator('.tl-canvas').getByText(HARM, { exact: true }).first().waitFor({ timeout: 20_000 })
    await screen.getByText('You can look at the map, but not change it.').waitFor({ timeout: 5_000 })
    const box = await screen.locator('.tl-canvas').getByText(HARM, { exact: true }).first().boundingBox()
    if (!box) throw new Error('zone heading not on screen')
    await screen.keyboard.press('n')
    await screen.mouse.click(box.x + 300, box.y + box.height + 200)
    await screen.keyboard.type('should not appear')
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(await screen.locator('.tl-canvas [contenteditable="true"]').count()).toBe(0)

    const observer = connectPeer({ url: server.url, meetingId, token: worker.apiKey })
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
    await joinAs(ray, sharedUrl, 'Uncle Ray', 'Other relative', 'On video')
    await ray.waitForURL(new RegExp(`/lobby/${meetingId}$`))
    await waiting.getByText('Uncle Ray').waitFor({ timeout: 10_000 })
    await waiting.getByRole('button', { name: 'Decline' }).click()
    await ray.getByRole('heading', { name: 'You were not let in this time' }).waitFor({ timeout: 10_000 })
    expect(await ray.locator('.tl-canvas').count()).toBe(0)

    // The facilitator lets the room screen write: it reconnects with the new role by itself.
    const screenRow = ana.getByTestId('whos-here').locator('li', { hasText: 'Room screen' })
    await screenRow.getByRole('combobox', { name: 'What Room screen can do' }).selectOption('editor')
    await expect.poll(() => screen.getByText('You can look at the map, but not change it.').count(), { timeout: 15_000 }).toBe(0)
    await expect.poll(() => screen.getByTestId('whos-here').innerText(), { timeout: 10_000 }).toMatch(/Room screen \(you\) · Can write/)

    // Finishing the map makes it read-only for everyone, with a notice.
    await ana.locator('.access-section').getByRole('button', { name: 'Finish the map' }).click()
    await ana.getByRole('button', { name: 'Yes, finish the map' }).click()
    await ana.getByTestId('finalized-notice').waitFor({ timeout: 10_000 })
    expect(await ana.getByTestId('finalized-notice').innerText()).toBe('This map is finished and can no longer be changed')
    await screen.getByTestId('finalized-notice').waitFor({ timeout: 10_000 })
    await ana.getByRole('button', { name: 'Reopen the map' }).waitFor({ timeout: 5_000 })

    // Ending the meeting closes it on every screen for good.
    await ana.getByRole('button', { name: 'End meeting for everyone' }).click()
    await ana.getByRole('button', { name: 'Yes, end the meeting' }).click()
    await screen.getByRole('heading', { name: 'This meeting has ended' }).waitFor({ timeout: 10_000 })
    await ana.getByRole('heading', { name: 'This meeting has ended' }).waitFor({ timeout: 10_000 })

    // Not one request went anywhere but our own server (the QR code is drawn locally).
    expect(foreignHosts(facilitator.requests, host)).toEqual([])
    expect(foreignHosts(family.requests, host)).toEqual([])
    expect(foreignHosts(projector.requests, host)).toEqual([])

    await facilitator.context.close()
    await family.context.close()
    await projector.context.close()
  })
})
