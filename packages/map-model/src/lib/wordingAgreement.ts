/**
 * Owns the parents' agreement to the words of a words and pictures story (SPEC MM-36): the story
 * is written for the child, and its wording is agreed with the parents before the child hears it.
 * A facilitator records who agreed (`meta.wordingAgreed` on every zone of the placement, see
 * `recordWordingAgreed`) with a fingerprint of the story's words at that moment; `readMap` reports
 * the agreement with `stillCurrent`, false once a note on the story changed since, so the story
 * reads as a draft again until the parents agree to the new words.
 *
 * ```ts
 * const agreed = readMap(doc).templates[0].wordingAgreed // { givenBy, …, stillCurrent: true } | null
 * storyWordingState(agreed) // 'agreed' | 'changed' | 'draft'
 * ```
 */
import { readConsentRecord } from './childTools.ts'
import { MAP_TEMPLATES } from './mapTemplates.ts'
import type { ItemZoneKey } from './zoneKeys.ts'

/** Meta key of the parents' agreement to a story's words, on every zone of the placement (MM-36). @public */
export const WORDING_AGREED_META_KEY = 'wordingAgreed'

/** The parents' agreement to a story's words, as read (MM-36). @public */
export interface WordingAgreed {
  /** Who agreed, as the facilitator wrote it (e.g. "Jess, Kai's mum"). */
  readonly givenBy: string
  readonly recordedById: string
  readonly recordedByName: string
  /** ISO 8601. */
  readonly at: string
  /** False once a note on the story changed after the agreement: the words are a draft again. */
  readonly stillCurrent: boolean
}

/** Where a story's words stand (MM-36): never agreed, agreed as they are, or changed since. @public */
export type StoryWordingState = 'draft' | 'agreed' | 'changed'

/** A story's state from its `wordingAgreed` (MM-36). @public */
export function storyWordingState(agreed: WordingAgreed | null | undefined): StoryWordingState {
  return !agreed ? 'draft' : agreed.stillCurrent ? 'agreed' : 'changed'
}

/** 32-bit FNV-1a over UTF-16 code units, from `seed`. */
function fnv1a(text: string, seed: number): string {
  let hash = seed
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/**
 * A fingerprint of a story's words (MM-36): every note's text, page by page in reading order. It
 * only tells whether the words changed, so a fast 64-bit hash (two FNV-1a runs) is enough.
 */
export function storyWordsFingerprint(sections: Readonly<Partial<Record<ItemZoneKey, readonly { readonly text: string }[]>>>): string {
  const words = JSON.stringify(MAP_TEMPLATES['words-and-pictures'].sections.map((key) => (sections[key] ?? []).map((item) => item.text)))
  return fnv1a(words, 0x811c9dc5) + fnv1a(words, 0x050c5d1f)
}

/**
 * The agreement stored in one of a placement's zone metas, checked against the story's words now
 * (`sections`, as `readMap` reads them), or `null` when none is recorded or it is malformed (MM-36).
 */
export function readWordingAgreed(
  metas: readonly Readonly<Record<string, unknown>>[],
  sections: Readonly<Partial<Record<ItemZoneKey, readonly { readonly text: string }[]>>>,
): WordingAgreed | null {
  for (const meta of metas) {
    const value = meta[WORDING_AGREED_META_KEY]
    const agreed = readConsentRecord(value)
    if (!agreed) continue
    const fingerprint = (value as Record<string, unknown>).fingerprint
    const { givenBy, recordedById, recordedByName, at } = agreed
    return { givenBy, recordedById, recordedByName, at, stillCurrent: fingerprint === storyWordsFingerprint(sections) }
  }
  return null
}
