/**
 * Owns the lines between two people on a diagram (SPEC MM-37, MM-39): a tie is one of tldraw's own
 * arrows whose two ends are bound (tldraw `arrow` bindings) to two different items of one box, read
 * from the item at the arrow's start to the one at its end. What kind of line it is, stored as
 * `meta.tie` on the arrow, comes from the template's own short list ({@link TieKinds}); the arrow's
 * look follows the kind, so the board shows it without our own shape. A line nobody has given a
 * kind reads as `null`. The family and network diagram and the family tree both read their lines
 * here.
 *
 * ```ts
 * const ties = readTies(records, shapes, people, ECOMAP_TIES)
 * sayTie(ECOMAP_TIES, ties[0], 'en') // 'Kai — Grandma Lorna: strong tie'
 * ```
 */
import type { ShapeRecord } from './shapeGeometry.ts'
import type { Locale } from './zoneKeys.ts'

/** Meta key on a tie's arrow holding its kind (MM-37, MM-39). @public */
export const TIE_META_KEY = 'tie'

/** tldraw's arrow shape type and binding type. @public */
export const ARROW_SHAPE_TYPE = 'arrow'

/** How an arrow of one kind is drawn, in tldraw's own arrow styles. @public */
export interface TieStyle {
  readonly dash: 'draw' | 'solid' | 'dashed' | 'dotted'
  readonly size: 's' | 'm' | 'l' | 'xl'
  readonly color: 'black' | 'red' | 'blue' | 'green' | 'grey'
  readonly arrowheadEnd: 'none' | 'arrow'
}

/** tldraw's own look of a new arrow: what a line whose kind is taken away goes back to. @public */
export const PLAIN_TIE_STYLE: TieStyle = { dash: 'draw', size: 'm', color: 'black', arrowheadEnd: 'arrow' }

/** A template's kinds of line: their order, look and words (MM-37, MM-39). @public */
export interface TieKinds<K extends string> {
  readonly kinds: readonly K[]
  readonly styles: Readonly<Record<K, TieStyle>>
  /** Each kind in plain words per language, and `none` for a line without a kind. */
  readonly words: Readonly<Record<Locale, Readonly<Record<K | 'none', string>>>>
}

/** One line between two items of a box, as read (MM-37, MM-39). @public */
export interface MapTie<K extends string> {
  /** The arrow's shape id. */
  readonly arrowId: string
  /** The item at the arrow's start and its text. */
  readonly fromItemId: string
  readonly fromText: string
  /** The item at the arrow's end and its text. */
  readonly toItemId: string
  readonly toText: string
  /** What the facilitator said the line is, or `null` when nobody said. */
  readonly kind: K | null
}

/** True when `value` is one of `tieKinds.kinds`. @public */
export function isTieKind<K extends string>(tieKinds: TieKinds<K>, value: unknown): value is K {
  return (tieKinds.kinds as readonly unknown[]).includes(value)
}

/** A line as one plain sentence in `locale`: "Kai — Grandma Lorna: strong tie". @public */
export function sayTie<K extends string>(tieKinds: TieKinds<K>, tie: Pick<MapTie<K>, 'fromText' | 'toText' | 'kind'>, locale: Locale): string {
  return `${tie.fromText} — ${tie.toText}: ${tieKinds.words[locale][tie.kind ?? 'none']}`
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
 * The lines between `items` (a box's items, in reading order): every arrow bound at both ends to
 * two different of them, ordered by where its first item, then its second, is read. An arrow with
 * a loose end, or bound to anything else, is a drawing, not a line between two people.
 *
 * @public
 */
export function readTies<K extends string>(
  records: ReadonlyMap<string, unknown>,
  shapes: ReadonlyMap<string, ShapeRecord>,
  items: readonly { readonly id: string; readonly text: string }[],
  tieKinds: TieKinds<K>,
): MapTie<K>[] {
  const order = new Map(items.map((item, i) => [item.id, i]))
  const ties: MapTie<K>[] = []
  for (const [arrowId, { start, end }] of arrowEnds(records)) {
    const arrow = shapes.get(arrowId)
    if (arrow?.type !== ARROW_SHAPE_TYPE || start === undefined || end === undefined || start === end) continue
    const from = order.get(start)
    const to = order.get(end)
    if (from === undefined || to === undefined) continue
    const kind = arrow.meta[TIE_META_KEY]
    ties.push({ arrowId, fromItemId: start, fromText: items[from]!.text, toItemId: end, toText: items[to]!.text, kind: isTieKind(tieKinds, kind) ? kind : null })
  }
  const at = (id: string) => order.get(id)!
  return ties.sort((a, b) => at(a.fromItemId) - at(b.fromItemId) || at(a.toItemId) - at(b.toItemId) || (a.arrowId < b.arrowId ? -1 : 1))
}
