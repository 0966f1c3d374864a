/**
 * Owns writing the toolkit's shapes (SPEC MM-14 … MM-17, MM-21): a new danger statement, safety
 * goal or next step as a complete, schema-valid card in its section, changing a card's slots,
 * and a participant's scaling mark (one record per person per scale, under a deterministic id,
 * so two people rating at once never touch the same record). Each call is one transaction
 * through the records array (MM-1); callers pass `now`.
 *
 * ```ts
 * const statementId = addDangerStatement(doc, slots, author, { now })
 * addSafetyGoal(doc, { ...goalSlots, dangerStatementId: statementId }, author, { now })
 * writeScalingMark(doc, { scaleId: statementId, participant: author, value: 6, reasons }, { now })
 * ```
 */
import type * as Y from 'yjs'
import { indexAbove, type ItemAuthor } from './addItem.ts'
import { PAGE_ID, zoneShapeId } from './docLayout.ts'
import { MapModelError } from './MapModelError.ts'
import { randomString } from './randomString.ts'
import { MAP_MODEL_ORIGIN, readRecordMap, writeRecords } from './recordEntries.ts'
import { collectShapes, collectZones, isShapeRecord, type DocZone, type ShapeRecord } from './shapeGeometry.ts'
import {
  DANGER_STATEMENT_SHAPE_TYPE,
  DANGER_STATEMENT_SLOTS,
  NEXT_STEP_CARD_SIZE,
  NEXT_STEP_FIELDS,
  NEXT_STEP_SHAPE_TYPE,
  OVERALL_SCALE_ID,
  SAFETY_GOAL_SHAPE_TYPE,
  SAFETY_GOAL_SLOTS,
  SCALING_MARK_SHAPE_TYPE,
  STATEMENT_CARD_SIZE,
  scalingMarkId,
  type DangerStatementSlots,
  type NextStepFields,
  type SafetyGoalSlots,
  type ScalingReasons,
} from './SMToolkitShapes.ts'
import { clampScaleValue, findCardSlot, occupiedBoxes, scalingMarkPosition } from './toolkitGeometry.ts'
import type { SectionKey } from './zoneKeys.ts'
import { readToolkit } from './readToolkit.ts'
import { SAFETY_HOUSE_PATH_KEY } from './placeTemplate.ts'

/** Options of the toolkit writers. @public */
export interface WriteToolkitOptions {
  /** Creation time stored as `meta.createdAt`; defaults to the current time. */
  readonly now?: Date
  /** Shape id to use (`shape:…`); defaults to a random one. */
  readonly id?: string
  /** Extra attribution flags, e.g. `{ quote: true }` for someone's own words (MM-21). */
  readonly quote?: boolean
  /** Transaction origin; defaults to {@link MAP_MODEL_ORIGIN}. */
  readonly origin?: unknown
}

const ID_LENGTH = 21

function newId(options: WriteToolkitOptions): string {
  const id = options.id ?? `shape:${randomString(ID_LENGTH)}`
  if (!id.startsWith('shape:') || id.length === 'shape:'.length) throw new MapModelError('MAP_INVALID_ITEM_ID')
  return id
}

function sectionZone(shapes: ReadonlyMap<string, ShapeRecord>, section: SectionKey): DocZone {
  const zones = collectZones(shapes).filter((z) => z.key === section)
  const zone = zones.find((z) => z.id === zoneShapeId(section)) ?? zones[0]
  if (!zone) throw new MapModelError('MAP_ZONE_MISSING')
  return zone
}

/** Exactly the `keys` of `values`, as strings: the participants' words as typed, never reworded. */
function pick<K extends string>(values: Readonly<Record<K, string>>, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, String(values[k] ?? '')])) as Record<K, string>
}

/** Writes a complete card of `type` with `props` in `section`; returns its id. */
function addCard(
  doc: Y.Doc,
  card: { type: string; section: SectionKey; size: { w: number; h: number }; props: Record<string, string> },
  author: ItemAuthor,
  options: WriteToolkitOptions,
): string {
  const id = newId(options)
  const now = options.now ?? new Date()
  const shapes = collectShapes(readRecordMap(doc))
  const zone = sectionZone(shapes, card.section)
  const { x, y } = findCardSlot(zone, occupiedBoxes(shapes), card.size)
  const record = {
    id,
    typeName: 'shape',
    type: card.type,
    x,
    y,
    rotation: 0,
    index: indexAbove([...shapes.values()].map((s) => s.index)),
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    props: { w: card.size.w, h: card.size.h, ...card.props },
    meta: {
      authorId: author.id,
      authorName: author.name,
      createdAt: now.toISOString(),
      ...(options.quote ? { quote: true } : {}),
    },
  }
  writeRecords(doc, [record], options.origin ?? MAP_MODEL_ORIGIN)
  return id
}

/**
 * Adds a danger statement card to the `danger` section (MM-14); returns its id.
 *
 * @throws {@link MapModelError} `MAP_INVALID_ITEM_ID`, `MAP_ZONE_MISSING`
 * @public
 */
export function addDangerStatement(doc: Y.Doc, slots: DangerStatementSlots, author: ItemAuthor, options: WriteToolkitOptions = {}): string {
  const props = pick(slots, DANGER_STATEMENT_SLOTS)
  return addCard(doc, { type: DANGER_STATEMENT_SHAPE_TYPE, section: 'danger', size: STATEMENT_CARD_SIZE, props }, author, options)
}

