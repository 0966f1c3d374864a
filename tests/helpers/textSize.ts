/**
 * The browser's own text-size setting (Chromium's "Font size", as someone with poor sight sets it),
 * set on one page through the DevTools protocol. Unlike a style written into the page, it only
 * reaches text the app sizes relative to the browser's default.
 *
 *   await setBrowserTextSize(page, 200)   // 200 %: a 32 px default instead of 16 px
 */
import type { Page } from 'playwright-core'

/** Chromium's defaults for proportional and monospace text, at 100 %. */
const STANDARD_PX = 16
const FIXED_PX = 13

/** Chromium takes whole pixels only (13 px × 150 % is refused), so sizes are rounded. */
export async function setBrowserTextSize(page: Page, percent: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: Math.round((STANDARD_PX * percent) / 100), fixed: Math.round((FIXED_PX * percent) / 100) } })
  } finally {
    await cdp.detach()
  }
}
