/**
 * Owns the ties of a family and network diagram (ecomap, SPEC MM-37): a tie is one of tldraw's
 * own arrows whose two ends are bound (tldraw `arrow` bindings) to notes inside the diagram's box,
 * read from the first note (the arrow's start) to the second (its end). A facilitator says what
 * kind of tie it is, stored as `meta.tie` on the arrow; the arrow's look follows the kind
 * ({@link ECOMAP_TIE_STYLES}), so the board shows it without our own shape. A tie nobody has
 * given a kind reads as `null` ("connected").
 *
 * ```ts
 * const ties = readEcomapTies(records, shapes, ecomap.sections['ecomap-network'])
 * tieSentence(ties[0], 'en') // 'Kai — Grandma Lorna: strong tie'
 * ```
 */
import type { MapItem } from './readMap.ts'
import type { ShapeRecord } from './shapeGeometry.ts'
import type { Locale } from './zoneKeys.ts'

/** The kinds of tie a facilitator can give an arrow on an ecomap (MM-37). @public */
export const ECOMAP_TIE_KINDS = ['strong', 'weak', 'stressful'] as const

/** A kind of tie (MM-37). @public */
export type EcomapTieKind = (typeof ECOMAP_TIE_KINDS)[number]

/** Meta key on a tie's arrow holding its kind (MM-37). @public */
export const TIE_META_KEY = 'tie'

/** tldraw's arrow shape type and binding type. @public */
export const ARROW_SHAPE_TYPE = 'arrow'

/**
 * How an arrow of each kind is drawn with tldraw's own arrow styles (MM-37): strong is thick and
 * solid, weak is dashed, stressful is red and dotted (tldraw 5.4 has no zig-zag line).
 *
 * @public
 */
export const ECOMAP_TIE_STYLES: Readonly<Record<EcomapTieKind, { readonly dash: 'solid' | 'dashed' | 'dotted'; readonly size: 'm' | 'l' | 'xl'; readonly color: 'black' | 'red' }>> = {
  strong: { dash: 'solid', size: 'xl', color: 'black' },
  weak: { dash: 'dashed', size: 'm', color: 'black' },
  stressful: { dash: 'dotted', size: 'l', color: 'red' },
}

/** One tie of an ecomap, as read (MM-37). @public */
export interface EcomapTie {
  /** The arrow's shape id. */
  readonly arrowId: string
  /** The note at the arrow's start (the child, usually) and its text. */
  readonly fromItemId: string
  readonly fromText: string
  /** The note at the arrow's end and its text. */
  readonly toItemId: string
  readonly toText: string
  /** What the facilitator said the tie is, or `null` when nobody said. */
  readonly kind: EcomapTieKind | null
}

/** True when `value` is one of {@link ECOMAP_TIE_KINDS}. @public */
export function isEcomapTieKind(value: unknown): value is EcomapTieKind {
  return (ECOMAP_TIE_KINDS as readonly unknown[]).includes(value)
}

const TIE_WORDS: Readonly<Record<Locale, Readonly<Record<EcomapTieKind | 'connected', string>>>> = {
  en: { strong: 'strong tie', weak: 'weak tie', stressful: 'stressful tie', connected: 'connected' },
  es: { strong: 'relación fuerte', weak: 'relación débil', stressful: 'relación difícil', connected: 'tienen relación' },
}

/** A tie as one plain sentence in `locale` (MM-37): "Kai — Grandma Lorna: strong tie". @public */
export function tieSentence(tie: Pick<EcomapTie, 'fromText' | 'toText' | 'kind'>, locale: Locale): string {
  return `${tie.fromText} — ${tie.toText}: ${TIE_WORDS[locale][tie.kind ?? 'connected']}`
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Each arrow's bound shape per end, from the doc's `arrow` bindings (the lowest binding id wins if a client wrote two). */
function arrowEnds(records: ReadonlyMap<string, unknown>): Map<string, { start?: string; end?: string }> {
  const ends = new Map<string, { start?: string; end?: string }>()
  const ids = [...records.keys()].filter((id) => id.startsWith('binding:')).sort()
  for (const id of ids) {
    const b = records.get(id)
    if (!isObject(b) || b.typeName !== 'binding' || b.type !== ARROW_SHAPE_TYPE || b.id !== id) continue
    const terminal = isObject(b.props) ? b.props.terminal : undefined
    if (typeof b.fromId !== 'string' || typeof b.toId !== 'string' || (terminal !== 'start' && terminal !== 'end')) continue
    const arrow = ends.get(b.fromId) ?? {}
    arrow[terminal] ??= b.toId
    ends.set(b.fromId, arrow)
  }
  return ends
}

/**
 * The ties between `people` (the notes in an ecomap's box, in reading order): every arrow bound at
 * both ends to two different of them, ordered by where its first note, then its second, is read
 * (MM-37). An arrow with a loose end, or bound to anything else, is a drawing, not a tie.
 *
 * @public
 */
export function readEcomapTies(records: ReadonlyMap<string, unknown>, shapes: ReadonlyMap<string, ShapeRecord>, people: readonly MapItem[]): EcomapTie[] {
  const order = new Map(people.map((item, i) => [item.id, i]))
  const ties: EcomapTie[] = []
  for (const [arrowId, { start, end }] of arrowEnds(records)) {
    const arrow = shapes.get(arrowId)
    if (arrow?.type !== ARROW_SHAPE_TYPE || start === undefined || end === undefined || start === end) continue
    const from = order.get(start)
    const to = order.get(end)
    if (from === undefined || to === undefined) continue
    const kind = arrow.meta[TIE_META_KEY]
    ties.push({ arrowId, fromItemId: start, fromText: people[from]!.text, toItemId: end, toText: people[to]!.text, kind: isEcomapTieKind(kind) ? kind : null })
  }
  const at = (id: string) => order.get(id)!
  return ties.sort((a, b) => at(a.fromItemId) - at(b.fromItemId) || at(a.toItemId) - at(b.toItemId) || (a.arrowId < b.arrowId ? -1 : 1))
}