/**
 * Adds a safety goal card to the `goals` section, linked to a danger statement by id (or to none
 * with `''`) (MM-15); returns its id.
 *
 * @public
 */
export function addSafetyGoal(
  doc: Y.Doc,
  goal: SafetyGoalSlots & { readonly dangerStatementId: string },
  author: ItemAuthor,
  options: WriteToolkitOptions = {},
): string {
  const props = { ...pick(goal, SAFETY_GOAL_SLOTS), dangerStatementId: goal.dangerStatementId }
  return addCard(doc, { type: SAFETY_GOAL_SHAPE_TYPE, section: 'goals', size: STATEMENT_CARD_SIZE, props }, author, options)
}

/**
 * Adds a next step card to the `next-steps` section, linked to a safety goal by id (or none, `''`)
 * (MM-16); returns its id.
 *
 * @public
 */
export function addNextStep(
  doc: Y.Doc,
  step: NextStepFields & { readonly safetyGoalId: string },
  author: ItemAuthor,
  options: WriteToolkitOptions = {},
): string {
  const props = { ...pick(step, NEXT_STEP_FIELDS), safetyGoalId: step.safetyGoalId }
  return addCard(doc, { type: NEXT_STEP_SHAPE_TYPE, section: 'next-steps', size: NEXT_STEP_CARD_SIZE, props }, author, options)
}

/** The string props each card type lets {@link updateToolkitCard} change. */
const EDITABLE: Readonly<Record<string, readonly string[]>> = {
  [DANGER_STATEMENT_SHAPE_TYPE]: DANGER_STATEMENT_SLOTS,
  [SAFETY_GOAL_SHAPE_TYPE]: [...SAFETY_GOAL_SLOTS, 'dangerStatementId'],
  [NEXT_STEP_SHAPE_TYPE]: [...NEXT_STEP_FIELDS, 'safetyGoalId'],
}

/**
 * Changes some slots (and the link) of a card, keeping its place, size, author and everything
 * else; keys that the card type does not have are ignored (MM-14 … MM-16). Returns `false` when
 * `id` is not a card.
 *
 * @public
 */
export function updateToolkitCard(
  doc: Y.Doc,
  id: string,
  patch: Readonly<Record<string, string>>,
  options: { readonly origin?: unknown } = {},
): boolean {
  const record = readRecordMap(doc).get(id)
  if (!isShapeRecord(record)) return false
  const editable = EDITABLE[record.type]
  if (!editable) return false
  const changed = Object.fromEntries(editable.filter((k) => typeof patch[k] === 'string').map((k) => [k, patch[k]]))
  const updated = { ...record, props: { ...record.props, ...changed } }
  writeRecords(doc, [updated], options.origin ?? MAP_MODEL_ORIGIN)
  return true
}

/** A participant's rating on one scale (MM-17). @public */
export interface ScalingMarkInput {
  /** `'overall'` or a danger statement's shape id. */
  readonly scaleId: string
  readonly participant: ItemAuthor
  /** 0–10; clamped and rounded to halves. */
  readonly value: number
  readonly reasons: ScalingReasons
}

/**
 * Puts a participant's mark on a scale, or moves their existing one (MM-17): the record id is
 * {@link scalingMarkId}(scale, participant), so each person has exactly one mark per scale and a
 * second person rating at the same moment writes a different record. The mark sits on the
 * rating band at the value, in the scale's row, or on a Safety House's path to the door when
 * `scaleId` is the path's id (MM-32). Returns the mark's id.
 *
 * @throws {@link MapModelError} `MAP_ZONE_MISSING` when the doc has no rating band.
 * @public
 */
export function writeScalingMark(doc: Y.Doc, input: ScalingMarkInput, options: Omit<WriteToolkitOptions, 'id' | 'quote'> = {}): string {
  const id = scalingMarkId(input.scaleId, input.participant.id)
  const now = options.now ?? new Date()
  const shapes = collectShapes(readRecordMap(doc))
  // A Safety House path (MM-32) is its own band with one row; every other scale has a row on the map's band.
  const path = collectZones(shapes).find((z) => z.id === input.scaleId && z.key === SAFETY_HOUSE_PATH_KEY)
  const zone = path ?? sectionZone(shapes, 'scale')
  const value = clampScaleValue(input.value)
  const toolkit = readToolkit(shapes, 'en')
  const statement = toolkit.dangerStatements.find((s) => s.id === input.scaleId)
  const row = path || input.scaleId === OVERALL_SCALE_ID ? 0 : (statement?.number ?? 0)
  const crowd =
    toolkit.scales
      .find((s) => s.scaleId === input.scaleId)
      ?.marks.filter((m) => m.value === value && m.participantId !== input.participant.id).length ?? 0
  const existing = shapes.get(id)
  const { x, y } = scalingMarkPosition(zone, value, row, crowd)
  const record = {
    id,
    typeName: 'shape',
    type: SCALING_MARK_SHAPE_TYPE,
    x,
    y,
    rotation: 0,
    index: existing?.index ?? indexAbove([...shapes.values()].map((s) => s.index)),
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    props: {
      scaleId: input.scaleId,
      participantId: input.participant.id,
      participantName: input.participant.name,
      value,
      whatMakesItThisHigh: input.reasons.whatMakesItThisHigh,
      onePointHigher: input.reasons.onePointHigher,
    },
    meta: { authorId: input.participant.id, authorName: input.participant.name, createdAt: now.toISOString() },
  }
  writeRecords(doc, [record], options.origin ?? MAP_MODEL_ORIGIN)
  return id
}
