/**
 * The whole product in a real Chromium: a worker signs in (after a wrong password, which the page
 * says beside the field the keyboard is back on), creates a meeting, invites a family member who
 * joins from a second browser, both see each other, a note typed on one screen
 * appears on the other, a reload keeps it, and no request ever leaves our server.
 */
import { describe, expect, it } from 'vitest'
import { readMap } from '@safetymap/map-model'
import { connectPeer } from '../helpers/clients.ts'
import { foreignHosts, recordingContext } from '../helpers/browser.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { addNoteUnder, signInAndCreateMeeting, workerWithPassword } from '../helpers/meetingUi.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'
import { contrast } from '../helpers/contrast.ts'

const live = useServerAndChromium()
// The heading uses a typographic apostrophe.
const WORKING_WELL = /^What.s working well\?$/

describe('a meeting in two browsers', () => {
  it('runs from sign-in to a shared, persisted note with no third-party request', async () => {
    const worker = await workerWithPassword(live.server, 'ana.e2e@example.org', 'Ana Ruiz')
    const facilitator = await recordingContext(live.browser)
    const family = await recordingContext(live.browser, { viewport: { width: 1280, height: 800 } })
    const host = new URL(live.server.url).host

    // A wrong password, sent from the keyboard. The server's answer is held back to see the page
    // while it waits: the button says it is busy and ignores a second press, but keeps the keyboard
    // (a disabled button would drop it to the page).
    const ana = await facilitator.context.newPage()
    await ana.goto(live.server.url)
    await ana.getByLabel('Email').fill('ana.e2e@example.org')
    const password = ana.getByLabel('Password')
    await password.fill('not my password')
    let answer = () => {}
    const answered = new Promise<void>((resolve) => (answer = resolve))
    let signIns = 0
    await ana.route('**/api/auth/signin', async (route) => {
      signIns += 1
      await answered
      await route.continue()
    })
    await ana.getByRole('button', { name: 'Sign in' }).focus()
    await ana.keyboard.press('Enter')
    const busy = ana.getByRole('button', { name: 'Signing in…' })
    await busy.waitFor({ timeout: 5_000 })
    await ana.keyboard.press('Enter')
    expect(await busy.getAttribute('aria-disabled')).toBe('true')
    expect(await busy.evaluate((button) => document.activeElement === button)).toBe(true)
    answer()
    // Then the keyboard is back on the password field, marked wrong and read out with the message.
    const error = ana.getByRole('alert')
    await error.waitFor({ timeout: 5_000 })
    await ana.unroute('**/api/auth/signin')
    expect(signIns).toBe(1)
    await expect.poll(() => password.evaluate((input) => document.activeElement === input)).toBe(true)
    expect(await password.getAttribute('aria-invalid')).toBe('true')
    expect(await password.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'))

    // The focus ring stands out from the page and from white at 3:1 or more (WCAG 1.4.11).
    await ana.keyboard.press('Tab')
    const ring = await ana.evaluate(() => {
      const style = getComputedStyle(document.activeElement ?? document.body)
      return { text: document.activeElement?.textContent, color: style.outlineColor, width: style.outlineWidth, page: getComputedStyle(document.documentElement).backgroundColor }
    })
    expect(ring.text).toBe('Sign in')
    expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2)
    expect(contrast(ring.color, ring.page)).toBeGreaterThanOrEqual(3)
    expect(contrast(ring.color, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3)

    // The worker signs in and creates a meeting.
    const meetingId = await signInAndCreateMeeting(ana, live.server.url, 'ana.e2e@example.org', 'Family meeting for Kai')

    // The facilitator canvas is laid out with the three columns.
    const canvas = ana.locator('.tl-canvas')
    for (const heading of ['What are we worried about?', WORKING_WELL, 'What needs to happen?']) {
      await canvas.getByText(heading, { exact: true }).first().waitFor({ timeout: 20_000 })
    }
    await expect.poll(() => ana.getByTestId('connection-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('live')

    // The worker invites a family member, who joins from another browser.
    await ana.getByRole('button', { name: 'Invite someone' }).click()
    const inviteUrl = await ana.getByTestId('invite-url').inputValue()
    expect(inviteUrl).toContain('/join#')
    const lorna = await family.context.newPage()
    await lorna.goto(inviteUrl)
    await lorna.getByLabel('What is your name?').fill('Grandma Lorna')
    await lorna.getByLabel('How are you connected to the child?').selectOption('grandparent')
    await lorna.getByRole('radio', { name: 'On the phone' }).check()
    await lorna.getByRole('checkbox', { name: 'I agree' }).check()
    await lorna.getByRole('button', { name: 'Join the meeting' }).click()
    await lorna.waitForURL(new RegExp(`/m/${meetingId}$`))
    await lorna.locator('.tl-canvas').getByText(WORKING_WELL).first().waitFor({ timeout: 20_000 })

    // Each sees the other in the who's-here list.
    await expect.poll(() => ana.getByTestId('whos-here').innerText(), { timeout: 10_000 }).toContain('Grandma Lorna')
    await expect.poll(() => lorna.getByTestId('whos-here').innerText(), { timeout: 10_000 }).toContain('Ana Ruiz')

    // A note typed by the worker appears on the family member's screen within a second or so.
    await addNoteUnder(ana, 'Strengths', 'Lorna walks Kai to school')
    const started = Date.now()
    await lorna.locator('.tl-canvas').getByText('Lorna walks Kai to school').first().waitFor({ timeout: 5_000 })
    expect(Date.now() - started).toBeLessThan(2_000)

    // A keyboard user brought to the canvas is told how Tab works there and how to leave, on
    // screen and as the canvas's description; doing as told moves the keyboard on.
    await ana.getByRole('button', { name: 'Move focus to canvas' }).focus()
    await ana.keyboard.press('Enter')
    const hint = ana.locator('.sm-canvas-keyboard-hint')
    await expect.poll(async () => (await hint.boundingBox())?.height ?? 0).toBeGreaterThan(20)
    expect(await hint.innerText()).toBe('Tab moves from note to note. To leave the map, press Escape, then Tab. To read the map or add to it with the keyboard, use “Show as list”.')
    expect(await ana.locator('.tl-container').getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'))
    await ana.keyboard.press('Escape')
    await ana.keyboard.press('Tab')
    expect(await ana.evaluate(() => document.activeElement?.classList.contains('tl-container'))).toBe(false)
    expect((await hint.boundingBox())?.height ?? 0).toBeLessThanOrEqual(1)

    // The family member writes one too, and the worker sees it.
    await addNoteUnder(lorna, 'Harm', 'Kai was left alone one evening')
    await ana.locator('.tl-canvas').getByText('Kai was left alone one evening').first().waitFor({ timeout: 5_000 })

    // The map model agrees: right sections, right authors.
    const observer = connectPeer({ url: live.server.url, meetingId, token: worker.apiKey })
    try {
      await observer.synced()
      await waitFor(() => readMap(observer.doc).sections.harm.length === 1, { timeoutMs: 5_000, what: 'the family note in the doc' })
      const map = readMap(observer.doc)
      expect(map.sections.strengths).toEqual([expect.objectContaining({ text: 'Lorna walks Kai to school', authorName: 'Ana Ruiz' })])
      expect(map.sections.harm).toEqual([expect.objectContaining({ text: 'Kai was left alone one evening', authorName: 'Grandma Lorna' })])

      // The worker rewrites the family member's note on the board: the record keeps her as its
      // author and names the worker as the one who changed its words.
      await ana.keyboard.press('Escape')
      await ana.locator('.tl-canvas').getByText('Kai was left alone one evening').first().dblclick()
      await expect
        .poll(() => ana.evaluate(() => document.activeElement?.getAttribute('contenteditable')), { timeout: 5_000 })
        .toBe('true')
      await ana.keyboard.press('ControlOrMeta+a')
      await ana.keyboard.type('Kai was left alone for an evening')
      await ana.keyboard.press('Escape')
      await waitFor(() => readMap(observer.doc).sections.harm[0]?.text === 'Kai was left alone for an evening', { timeoutMs: 5_000, what: 'the rewritten note' })
      expect(readMap(observer.doc).sections.harm[0]).toMatchObject({ authorName: 'Grandma Lorna', changedBy: { name: 'Ana Ruiz' } })
    } finally {
      observer.destroy()
    }

    // A reload keeps everything.
    await lorna.reload()
    await lorna.locator('.tl-canvas').getByText('Lorna walks Kai to school').first().waitFor({ timeout: 20_000 })
    await lorna.locator('.tl-canvas').getByText('Kai was left alone for an evening').first().waitFor({ timeout: 5_000 })

    // Not one request went anywhere but our own server.
    expect(facilitator.requests.length).toBeGreaterThan(5)
    expect(foreignHosts(facilitator.requests, host)).toEqual([])
    expect(foreignHosts(family.requests, host)).toEqual([])

    await facilitator.context.close()
    await family.context.close()
  })
})
