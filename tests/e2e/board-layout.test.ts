/**
 * The board's layout in a real Chromium, while a family member is in the meeting too (so tldraw
 * shows the people). On a 390 × 844 phone, in English and in Spanish, the facilitator's meeting
 * tools fold behind one "Meeting tools" button; folded or open, every tool is on the screen, big
 * enough for a finger, clear of every other tool and of tldraw's toolbar and undo row, and opening
 * a tool's dialog folds them again. On a 1366 × 850 laptop the tools sit apart from the map and
 * from tldraw's panels. On both, the first view shows the three column headings and the 0–10
 * band with nothing of ours or tldraw's over them, and tldraw's style panel still comes up for a
 * drawing tool. Turned on its side later, the phone keeps the meeting bar to one row and frames the
 * top of the map readably (the whole map would be shown at 9 %). With a Three Houses placed, the
 * laptop's tools keep to two rows and the map to at least 80 % of the height; present mode gives
 * the map the whole width without taking height, and frames the whole map in it (and again on leaving),
 * even after the view was moved. A family member on her own 1280 × 800 laptop first sees the top of
 * the map, its column headings 16 px or more, with "Show as list" among the tools, not over the map,
 * and no "Present mode" (the facilitator's, for the projector).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { joinByInvite } from '../helpers/clients.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { openNewMeeting, workerWithPassword } from '../helpers/meetingUi.ts'
import { useServerAndChromium } from '../helpers/serverAndChromium.ts'

const LAPTOP = { width: 1366, height: 850 }
const PHONE = { width: 390, height: 844 }
const EMAIL = 'ana.layout@example.org'
/** Our controls over or beside the canvas; nested ones count once (a status line with its button is two). */
const OUR_CONTROLS = '.sm-toolkit__toggle, .sm-toolkit-bar button, .sm-toolkit-bar label, .sm-toolkit-bar select, .sm-toolkit-bar [role="status"], .phone-show-list'
/** tldraw's bottom toolbar and, on phones, the undo row above it. */
const TLDRAW_BOTTOM = '.tlui-main-toolbar__tools, .tlui-main-toolbar__extras__controls, .tlui-navigation-panel, .tlui-help-menu'
/** tldraw's menu, people and style panels at the top of the canvas. */
const TLDRAW_TOP = '.tlui-menu-zone, .tlui-layout__top__right > *'
const TAP_PX = 44

interface Rect {
  readonly label: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

const live = useServerAndChromium()
let meetingId: string
let signedIn: Awaited<ReturnType<BrowserContext['storageState']>>
let family: BrowserContext

beforeAll(async () => {
  const worker = await workerWithPassword(live.server, EMAIL, 'Ana Ruiz')
  const laptop = await live.browser.newContext({ viewport: LAPTOP })
  meetingId = await openNewMeeting(await laptop.newPage(), live.server.url, EMAIL, 'Family meeting for Kai, 12 May')
  signedIn = await laptop.storageState()
  await laptop.close()
  // Jess is in the meeting on her laptop: tldraw shows her at the top of everyone's canvas.
  const jess = await joinByInvite(live.server.url, worker.apiKey, meetingId, 'Jess')
  family = await live.browser.newContext({ viewport: { width: 1280, height: 800 } })
  await family.addCookies([{ name: 'sm_session', value: jess.session, url: live.server.url }])
  await openBoard(await family.newPage())
})
afterAll(async () => {
  await family?.close()
})

async function openBoard(page: Page) {
  await page.goto(`${live.server.url}/m/${meetingId}`)
  await page.locator('.tl-canvas').getByText('What are we worried about?', { exact: true }).waitFor({ timeout: 20_000 })
  const status = page.getByTestId('connection-status')
  await waitFor(async () => (await status.getAttribute('data-state')) === 'live', { timeoutMs: 10_000, what: 'the board to be live' })
}

/** The visible boxes of `selector`'s matches, leaving out any that holds another match. */
function rects(page: Page, selector: string): Promise<Rect[]> {
  return page.evaluate((selector) => {
    const all = [...document.querySelectorAll(selector)]
    return all
      .filter((element) => !all.some((other) => other !== element && element.contains(other)))
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ element, box }) => box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden')
      .map(({ element, box }) => ({
        label: (element.textContent?.trim() || element.getAttribute('aria-label') || element.className).toString().slice(0, 40),
        x: box.x,
        y: box.y,
        width: box.width,
        height: box.height,
      }))
  }, selector)
}

