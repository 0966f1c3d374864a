/**
 * Owns the "disagrees" marker (SPEC MM-25): a person records that they do not agree with a note or
 * a card without deleting it. Each person's disagreement is its own tldraw binding record
 * (`sm-disagreement`, from the item to itself, id {@link disagreementBindingId}), never a shared
 * field of the item: two people disagreeing at the same moment write two records and a merge in
 * any order keeps both; someone editing the item meanwhile touches neither. tldraw deletes an
 * item's bindings with the item.
 *
 * Docs written before this kept a list in the item's `meta.disagreements`; readers still honour it
 * (a binding of the same person wins) and withdrawing removes the person from it, so old meetings
 * need no migration pass.
 *
 * ```ts
 * addDisagreement(doc, noteId, { id: 'p-jess', name: 'Jess' }, { now })
 * readDisagreementsByItem(readRecordMap(doc)).get(noteId) // [{ participantId: 'p-jess', name: 'Jess', at: '…' }]
 * withdrawDisagreement(doc, noteId, 'p-jess')
 * ```
 */
import type { TLBinding } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import type { ItemAuthor } from './addItem.ts'
import { deleteRecords, MAP_MODEL_ORIGIN, readRecordMap, writeRecords } from './recordEntries.ts'
import { isShapeRecord, type ShapeRecord } from './shapeGeometry.ts'
import {
  DANGER_STATEMENT_SHAPE_TYPE,
  NEXT_STEP_SHAPE_TYPE,
  SAFETY_GOAL_SHAPE_TYPE,
} from './SMToolkitShapes.ts'
import { NOTE_SHAPE_TYPE } from './docLayout.ts'

/** Binding type of one person's disagreement with an item (MM-25). @public */
export const DISAGREEMENT_BINDING_TYPE = 'sm-disagreement'

/** Meta key of the list kept by docs written before per-person records (MM-25, read only). @public */
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

/** Props of an `sm-disagreement` binding: who disagrees and since when (MM-25). @public */
export interface SMDisagreementBindingProps {
  participantId: string
  name: string
  at: string
}

declare module '@tldraw/tlschema' {
  interface TLGlobalBindingPropsMap {
    'sm-disagreement': SMDisagreementBindingProps
  }
}

/** A disagreement record (MM-25). @public */
export type SMDisagreementBinding = TLBinding<'sm-disagreement'>

/**
 * The id of a person's disagreement with an item: deterministic, so one person has one record per
 * item from any device, and two people never share one. `:` is escaped inside both parts, so
 * different pairs never collide.
 *
 * @public
 */
export function disagreementBindingId(itemId: string, participantId: string): string {
  return `binding:disagree:${encodeURIComponent(itemId)}:${encodeURIComponent(participantId)}`
}

/** The complete binding record of `person` disagreeing with `itemId` at `now` (MM-25). @public */
export function disagreementBinding(itemId: string, person: ItemAuthor, now: Date): SMDisagreementBinding {
  return {
    id: disagreementBindingId(itemId, person.id) as SMDisagreementBinding['id'],
    typeName: 'binding',
    type: DISAGREEMENT_BINDING_TYPE,
    fromId: itemId as SMDisagreementBinding['fromId'],
    toId: itemId as SMDisagreementBinding['toId'],
    props: { participantId: person.id, name: person.name, at: now.toISOString() },
    meta: {},
  }
}

const asObject = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null

function toDisagreement(value: unknown): Disagreement | null {
  const entry = asObject(value)
  if (!entry) return null
  const { participantId, name, at } = entry
  if (typeof participantId !== 'string' || participantId === '') return null
  return { participantId, name: typeof name === 'string' ? name : '', at: typeof at === 'string' ? at : '' }
}

/**
 * The list an older doc kept in a shape's `meta` (MM-25), one per person (the first entry of a
 * person wins), skipping malformed entries. `[]` when there is none.
 *
 * @public
 */
export function readLegacyDisagreements(meta: unknown): Disagreement[] {
  const list = asObject(meta)?.[DISAGREEMENTS_META_KEY]
  if (!Array.isArray(list)) return []
  return mergeDisagreements([], list.map(toDisagreement).filter((d): d is Disagreement => d !== null))
}

/** `first` then those of `more` whose person is not in it yet, each person once, by time then id. */
function mergeDisagreements(first: readonly Disagreement[], more: readonly Disagreement[]): Disagreement[] {
  const byPerson = new Map<string, Disagreement>()
  for (const d of [...first, ...more]) if (!byPerson.has(d.participantId)) byPerson.set(d.participantId, d)
  return [...byPerson.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0))
}

