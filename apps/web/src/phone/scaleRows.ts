/**
 * The scaling lines the phone shows (map-model `scaleRows`, and `pathRow` for a Safety House's
 * path to the door, shared with the server's first rendering of the list), the numbers a
 * person can choose on one, and which of her numbers her form there starts from.
 *
 *   scaleRows(map, selfId) // [{ scaleId: 'overall', statement: null, marks, own, hidden: null, ends: null }, …]
 *   scaleEndsText(row.ends, t) // "0 = I feel really scared · 10 = I feel totally safe"
 *   ownStart(row, privateOwn) // her mark to start the form from, or null
 */
import type { MapScalingMark, ScaleRow } from '@safetymap/map-model'

export { pathRow, scaleEndsText, scaleRows, type ScaleRow } from '@safetymap/map-model'

/** Whole numbers a person can choose on a line (halves, set by dragging on the board, are kept when shown). */
export const SCALE_CHOICES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const

/**
 * The mark her number form on `row` starts from. On a private line (map-model MM-24): her number
 * as this phone or the server keeps it (`privateOwn`), else the one she gave in the open before the
 * line went private — hidden from the others, never from her. The server has none then: a private
 * number replaces her open one.
 */
export function ownStart(row: Pick<ScaleRow, 'own' | 'hidden'>, privateOwn: MapScalingMark | null): MapScalingMark | null {
  return row.hidden === null ? row.own : (privateOwn ?? row.own)
}
