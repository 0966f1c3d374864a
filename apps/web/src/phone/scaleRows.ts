/**
 * The scaling lines the phone shows (map-model `scaleRows`, and `pathRow` for a Safety House's
 * path to the door, shared with the server's first rendering of the list) and the numbers a
 * person can choose on one.
 *
 *   scaleRows(map, selfId) // [{ scaleId: 'overall', statement: null, marks, own, hidden: null, ends: null }, …]
 *   scaleEndsText(row.ends, t) // "0 = I feel really scared · 10 = I feel totally safe"
 */
import type { ScaleEnds } from '@safetymap/map-model'
import type { MessageKey } from '../i18n/messages.ts'

export { pathRow, scaleRows, type ScaleRow } from '@safetymap/map-model'

/** Whole numbers a person can choose on a line (halves, set by dragging on the board, are kept when shown). */
export const SCALE_CHOICES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const

/**
 * What 0 and 10 mean on a line in the facilitator's words, verbatim, as the board shows them
 * ("0 = … · 10 = …"); an end left blank is left out. The server's copy of the list writes the same.
 */
export function scaleEndsText(ends: ScaleEnds, t: (key: MessageKey, vars: { text: string }) => string): string {
  const zero = ends.zero ? t('toolkit.ends.shownZero', { text: ends.zero }) : ''
  const ten = ends.ten ? t('toolkit.ends.shownTen', { text: ends.ten }) : ''
  return [zero, ten].filter(Boolean).join(' · ')
}