const overlaps = (a: Rect, b: Rect) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5

/** Every way `controls` go wrong: off the screen, on top of each other, on top of `others`. */
function layoutProblems(controls: readonly Rect[], others: readonly Rect[], viewport: { width: number; height: number }): string[] {
  const problems: string[] = []
  for (const [i, a] of controls.entries()) {
    if (a.x < 0 || a.y < 0 || a.x + a.width > viewport.width + 0.5 || a.y + a.height > viewport.height + 0.5) {
      problems.push(`"${a.label}" is not all on the screen (${Math.round(a.x)},${Math.round(a.y)} ${Math.round(a.width)}×${Math.round(a.height)})`)
    }
    for (const b of controls.slice(i + 1)) if (overlaps(a, b)) problems.push(`"${a.label}" overlaps "${b.label}"`)
    for (const b of others) if (overlaps(a, b)) problems.push(`"${a.label}" overlaps tldraw's "${b.label}"`)
  }
  return problems
}

/** `read()` once it gives no problems, or what it gives at the deadline (the view settles as the page lays out). */
async function settled(read: () => Promise<string[]>, timeoutMs = 5_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const problems = await read()
    if (problems.length === 0 || Date.now() > deadline) return problems
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** What stands at the centre of each column heading (and unless `columnsOnly`, the band's heading and its "10"): the canvas itself, or what covers it. */
function headingsCovered(page: Page, columnsOnly = false): Promise<string[]> {
  return page.evaluate((columnsOnly) => {
    const canvas = document.querySelector('.tl-canvas')
    const texts = [...(canvas?.querySelectorAll('.sm-zone__heading') ?? [])]
    const ten = columnsOnly ? undefined : [...(canvas?.querySelectorAll('.sm-zone__scale li') ?? [])].at(-1)
    const wanted = columnsOnly ? /worried|working well|needs to happen/ : /worried|working well|needs to happen|How safe/
    const targets = [...texts.filter((h) => wanted.test(h.textContent ?? '')), ...(ten ? [ten] : [])]
    if (targets.length < (columnsOnly ? 3 : 5)) return [`only ${targets.length} of the headings (and the band's 10) are on the page`]
    return targets.flatMap((target) => {
      const box = target.getBoundingClientRect()
      const x = box.x + box.width / 2
      const y = box.y + box.height / 2
      const name = target.textContent?.trim() ?? ''
      // tldraw does not draw shapes outside the view.
      if (box.width === 0 || box.height === 0) return [`"${name}" is not drawn (out of view)`]
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return [`"${name}" is off the screen`]
      const hit = document.elementFromPoint(x, y)
      return hit?.closest('.tl-canvas') ? [] : [`"${name}" is under ${hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing'}`]
    })
  }, columnsOnly)
}

/** How many rows the meeting tools' strip lays its controls out on (their middles, a few pixels apart counting as one). */
async function stripRows(page: Page): Promise<number> {
  const strip = await page.locator('.meeting-tools').boundingBox()
  const inStrip = (await rects(page, OUR_CONTROLS)).filter((c) => strip && c.y >= strip.y && c.y + c.height <= strip.y + strip.height + 0.5)
  const middles = inStrip.map((c) => c.y + c.height / 2).sort((a, b) => a - b)
  return middles.filter((m, i) => i === 0 || m - (middles[i - 1] ?? 0) > 8).length
}

/** The share of the window's height and width that the canvas (the map's room) gets. */
async function canvasShare(page: Page): Promise<{ readonly height: number; readonly width: number }> {
  const box = await page.locator('.tl-container').boundingBox()
  const size = page.viewportSize()
  if (!box || !size) throw new Error('no canvas on the page')
  return { height: box.height / size.height, width: box.width / size.width }
}

/** The canvas's zoom: how wide a column heading is on screen for its width on the map. */
function zoomLevel(page: Page): Promise<number> {
  return page.evaluate(() => {
    const heading = document.querySelector<HTMLElement>('.tl-canvas .sm-zone--column')
    return heading ? heading.getBoundingClientRect().width / heading.offsetWidth : 0
  })
}

/** How tall (px) the smallest column heading's type is on screen. */
function columnHeadingPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const headings = [...document.querySelectorAll<HTMLElement>('.tl-canvas .sm-zone--column .sm-zone__heading')]
    const sizes = headings.map((h) => (parseFloat(getComputedStyle(h).fontSize) * h.getBoundingClientRect().width) / h.offsetWidth)
    return sizes.length === 3 ? Math.min(...sizes) : 0
  })
}

