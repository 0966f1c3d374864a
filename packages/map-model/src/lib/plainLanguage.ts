/**
 * Owns the plain-language checker (SPEC MM-19): finds labels, agency jargon, diagnoses and
 * acronyms in a statement or note and says, in a few words, what to write instead. It only
 * prompts: it never changes the text. The word lists are data (`plainLanguage.en.json`,
 * `plainLanguage.es.json`); adding a word is editing a list.
 *
 * Matching: a listed term matches as whole words; terms written in lower case match in any case,
 * terms with capitals (acronyms) match only as written. Any other word of 2–5 capitals is flagged
 * as an acronym unless the list allows it or the whole text is written in capitals. When findings
 * overlap, the longest wins ("substance abuse" over "abuse").
 *
 * ```ts
 * checkPlainLanguage('Jess is neglectful', 'en')
 * // [{ term: 'neglectful', start: 8, end: 18, kind: 'label', suggestion: 'This is a label. Describe…' }]
 * ```
 */
import enList from './plainLanguage.en.json' with { type: 'json' }
import esList from './plainLanguage.es.json' with { type: 'json' }
import type { Locale } from './zoneKeys.ts'

/** What kind of wording a finding is. @public */
export const PLAIN_LANGUAGE_KINDS = ['label', 'jargon', 'diagnosis', 'acronym'] as const
/** @public */
export type PlainLanguageKind = (typeof PLAIN_LANGUAGE_KINDS)[number]

/** One place in a text where plainer words would help (MM-19). @public */
export interface PlainLanguageFinding {
  /** The words as they appear in the text. */
  readonly term: string
  /** Offsets in the text, `end` exclusive (UTF-16 code units, as `String.slice`). */
  readonly start: number
  readonly end: number
  readonly kind: PlainLanguageKind
  /** A short prompt in the same language. */
  readonly suggestion: string
}

/** The shape of a word-list data file. */
interface PlainLanguageList {
  readonly locale: string
  readonly terms: readonly { readonly term: string; readonly kind: string }[]
  readonly suggestions: Readonly<Record<string, string>>
  readonly allowedCapitals: readonly string[]
}

interface CompiledList {
  readonly patterns: readonly { readonly regex: RegExp; readonly kind: PlainLanguageKind }[]
  readonly suggestions: Readonly<Record<PlainLanguageKind, string>>
  readonly allowedCapitals: ReadonlySet<string>
}

const isKind = (value: string): value is PlainLanguageKind => (PLAIN_LANGUAGE_KINDS as readonly string[]).includes(value)
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whole words only: no letter or digit right before or after. */
const LETTER_BEFORE = '(?<![\\p{L}\\p{N}])'
const LETTER_AFTER = '(?![\\p{L}\\p{N}])'
/** A word of 2 to 5 capitals, standing alone. */
const ACRONYM = new RegExp(`${LETTER_BEFORE}\\p{Lu}{2,5}${LETTER_AFTER}`, 'gu')

function compile(list: PlainLanguageList): CompiledList {
  const patterns = list.terms.flatMap(({ term, kind }) => {
    if (!isKind(kind) || term.trim() === '') return []
    const caseSensitive = term !== term.toLowerCase()
    const words = term.trim().split(/\s+/).map(escapeRegExp).join('\\s+')
    return [{ regex: new RegExp(`${LETTER_BEFORE}${words}${LETTER_AFTER}`, caseSensitive ? 'gu' : 'giu'), kind }]
  })
  const suggestions = Object.fromEntries(PLAIN_LANGUAGE_KINDS.map((k) => [k, list.suggestions[k] ?? ''])) as Record<PlainLanguageKind, string>
  return { patterns, suggestions, allowedCapitals: new Set(list.allowedCapitals) }
}

const LISTS: Readonly<Record<Locale, CompiledList>> = { en: compile(enList), es: compile(esList) }

/**
 * Labels, jargon, diagnoses and acronyms in `text`, in order of appearance, each with a short
 * suggestion in `locale` (MM-19). Never changes the text; an empty result means nothing to flag.
 *
 * @public
 */
export function checkPlainLanguage(text: string, locale: Locale): PlainLanguageFinding[] {
  const list = LISTS[locale] ?? LISTS.en
  const found: PlainLanguageFinding[] = []
  const add = (start: number, end: number, kind: PlainLanguageKind) =>
    found.push({ term: text.slice(start, end), start, end, kind, suggestion: list.suggestions[kind] })
  for (const { regex, kind } of list.patterns) {
    for (const match of text.matchAll(regex)) add(match.index, match.index + match[0].length, kind)
  }
  // Someone writing in capitals throughout is not writing acronyms.
  if (/\p{Ll}/u.test(text)) {
    for (const match of text.matchAll(ACRONYM)) {
      if (!list.allowedCapitals.has(match[0])) add(match.index, match.index + match[0].length, 'acronym')
    }
  }
  // Longest first, then keep only findings that overlap none already kept.
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: PlainLanguageFinding[] = []
  for (const f of found) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f)
  }
  return kept.sort((a, b) => a.start - b.start)
}
