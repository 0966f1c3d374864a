/**
 * Someone's own words in the quotation marks of the reader's language (MM-21): “…” in English,
 * «…» in Spanish.
 *
 *   quoted('I walk Kai to school', 'es') // '«I walk Kai to school»'
 */
import type { Locale } from './zoneKeys.ts'

/** `text` inside the quotation marks of `locale`. @public */
export function quoted(text: string, locale: Locale): string {
  return locale === 'es' ? `«${text}»` : `“${text}”`
}
