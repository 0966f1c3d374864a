/**
 * Participant safety (guide §9) in a real Chromium on a real server: a grandmother taking part by
 * phone, in Spanish, is asked whether she can talk freely; her "Ahora no" shows at once beside her
 * name in the facilitator's "Who's here" on the board, and goes when she changes it. The phone
 * passes axe with the question showing. "Ocultar pantalla" covers every word of the meeting with a plain
 * screen under a neutral title, and "Mostrar la reunión otra vez" brings the live list back where she was reading.
 * An aunt on her laptop by video answers on the board, where the question stands clear of the
 * tools; its thank-you floats over the map, so it goes after a few seconds.
 */
import { describe, expect, it } from 'vitest'
import { devices, type Locator } from 'playwright-core'
import { axeProblems } from '../helpers/axe.ts'
import { overlaps } from '../helpers/boxes.ts'
import { api, createMeeting } from '../helpers/clients.ts'
import { openNewMeeting, workerWithPassword } from '../helpers/meetingUi.ts'
import { joinAs, joinOnPhone } from '../helpers/phoneJoin.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const live = useServerAndChromium()
const TITLE = 'Family meeting for Kai'

/** Taps the middle of `locator` on the screen without scrolling first. */
async function tapWhereSeen(locator: Locator) {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not on screen')
  await locator.page().touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
}

describe('the talk check and Hide', () => {
  it("shows a remote member's 'not right now' to the facilitator live, and hides the phone's screen at a tap", async () => {
    const ana = await workerWithPassword(live.server, 'ana.talk@example.org', 'Ana Ruiz')
    const board = await (await live.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' })).newPage()
    const meetingId = await openNewMeeting(board, live.server.url, 'ana.talk@example.org', TITLE)
    const whosHere = board.getByRole('button', { name: /^Who's here/ })
    if ((await whosHere.getAttribute('aria-expanded')) !== 'true') await whosHere.click()

    const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meetingId}/invites`, {
      token: ana.apiKey,
      body: { role: 'editor', kind: 'personal', lobby: false },
    })
    expect(invite.status).toBe(201)
    const url = new URL(invite.body.url)
    const phone = await (await live.browser.newContext({ ...devices['Pixel 7'], locale: 'es-MX' })).newPage()
    await joinOnPhone(phone, `${live.server.url}${url.pathname}${url.hash}`, 'Abuela Lorna', { attendance: 'phone' })

    const check = phone.getByTestId('talk-check')
    await check.getByRole('heading', { name: '¿Puede hablar con libertad donde está ahora?' }).waitFor({ timeout: 10_000 })
    expect(await axeProblems(phone), 'phone with the talk check').toEqual([])

    const lorna = board.getByTestId('whos-here').locator('li', { hasText: 'Abuela Lorna' })
    await lorna.waitFor({ timeout: 10_000 })
    expect(await lorna.getByTestId('cannot-talk').count()).toBe(0)
    await check.getByRole('button', { name: 'Ahora no' }).tap()
    await expect.poll(() => lorna.getByTestId('cannot-talk').count(), { timeout: 10_000 }).toBe(1)
    expect(await lorna.getByTestId('cannot-talk').innerText()).toBe("Can't talk freely now")
    await check.waitFor({ state: 'detached' })

    // She changes her answer later from the control under the bar: the facilitator's note goes.
    await phone.getByRole('button', { name: '¿Puede hablar con libertad?' }).tap()
    expect(await check.getByRole('button', { name: 'Ahora no' }).getAttribute('aria-pressed')).toBe('true')
    await check.getByRole('button', { name: 'Sí, puedo hablar' }).tap()
    await expect.poll(() => lorna.getByTestId('cannot-talk').count(), { timeout: 10_000 }).toBe(0)

    // Hide: nothing of the meeting shows, the tab's title says nothing, the keyboard is on the way back.
    // She has scrolled down to the 0–10 line first: back from Hide, she is there again, not elsewhere.
    const scaleHeading = phone.getByRole('heading', { name: /¿Qué tan segura está la situación\?/ })
    await scaleHeading.scrollIntoViewIfNeeded()
    const scrolledTo = await phone.evaluate(() => window.scrollY)
    expect(scrolledTo, 'the phone scrolled down to the 0–10 line').toBeGreaterThan(300)
    const hide = phone.getByRole('button', { name: 'Ocultar pantalla', exact: true })
    expect((await hide.boundingBox())?.height).toBeGreaterThanOrEqual(44)
    // Tapped where it shows, as a finger does: Playwright's tap would first scroll the bar's button into view.
    await tapWhereSeen(hide)
    const showAgain = phone.getByRole('button', { name: 'Mostrar la reunión otra vez' })
    await expect.poll(() => showAgain.evaluate((element) => element === document.activeElement)).toBe(true)
    expect((await phone.locator('body').innerText()).trim()).toBe('Mostrar la reunión otra vez')
    expect(await phone.title()).toBe('Notas')
    expect(await phone.getByRole('heading', { name: TITLE }).count()).toBe(0)

    await tapWhereSeen(showAgain)
    await phone.getByRole('heading', { name: TITLE }).waitFor({ timeout: 5_000 })
    expect(await phone.title()).toContain(TITLE)
    expect(await phone.getByTestId('connection-status').getAttribute('data-state')).toBe('live')
    await expect.poll(() => hide.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(Math.abs((await phone.evaluate(() => window.scrollY)) - scrolledTo), 'back where she was reading').toBeLessThanOrEqual(1)
  })

  it("keeps the board's question clear of the tools, and lets its thank-you go after a few seconds", async () => {
    const ana = await workerWithPassword(live.server, 'ana.thanks@example.org', 'Ana Ruiz')
    const meeting = await createMeeting(live.server.url, ana.apiKey, TITLE)
    const invite = await api<{ url: string }>(live.server.url, `/api/meetings/${meeting.id}/invites`, {
      token: ana.apiKey,
      body: { role: 'editor', kind: 'personal', lobby: false },
    })
    const url = new URL(invite.body.url)
    const laptop = await (await live.browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, locale: 'en-US' })).newPage()
    await laptop.goto(`${live.server.url}${url.pathname}${url.hash}`)
    await joinAs(laptop, 'Aunt May', { attendance: 'video' })
    const check = laptop.getByTestId('talk-check')
    const notNow = check.getByRole('button', { name: 'Not right now' })
    await notNow.waitFor({ timeout: 20_000 })
    // Until he answers, the question stands clear of every tool ("Direct quote", "I disagree"…), in full view.
    const toolbar = laptop.getByRole('toolbar', { name: 'Safety mapping tools' })
    await toolbar.getByRole('button', { name: 'I disagree' }).waitFor({ timeout: 20_000 })
    const tools = await toolbar.getByRole('button').all()
    expect(tools.length).toBeGreaterThan(5)
    const question = await check.boundingBox()
    for (const tool of tools) expect(overlaps(question, await tool.boundingBox()), await tool.innerText()).toBe(false)
    expect(question!.y + question!.height).toBeLessThanOrEqual(800)
    await notNow.click()
    const thanks = laptop.getByTestId('talk-check-saved')
    await expect.poll(() => thanks.innerText()).toContain('Thank you.')
    // Read, then gone: it stood over the map for as long as the page was open.
    await expect.poll(() => thanks.isVisible(), { timeout: 12_000 }).toBe(false)
    expect(await laptop.getByRole('button', { name: 'Can you talk freely?' }).isVisible()).toBe(true)
  })
})
