/**
 * Boxes on a page, as Playwright's `boundingBox()` gives them, compared in tests of what stands
 * over what.
 *
 *   expect(overlaps(await offer.boundingBox(), await stylePanel.boundingBox())).toBe(false)
 *   const from = await settledBox(canvas.getByText('Kai'))
 */
import type { Locator } from 'playwright-core'

/** A box on the page in CSS pixels (Playwright's `boundingBox()`). */
export interface PageBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** True when `a` and `b` share some area; a missing box (not shown) shares none. */
export function overlaps(a: PageBox | null, b: PageBox | null): boolean {
  if (!a || !b) return false
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** The element's box once two reads 100 ms apart agree (camera animations have finished), or the last read after 5 s. */
export async function settledBox(locator: Locator): Promise<PageBox | null> {
  let previous = await locator.boundingBox()
  for (let i = 0; i < 50; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    const current = await locator.boundingBox()
    if (current && previous && current.x === previous.x && current.y === previous.y && current.width === previous.width) return current
    previous = current
  }
  return previous
}
