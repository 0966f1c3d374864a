/**
 * Holds a page's requests until the test lets them go, so a "while the server works" state can be
 * looked at in an e2e test.
 *
 *   const saving = await holdRequests(page, '**\/api/meetings/m1', 'PATCH')
 *   // … click, check the busy state …
 *   saving.release()
 */
import type { Page, Route } from 'playwright-core'

/** Holds the page's requests to `url` (and `method`) until `release()`; counts them. */
export async function holdRequests(page: Page, url: string | RegExp, method: string) {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  const held = { count: 0, release }
  await page.route(url, async (route: Route) => {
    if (route.request().method() !== method) return route.continue()
    held.count += 1
    await released
    await route.continue()
  })
  return held
}
