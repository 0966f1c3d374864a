/**
 * Owns the ties of a family and network diagram (ecomap, SPEC MM-37): lines between two notes of
 * the diagram's box (read as every diagram's lines are, `boundTies.ts`), which a facilitator calls
 * strong, weak or stressful. A tie nobody has given a kind reads as `null` ("connected").
 *
 * ```ts
 * const ties = readEcomapTies(records, shapes, ecomap.sections['ecomap-network'])
 * tieSentence(ties[0], 'en') // 'Kai — Grandma Lorna: strong tie'
 * ```
 */
import { isTieKind, readTies, sayTie, type MapTie, type TieKinds, type TieStyle } from './boundTies.ts'
import type { MapItem } from './readMap.ts'
import type { ShapeRecord } from './shapeGeometry.ts'
import type { Locale } from './zoneKeys.ts'

/** The kinds of tie a facilitator can give an arrow on an ecomap (MM-37). @public */
export const ECOMAP_TIE_KINDS = ['strong', 'weak', 'stressful'] as const

/** A kind of tie (MM-37). @public */
export type EcomapTieKind = (typeof ECOMAP_TIE_KINDS)[number]

/**
 * How an arrow of each kind is drawn with tldraw's own arrow styles (MM-37): strong is thick and
 * solid, weak is dashed, stressful is red and dotted (tldraw 5.4 has no zig-zag line).
 *
 * @public
 */
export const ECOMAP_TIE_STYLES: Readonly<Record<EcomapTieKind, TieStyle>> = {
  strong: { dash: 'solid', size: 'xl', color: 'black', arrowheadEnd: 'arrow' },
  weak: { dash: 'dashed', size: 'm', color: 'black', arrowheadEnd: 'arrow' },
  stressful: { dash: 'dotted', size: 'l', color: 'red', arrowheadEnd: 'arrow' },
}

/** An ecomap's kinds of tie, their look and words (MM-37). @public */
export const ECOMAP_TIES: TieKinds<EcomapTieKind> = {
  kinds: ECOMAP_TIE_KINDS,
  styles: ECOMAP_TIE_STYLES,
  words: {
    en: { strong: 'strong tie', weak: 'weak tie', stressful: 'stressful tie', none: 'connected' },
    es: { strong: 'relación fuerte', weak: 'relación débil', stressful: 'relación difícil', none: 'tienen relación' },
  },
}

/** One tie of an ecomap, as read (MM-37). @public */
export type EcomapTie = MapTie<EcomapTieKind>

/** True when `value` is one of {@link ECOMAP_TIE_KINDS}. @public */
export function isEcomapTieKind(value: unknown): value is EcomapTieKind {
  return isTieKind(ECOMAP_TIES, value)
}

/** A tie as one plain sentence in `locale` (MM-37): "Kai — Grandma Lorna: strong tie". @public */
export function tieSentence(tie: Pick<EcomapTie, 'fromText' | 'toText' | 'kind'>, locale: Locale): string {
  return sayTie(ECOMAP_TIES, tie, locale)
}

/**
 * The ties between `people` (the notes in an ecomap's box, in reading order), from each arrow's
 * start to its end (MM-37).
 *
 * @public
 */
export function readEcomapTies(records: ReadonlyMap<string, unknown>, shapes: ReadonlyMap<string, ShapeRecord>, people: readonly MapItem[]): EcomapTie[] {
  return readTies(records, shapes, people, ECOMAP_TIES)
}