/** How far (px) the middle of everything drawn on the map sits from the middle of the canvas, across. */
function mapCentreOffset(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.tl-container')?.getBoundingClientRect()
    const shapes = [...document.querySelectorAll('.tl-canvas .tl-shape')].map((s) => s.getBoundingClientRect()).filter((r) => r.width > 0)
    if (!canvas || shapes.length === 0) return Number.POSITIVE_INFINITY
    const left = Math.min(...shapes.map((r) => r.left))
    const right = Math.max(...shapes.map((r) => r.right))
    return (left + right) / 2 - (canvas.left + canvas.width / 2)
  })
}

describe('the board on a phone and on a laptop', () => {
  it('on a 390 × 844 phone keeps every meeting tool on the screen, apart, and clear of tldraw’s toolbar', async () => {
    for (const locale of ['en-US', 'es-ES']) {
      const phone = await live.browser.newContext({ viewport: PHONE, screen: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale, storageState: signedIn })
      try {
        // She chose the board on this phone before (narrow screens get the list unless they did).
        await phone.addInitScript(() => window.localStorage.setItem('safetymap.view', 'board'))
        const page = await phone.newPage()
        await openBoard(page)

        // Folded: the whole map in view with nothing over its headings, and one clearly named button.
        await page.locator('.sm-toolkit-bar').waitFor({ state: 'attached', timeout: 10_000 })
        expect.soft(await settled(() => headingsCovered(page)), locale).toEqual([])
        const tldraw = [...(await rects(page, TLDRAW_BOTTOM)), ...(await rects(page, TLDRAW_TOP))]
        expect(tldraw.length).toBeGreaterThan(2)
        const folded = await rects(page, OUR_CONTROLS)
        expect(folded.map((c) => c.label)).toContainEqual(expect.stringMatching(/^(Show as list|Ver como lista)$/))
        expect.soft(layoutProblems(folded, tldraw, PHONE), locale).toEqual([])
        expect.soft(folded.filter((c) => c.height < TAP_PX).map((c) => c.label), locale).toEqual([])
        const toggle = page.getByRole('button', { name: /^(Meeting tools|Herramientas de la reunión)$/ })
        expect(await toggle.getAttribute('aria-expanded', { timeout: 5_000 })).toBe('false')

        // Open: every tool, each a finger's size, none on another or on tldraw's toolbar and undo row.
        await toggle.tap()
        expect(await toggle.getAttribute('aria-expanded')).toBe('true')
        const open = await rects(page, OUR_CONTROLS)
        expect(open.length, locale).toBeGreaterThanOrEqual(12)
        expect(layoutProblems(open, await rects(page, TLDRAW_BOTTOM), PHONE), locale).toEqual([])
        expect(open.filter((c) => c.height < TAP_PX).map((c) => c.label), locale).toEqual([])

        // Escape in the template menu closes that menu, not the tools around it.
        await page.getByRole('button', { name: /^(Add a template|Agregar una plantilla)$/ }).tap()
        await page.getByRole('menu').waitFor({ timeout: 5_000 })
        await page.keyboard.press('Escape')
        await expect.poll(() => page.getByRole('menu').count()).toBe(0)
        expect(await toggle.getAttribute('aria-expanded')).toBe('true')

        // A tool's dialog folds the tools away; closing it leaves the map as it was.
        await page.getByRole('button', { name: /^(Give your rating|Dar su número)$/ }).tap()
        const dialog = page.getByRole('dialog')
        await dialog.waitFor({ timeout: 5_000 })
        expect(await toggle.getAttribute('aria-expanded')).toBe('false')
        await dialog.getByRole('button', { name: /^(Cancel|Cancelar)$/ }).tap()
        await expect.poll(() => dialog.count()).toBe(0)
        expect(await headingsCovered(page)).toEqual([])

        if (locale === 'en-US') {
          // A while later she turns the phone on its side: the bar keeps to one row, and the map is
          // framed again in the new shape (she has not moved the view herself): all of it would be
          // too small to read there, so its top, the three columns across the screen's width.
          await page.waitForTimeout(2_500)
          await page.setViewportSize({ width: PHONE.height, height: PHONE.width })
          expect.soft(await settled(() => headingsCovered(page, true))).toEqual([])
          // The canvas is framed again once its new size settles, which under load can come after the headings are clear.
          await expect.poll(() => zoomLevel(page), { timeout: 5_000 }).toBeGreaterThanOrEqual(0.3)
          const bar = await page.locator('.meeting-bar').boundingBox()
          expect(bar?.height).toBeLessThanOrEqual(56)
        }
      } finally {
        await phone.close()
      }
    }
  })

  it('at 1280 × 800 a family member at home first sees the three column headings large enough to read, with "Show as list" beside the map, not over it, and no "Present mode"', async () => {
    const page = await family.newPage()
    try {
      await openBoard(page)
      // The whole map would show at 22 %, its headings 9 px: the top of it across the canvas instead.
      expect.soft(await settled(() => headingsCovered(page, true))).toEqual([])
      await expect.poll(() => columnHeadingPx(page), { timeout: 5_000 }).toBeGreaterThanOrEqual(16)
      // The rest is a zoom or a list away.
      expect(await page.locator('.tlui-navigation-panel').isVisible()).toBe(true)
      const showList = page.getByRole('link', { name: 'Show as list' })
      expect(await showList.isVisible()).toBe(true)
      // Present mode runs the facilitator's projector; her own laptop is not offered it (the tools are all shown by now).
      expect(await page.getByRole('button', { name: 'Present mode' }).count()).toBe(0)

      // Zoomed in on the map, "Show as list" stands over none of it: it is beside the canvas.
      const canvas = await page.locator('.tl-container').boundingBox()
      if (!canvas) throw new Error('no canvas')
      await page.mouse.move(canvas.x + canvas.width / 4, canvas.y + canvas.height / 2)
      await page.keyboard.press('Shift+1')
      await page.keyboard.press('Shift+0')
      const [link] = await rects(page, '.phone-show-list')
      expect(link && overlaps(link, { label: 'canvas', ...canvas }), 'the link is over the canvas').toBe(false)
    } finally {
      await page.close()
    }
  })

  it('at 1366 × 850 opens with the three columns and the 0–10 band in view, under nothing of ours or tldraw’s', async () => {
    const laptop = await live.browser.newContext({ viewport: LAPTOP, storageState: signedIn })
    try {
      const page = await laptop.newPage()
      await openBoard(page)
      await page.getByRole('button', { name: 'Add a danger statement' }).waitFor({ timeout: 10_000 })
      expect(await page.getByRole('button', { name: 'Present mode' }).isVisible()).toBe(true)
      expect.soft(await settled(() => headingsCovered(page))).toEqual([])
      // "SafetyMap" and the meeting's name read as two things, not as one title: a line stands between them.
      const brand = await page.locator('.meeting-bar .brand').evaluate((link) => {
        const style = getComputedStyle(link)
        return { line: `${style.borderInlineEndWidth} ${style.borderInlineEndStyle}`, right: link.getBoundingClientRect().right }
      })
      expect(brand.line).toBe('1px solid')
      expect((await page.locator('.meeting-bar h1').boundingBox())!.x).toBeGreaterThan(brand.right + 4)

      const tldraw = [...(await rects(page, TLDRAW_BOTTOM)), ...(await rects(page, TLDRAW_TOP))]
      const ours = await rects(page, OUR_CONTROLS)
      expect(ours.length).toBeGreaterThanOrEqual(12)
      expect.soft(layoutProblems(ours, tldraw, LAPTOP)).toEqual([])

      // tldraw's style panel waits for something to style, then comes up as usual.
      expect(await page.getByTestId('style.panel').count()).toBe(0)
      await page.getByTestId('tools.draw').click()
      await page.getByTestId('style.panel').waitFor({ timeout: 5_000 })
      await page.getByTestId('tools.select').click()
      await expect.poll(() => page.getByTestId('style.panel').count()).toBe(0)
    } finally {
      await laptop.close()
    }
  })

  it('at 1366 × 850 with a Three Houses placed keeps the tools to two rows, and present mode gives the map the room', async () => {
    const laptop = await live.browser.newContext({ viewport: LAPTOP, storageState: signedIn })
    try {
      const page = await laptop.newPage()
      await openBoard(page)
      await page.getByRole('button', { name: 'Add a template' }).click()
      await page.getByRole('menuitem', { name: 'Three Houses' }).click()
      const consent = page.getByRole('dialog', { name: 'Before you add Three Houses' })
      await consent.getByLabel('Who agreed?').fill('Jess')
      await consent.getByLabel('A parent agreed to using Three Houses with the child').check()
      await consent.getByRole('button', { name: 'Add Three Houses' }).click()
      await page.getByRole('button', { name: 'Name the houses' }).waitFor({ timeout: 10_000 })

      // The tools keep to two rows across the canvas and the people column, and the map keeps 80 % of the height.
      expect(await stripRows(page)).toBeLessThanOrEqual(2)
      const normal = await canvasShare(page)
      expect(normal.height).toBeGreaterThanOrEqual(0.8)

      // She has moved the view aside; present mode still frames the whole map, larger, centred in
      // the room the canvas gets, and leaving it frames the map again in the narrower canvas.
      const canvasBox = await page.locator('.tl-container').boundingBox()
      if (!canvasBox) throw new Error('no canvas')
      await page.mouse.move(canvasBox.x + canvasBox.width / 2, canvasBox.y + canvasBox.height / 2)
      await page.mouse.wheel(500, 300)
      await expect.poll(() => headingsCovered(page).then((problems) => problems.length)).toBeGreaterThan(0)

      // Present mode: the bars keep their size and the people column steps aside, so the canvas
      // has the whole width and no less height.
      await page.getByRole('button', { name: 'Present mode' }).click()
      await expect.poll(() => canvasShare(page).then((share) => share.width)).toBeGreaterThan(0.99)
      expect((await canvasShare(page)).height).toBeGreaterThanOrEqual(normal.height)
      expect(await stripRows(page)).toBeLessThanOrEqual(2)
      expect.soft(await settled(() => headingsCovered(page))).toEqual([])
      // The refit comes a frame after the switch: wait for it.
      await expect.poll(async () => Math.abs(await mapCentreOffset(page))).toBeLessThan(24)
      const presented = await zoomLevel(page)
      await page.getByRole('button', { name: 'Present mode' }).click()
      expect.soft(await settled(() => headingsCovered(page))).toEqual([])
      await expect.poll(async () => Math.abs(await mapCentreOffset(page))).toBeLessThan(24)
      expect(presented).toBeGreaterThan(await zoomLevel(page))
    } finally {
      await laptop.close()
    }
  })
})