/** The item and the disagreement a record stands for, when it is a well-formed `sm-disagreement` binding. */
export function readDisagreementBinding(record: unknown): { itemId: string; disagreement: Disagreement } | null {
  const binding = asObject(record)
  if (!binding || binding.typeName !== 'binding' || binding.type !== DISAGREEMENT_BINDING_TYPE) return null
  if (typeof binding.fromId !== 'string' || binding.fromId !== binding.toId) return null
  const disagreement = toDisagreement(binding.props)
  return disagreement ? { itemId: binding.fromId, disagreement } : null
}

/**
 * Who disagrees with an item, from its `meta` (older docs) and its `sm-disagreement` bindings,
 * one per person (a binding wins over an old list entry), ordered by time. For the canvas, which
 * holds the item and its bindings in its own store.
 *
 * @public
 */
export function disagreementsOf(meta: unknown, bindings: Iterable<unknown>): Disagreement[] {
  const fromBindings: Disagreement[] = []
  for (const record of bindings) {
    const read = readDisagreementBinding(record)
    if (read) fromBindings.push(read.disagreement)
  }
  return mergeDisagreements(fromBindings, readLegacyDisagreements(meta))
}

/**
 * Every disagreeable item someone disagrees with, by item id (MM-25): bindings and older lists
 * merged as in {@link disagreementsOf}. Bindings of items that are gone are ignored.
 *
 * @public
 */
export function readDisagreementsByItem(records: ReadonlyMap<string, unknown>): Map<string, Disagreement[]> {
  const bindings = new Map<string, unknown[]>()
  for (const record of records.values()) {
    const read = readDisagreementBinding(record)
    if (!read) continue
    const list = bindings.get(read.itemId) ?? []
    list.push(record)
    bindings.set(read.itemId, list)
  }
  const out = new Map<string, Disagreement[]>()
  for (const record of records.values()) {
    if (!isShapeRecord(record) || !DISAGREEABLE_SHAPE_TYPES.includes(record.type)) continue
    const list = disagreementsOf(record.meta, bindings.get(record.id) ?? [])
    if (list.length > 0) out.set(record.id, list)
  }
  return out
}

/** The meta of a shape without `participantId` in its older list (the list omitted when empty). @public */
export function metaWithoutDisagreement(meta: Readonly<Record<string, unknown>>, participantId: string): Record<string, unknown> {
  const { [DISAGREEMENTS_META_KEY]: _old, ...rest } = meta
  const list = readLegacyDisagreements(meta).filter((d) => d.participantId !== participantId)
  return list.length === 0 ? rest : { ...rest, [DISAGREEMENTS_META_KEY]: list.map((d) => ({ ...d })) }
}

function findDisagreeable(records: ReadonlyMap<string, unknown>, id: string): ShapeRecord | null {
  const record = records.get(id)
  return isShapeRecord(record) && DISAGREEABLE_SHAPE_TYPES.includes(record.type) ? record : null
}

/**
 * Records that `person` disagrees with the note or card `id`, keeping the item as it is (MM-25);
 * a person who already disagrees keeps their first record. Returns `false` when `id` is not a
 * note or card.
 *
 * @public
 */
export function addDisagreement(doc: Y.Doc, id: string, person: ItemAuthor, options: { readonly now?: Date; readonly origin?: unknown } = {}): boolean {
  const records = readRecordMap(doc)
  const shape = findDisagreeable(records, id)
  if (!shape) return false
  const already = records.has(disagreementBindingId(id, person.id)) || readLegacyDisagreements(shape.meta).some((d) => d.participantId === person.id)
  if (!already) writeRecords(doc, [disagreementBinding(id, person, options.now ?? new Date())], options.origin ?? MAP_MODEL_ORIGIN)
  return true
}

/**
 * Withdraws `participantId`'s disagreement with `id` (MM-25): removes their record and, in an
 * older doc, their entry in the item's list. `false` when `id` is not a note or card.
 *
 * @public
 */
export function withdrawDisagreement(doc: Y.Doc, id: string, participantId: string, options: { readonly origin?: unknown } = {}): boolean {
  const records = readRecordMap(doc)
  const shape = findDisagreeable(records, id)
  if (!shape) return false
  const origin = options.origin ?? MAP_MODEL_ORIGIN
  doc.transact(() => {
    deleteRecords(doc, [disagreementBindingId(id, participantId)], origin)
    if (readLegacyDisagreements(shape.meta).some((d) => d.participantId === participantId)) {
      const updated: ShapeRecord = { ...shape, meta: metaWithoutDisagreement(shape.meta, participantId) }
      writeRecords(doc, [updated], origin)
    }
  }, origin)
  return true
}

/** Ids of the `sm-disagreement` records of `itemId` (what goes with the item when it is removed). */
export function disagreementIdsOf(records: ReadonlyMap<string, unknown>, itemId: string): string[] {
  return [...records.entries()].filter(([, r]) => readDisagreementBinding(r)?.itemId === itemId).map(([id]) => id)
}
