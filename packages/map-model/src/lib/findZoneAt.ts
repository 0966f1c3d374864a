/**
 * Owns the rule "which zone is this point in?" (SPEC MM-7): a point belongs to the smallest zone
 * containing it (edges included), and only section zones hold items.
 *
 * ```ts
 * findZoneAt(safetyMapTemplate.zones, { x: 350, y: 400 })?.key // 'harm'
 * findSectionAt(safetyMapTemplate.zones, { x: 350, y: 60 })    // null: a column heading strip
 * ```
 */
import { invertPose, type Point } from './shapeGeometry.ts'
import type { ZoneBounds } from './safetyMapTemplate.ts'
import { isSectionKey, type SectionKey } from './zoneKeys.ts'

/** True when `point` (page coordinates) lies inside `zone` or on its edge. @public */
export function zoneContains(zone: ZoneBounds, point: Point): boolean {
  const local = invertPose({ x: zone.x, y: zone.y, rotation: zone.rotation ?? 0 }, point)
  return local.x >= 0 && local.y >= 0 && local.x <= zone.w && local.y <= zone.h
}

/**
 * The smallest of `zones` containing `point`, or `undefined`. Equal areas keep the earlier zone,
 * so the answer depends only on the order the caller gives.
 *
 * @public
 */
export function findZoneAt<Z extends ZoneBounds>(zones: readonly Z[], point: Point): Z | undefined {
  let best: Z | undefined
  for (const zone of zones) {
    if (!zoneContains(zone, point)) continue
    if (best === undefined || zone.w * zone.h < best.w * best.h) best = zone
  }
  return best
}

/**
 * The section an item centred at `point` belongs to, or `null` when the point is in no section
 * zone ("unsorted"). Column heading zones never hold items (MM-6, MM-7).
 *
 * @public
 */
export function findSectionAt(zones: readonly ZoneBounds[], point: Point): SectionKey | null {
  const zone = findZoneAt(
    zones.filter((z) => isSectionKey(z.key)),
    point,
  )
  return zone && isSectionKey(zone.key) ? zone.key : null
}
