/**
 * Every text the connection status shows from now on, in order, each once per change: a status
 * that says the wrong thing for a moment (a flash of "Live" after a finish) is gone before a poll
 * could see it, so the page records them itself.
 *
 *   await recordStatusTexts(page)
 *   … finish the map, wait for "Finished" …
 *   expect(await statusTextsSeen(page)).toEqual(['Live', 'Connecting…', 'Finished'])
 */
import type { Page } from 'playwright-core'

/** Starts recording, with the text shown now as the first entry. */
export async function recordStatusTexts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const shown: string[] = []
    ;(window as unknown as { statusTexts: string[] }).statusTexts = shown
    const record = () => {
      const text = document.querySelector('[data-testid="connection-status"]')?.textContent ?? ''
      if (text !== shown.at(-1)) shown.push(text)
    }
    record()
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
}

/** The texts recorded since {@link recordStatusTexts}. */
export function statusTextsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts)
}
