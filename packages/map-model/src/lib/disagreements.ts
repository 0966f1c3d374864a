/**
 * Owns the "disagrees" marker (SPEC MM-25): a person records that they do not agree with a note or
 * a card without deleting it. The item's `meta.disagreements` is a list of `{ participantId,
 * name, at }`, one entry per person (adding again keeps the first entry; withdrawing removes it).
 *
 * ```ts
 * addDisagreement(doc, noteId, { id: 'p-jess', name: 'Jess' }, { now })
 * readDisagreements(note.meta) // [{ participantId: 'p-jess', name: 'Jess', at: '…' }]
 * withdrawDisagreement(doc, noteId, 'p-jess')
 * ```
 */
import type * as Y from 'yjs'
import type { ItemAuthor } from './addItem.ts'
import { MAP_MODEL_ORIGIN, readRecordMap, writeRecords } from './recordEntries.ts'
import { isShapeRecord, type ShapeRecord } from './shapeGeometry.ts'
import {
  DANGER_STATEMENT_SHAPE_TYPE,
  NEXT_STEP_SHAPE_TYPE,
  SAFETY_GOAL_SHAPE_TYPE,
} from './SMToolkitShapes.ts'
import { NOTE_SHAPE_TYPE } from './docLayout.ts'

/** Meta key of the list (MM-25). @public */
export const DISAGREEMENTS_META_KEY = 'disagreements'

/** Shape types that can carry disagreements: notes and the toolkit's cards. @public */
export const DISAGREEABLE_SHAPE_TYPES: readonly string[] = [
  NOTE_SHAPE_TYPE,
  DANGER_STATEMENT_SHAPE_TYPE,
  SAFETY_GOAL_SHAPE_TYPE,
  NEXT_STEP_SHAPE_TYPE,
]

/** One person's disagreement with an item (MM-25). @public */
export interface Disagreement {
  readonly participantId: string
  readonly name: string
  /** ISO 8601. */
  readonly at: string
}

/**
 * The disagreements in a shape's `meta`, one per person (the first entry of a person wins),
 * skipping malformed entries. `[]` when there are none.
 *
 * @public
 */
export function readDisagreements(meta: unknown): Disagreement[] {
  if (typeof meta !== 'object' || meta === null) return []
  const list = (meta as Record<string, unknown>)[DISAGREEMENTS_META_KEY]
  if (!Array.isArray(list)) return []
  const seen = new Set<string>()
  const out: Disagreement[] = []
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue
    const { participantId, name, at } = entry as Record<string, unknown>
    if (typeof participantId !== 'string' || participantId === '' || seen.has(participantId)) continue
    seen.add(participantId)
    out.push({ participantId, name: typeof name === 'string' ? name : '', at: typeof at === 'string' ? at : '' })
  }
  return out
}

/** The meta of a shape with its disagreement list replaced (the list omitted when empty). @public */
export function withDisagreements(meta: Readonly<Record<string, unknown>>, list: readonly Disagreement[]): Record<string, unknown> {
  const { [DISAGREEMENTS_META_KEY]: _old, ...rest } = meta
  return list.length === 0 ? rest : { ...rest, [DISAGREEMENTS_META_KEY]: list.map((d) => ({ ...d })) }
}

/** The meta after `person` disagrees (unchanged list when they already do). @public */
export function metaWithDisagreement(meta: Readonly<Record<string, unknown>>, person: ItemAuthor, now: Date): Record<string, unknown> {
  const list = readDisagreements(meta)
  if (list.some((d) => d.participantId === person.id)) return withDisagreements(meta, list)
  return withDisagreements(meta, [...list, { participantId: person.id, name: person.name, at: now.toISOString() }])
}

/** The meta after `participantId` withdraws their disagreement. @public */
export function metaWithoutDisagreement(meta: Readonly<Record<string, unknown>>, participantId: string): Record<string, unknown> {
  return withDisagreements(meta, readDisagreements(meta).filter((d) => d.participantId !== participantId))
}

function findDisagreeable(doc: Y.Doc, id: string): ShapeRecord | null {
  const record = readRecordMap(doc).get(id)
  return isShapeRecord(record) && DISAGREEABLE_SHAPE_TYPES.includes(record.type) ? record : null
}

/**
 * Records that `person` disagrees with the note or card `id`, keeping the item as it is (MM-25).
 * Returns `false` when `id` is not a note or card.
 *
 * @public
 */
export function addDisagreement(doc: Y.Doc, id: string, person: ItemAuthor, options: { readonly now?: Date; readonly origin?: unknown } = {}): boolean {
  const shape = findDisagreeable(doc, id)
  if (!shape) return false
  const updated: ShapeRecord = { ...shape, meta: metaWithDisagreement(shape.meta, person, options.now ?? new Date()) }
  writeRecords(doc, [updated], options.origin ?? MAP_MODEL_ORIGIN)
  return true
}

/** Withdraws `participantId`'s disagreement with `id` (MM-25). `false` when `id` is not a note or card. @public */
export function withdrawDisagreement(doc: Y.Doc, id: string, participantId: string, options: { readonly origin?: unknown } = {}): boolean {
  const shape = findDisagreeable(doc, id)
  if (!shape) return false
  const updated: ShapeRecord = { ...shape, meta: metaWithoutDisagreement(shape.meta, participantId) }
  writeRecords(doc, [updated], options.origin ?? MAP_MODEL_ORIGIN)
  return true
}
