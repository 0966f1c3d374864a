/**
 * A person's earlier numbers on a line in plain words, beside their mark: "Last time: 4" or, with
 * more finished meetings before, "Last time: 4 (earlier 2 and 3)", oldest first as the trend reads.
 *
 *   lastTimeText([2, 3, 4], 'es') // 'La vez pasada: 4 (antes 2 y 3)'
 */
import type { Locale } from '@safetymap/map-model'
import { translate } from '../i18n/translate.ts'

/** One formatter per language: making one is slow on a phone, and a map has many marks. */
const numberFormats = new Map<string, Intl.NumberFormat>()
const listFormats = new Map<string, Intl.ListFormat>()

/** A number as people write it in `locale` ("6,5" in Spanish). */
export function formatScaleValue(value: number, locale: string): string {
  let format = numberFormats.get(locale)
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })))
  return format.format(value)
}

/** "2, 3 and 4" in `locale` ("6,5 y 7" in Spanish, where a comma would split a number). */
function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale)
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })))
  return format
}

/** The words for `numbers` (oldest first), or `null` when there are none. */
export function lastTimeText(numbers: readonly number[] | undefined, locale: Locale): string | null {
  const last = numbers?.at(-1)
  if (numbers === undefined || last === undefined) return null
  const value = formatScaleValue(last, locale)
  const before = numbers.slice(0, -1).map((n) => formatScaleValue(n, locale))
  return before.length === 0
    ? translate(locale, 'toolkit.mark.lastTime', { value })
    : translate(locale, 'toolkit.mark.lastTimeEarlier', { value, earlier: listFormat(locale).format(before) })
}
