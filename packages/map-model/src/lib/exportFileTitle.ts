/**
 * A meeting's title as it goes in an export's file name: plain ASCII letters, digits and hyphens
 * (accents dropped), at most 40 characters, cut between words where it can be — so a long Spanish
 * title ends "…de-Lucia-Perez", not "…-12-de-ma".
 *
 *   exportFileTitle('Reunión familiar de Lucía Pérez, 12 de mayo')   // 'Reunion-familiar-de-Lucia-Perez-12-de'
 */

const MAX_CHARS = 40
/** A cut between words keeps at least this much of the title; else the title is cut where it must be. */
const MIN_WORDS_KEPT = 20

export function exportFileTitle(title: string): string {
  const slug = title.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '')
  if (slug.length <= MAX_CHARS) return slug || 'meeting'
  const cut = slug.slice(0, MAX_CHARS + 1)
  const lastBreak = cut.lastIndexOf('-')
  return lastBreak >= MIN_WORDS_KEPT ? cut.slice(0, lastBreak) : slug.slice(0, MAX_CHARS)
}
