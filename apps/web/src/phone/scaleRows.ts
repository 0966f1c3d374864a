/**
 * The scaling lines the phone shows (map-model `scaleRows`, and `pathRow` for a Safety House's
 * path to the door, shared with the server's first rendering of the list) and the numbers a
 * person can choose on one.
 *
 *   scaleRows(map, selfId) // [{ scaleId: 'overall', statement: null, marks, own, hidden: null, ends: null }, …]
 *   scaleEndsText(row.ends, t) // "0 = I feel really scared · 10 = I feel totally safe"
 */
export { pathRow, scaleEndsText, scaleRows, type ScaleRow } from '@safetymap/map-model'

/** Whole numbers a person can choose on a line (halves, set by dragging on the board, are kept when shown). */
export const SCALE_CHOICES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const

