/**
 * The items of a meeting's workers-only doc (restricted items: treatment details, an address, a
 * phone number, a person of a family tree), read for drawing over the canvas: its notes and its
 * people (map-model MM-39). The restricted doc holds records only; an item's position is relative
 * to its parent, which is a zone of the shared map (or the page).
 *
 *   readRestrictedNotes(restrictedDoc) // [{ id, text: 'Methadone clinic, Fifth St', parentId, x, y, w: 200, h: 200 }]
 */
import { FAMILY_MEMBER_SYMBOLS, GEO_SHAPE_TYPE, NOTE_SHAPE_TYPE, readRecordMap, richTextToPlainText } from '@safetymap/map-model'
import type * as Y from 'yjs'

/** tldraw draws a note as a 200 × 200 square at scale 1. */
const NOTE_SIDE = 200

const PERSON_SYMBOLS: ReadonlySet<unknown> = new Set(Object.values(FAMILY_MEMBER_SYMBOLS))

/** A restricted note or person, in its parent's coordinates. */
export interface RestrictedNote {
  readonly id: string
  readonly text: string
  readonly parentId: string
  readonly x: number
  readonly y: number
  /** Width and height, in page units. */
  readonly w: number
  readonly h: number
}

interface ShapeRecord {
  readonly typeName: 'shape'
  readonly type: string
  readonly parentId: string
  readonly x: number
  readonly y: number
  readonly props: { readonly richText?: unknown; readonly scale?: unknown; readonly geo?: unknown; readonly w?: unknown; readonly h?: unknown }
}

const isShapeRecord = (value: unknown): value is ShapeRecord => {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Partial<ShapeRecord>
  return (
    record.typeName === 'shape' &&
    typeof record.parentId === 'string' &&
    typeof record.x === 'number' &&
    typeof record.y === 'number' &&
    typeof record.props === 'object' &&
    record.props !== null
  )
}

const positive = (value: unknown): number | undefined => (typeof value === 'number' && value > 0 ? value : undefined)

/** A note's square, or a person's symbol's box (a `geo` is as big as its `w` and `h`); undefined for anything else. */
function sizeOf(record: ShapeRecord): { w: number; h: number } | undefined {
  if (record.type === NOTE_SHAPE_TYPE) {
    const side = NOTE_SIDE * (positive(record.props.scale) ?? 1)
    return { w: side, h: side }
  }
  const w = positive(record.props.w)
  const h = positive(record.props.h)
  return record.type === GEO_SHAPE_TYPE && PERSON_SYMBOLS.has(record.props.geo) && w && h ? { w, h } : undefined
}

/** Every note and person the restricted doc holds, in no particular order. */
export function readRestrictedNotes(doc: Y.Doc): RestrictedNote[] {
  const notes: RestrictedNote[] = []
  for (const [id, record] of readRecordMap(doc)) {
    if (!isShapeRecord(record)) continue
    const size = sizeOf(record)
    if (!size) continue
    notes.push({ id, text: richTextToPlainText(record.props.richText), parentId: record.parentId, x: record.x, y: record.y, ...size })
  }
  return notes
}
