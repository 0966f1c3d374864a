/**
 * Someone's own words in the quotation marks of the person's language (MM-21): “…” in English,
 * «…» in Spanish.
 *
 *   quoted('I walk Kai to school', 'es') // '«I walk Kai to school»'
 */
import type { Locale } from '@safetymap/map-model'

/** `text` inside the quotation marks of `locale`. */
export function quoted(text: string, locale: Locale): string {
  return locale === 'es' ? `«${text}»` : `“${text}”`
}
