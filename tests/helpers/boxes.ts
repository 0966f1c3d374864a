/**
 * Boxes on a page, as Playwright's `boundingBox()` gives them, compared in tests of what stands
 * over what.
 *
 *   expect(overlaps(await offer.boundingBox(), await stylePanel.boundingBox())).toBe(false)
 */

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
