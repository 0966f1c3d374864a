/**
 * The notes of a meeting's workers-only doc (restricted items: treatment details, an address, a
 * phone number), read for drawing over the canvas. The restricted doc holds records only; a note's
 * position is relative to its parent, which is a zone of the shared map (or the page).
 *
 *   readRestrictedNotes(restrictedDoc) // [{ id, text: 'Methadone clinic, Fifth St', parentId, x, y, size }]
 */
import { NOTE_SHAPE_TYPE, readRecordMap, richTextToPlainText } from '@safetymap/map-model'
import type * as Y from 'yjs'

/** tldraw draws a note as a 200 × 200 square at scale 1. */
const NOTE_SIDE = 200

/** A restricted note, in its parent's coordinates. */
export interface RestrictedNote {
  readonly id: string
  readonly text: string
  readonly parentId: string
  readonly x: number
  readonly y: number
  /** Side of the square, in page units. */
  readonly size: number
}

interface NoteRecord {
  readonly typeName: 'shape'
  readonly type: string
  readonly parentId: string
  readonly x: number
  readonly y: number
  readonly props: { readonly richText?: unknown; readonly scale?: unknown }
}

const isNoteRecord = (value: unknown): value is NoteRecord => {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Partial<NoteRecord>
  return (
    record.typeName === 'shape' &&
    record.type === NOTE_SHAPE_TYPE &&
    typeof record.parentId === 'string' &&
    typeof record.x === 'number' &&
    typeof record.y === 'number' &&
    typeof record.props === 'object' &&
    record.props !== null
  )
}

/** Every note the restricted doc holds, in no particular order. */
export function readRestrictedNotes(doc: Y.Doc): RestrictedNote[] {
  const notes: RestrictedNote[] = []
  for (const [id, record] of readRecordMap(doc)) {
    if (!isNoteRecord(record)) continue
    const scale = typeof record.props.scale === 'number' && record.props.scale > 0 ? record.props.scale : 1
    notes.push({
      id,
      text: richTextToPlainText(record.props.richText),
      parentId: record.parentId,
      x: record.x,
      y: record.y,
      size: NOTE_SIDE * scale,
    })
  }
  return notes
}
