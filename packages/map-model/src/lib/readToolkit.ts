/**
 * Owns reading the toolkit's shapes out of a doc (SPEC MM-14 … MM-18, MM-20): danger statements
 * with their slots, sentence and number; safety goals with their statement link; next steps with
 * their goal link; and the scales with every participant's mark and reasons. `readMap` includes
 * all of it. Records are checked field by field: a card with a broken slot is skipped, never
 * guessed.
 *
 * Numbering: statements are numbered 1, 2, … in reading order on the page (top to bottom, then
 * left to right), the same order the canvas badges show. A link whose target is gone reads with
 * the id kept and `…Number: null`, so nothing is silently dropped.
 *
 * ```ts
 * const { dangerStatements, safetyGoals, nextSteps, scales } = readToolkit(shapes, 'es')
 * ```
 */
import { composeDangerStatement, composeNextStep, composeSafetyGoal } from './composeStatement.ts'
import { disagreementsField, sortInReadingOrder } from './readMap.ts'
import type { Disagreement } from './disagreements.ts'
import type { ShapeRecord } from './shapeGeometry.ts'
import {
  DANGER_STATEMENT_SHAPE_TYPE,
  DANGER_STATEMENT_SLOTS,
  NEXT_STEP_FIELDS,
  NEXT_STEP_SHAPE_TYPE,
  OVERALL_SCALE_ID,
  SAFETY_GOAL_SHAPE_TYPE,
  SAFETY_GOAL_SLOTS,
  SCALING_MARK_SHAPE_TYPE,
  type DangerStatementSlots,
  type NextStepFields,
  type SafetyGoalSlots,
} from './SMToolkitShapes.ts'
import { readScaleEndsByScale, type ScaleEnds } from './scaleEnds.ts'
import { toolkitPageCentre } from './toolkitGeometry.ts'
import type { Locale } from './zoneKeys.ts'

/** Who added a card and whether it is someone's own words (MM-21). @public */
export interface Attribution {
  readonly authorId: string
  readonly authorName: string
  /** ISO 8601 creation time, or empty. */
  readonly createdAt: string
  /** `meta.quote`: the text is a direct quote of the author or speaker. */
  readonly quote: boolean
  /** Who disagrees with the card (MM-25); absent when nobody does. */
  readonly disagreements?: readonly Disagreement[]
}

/** A danger statement as read (MM-14, MM-18). @public */
export interface MapDangerStatement extends Attribution {
  readonly id: string
  /** 1-based, in reading order. */
  readonly number: number
  readonly slots: DangerStatementSlots
  /** The slots as one text in the meeting's language. */
  readonly sentence: string
}

/** A safety goal as read, with its statement link (MM-15). @public */
export interface MapSafetyGoal extends Attribution {
  readonly id: string
  readonly slots: SafetyGoalSlots
  readonly sentence: string
  /** The linked statement's id as stored, `null` when the goal is linked to none. */
  readonly dangerStatementId: string | null
  /** The linked statement's number, `null` when unlinked or the statement is gone. */
  readonly dangerStatementNumber: number | null
}

/** A next step as read, with its goal link (MM-16). @public */
export interface MapNextStep extends Attribution {
  readonly id: string
  readonly fields: NextStepFields
  readonly sentence: string
  readonly safetyGoalId: string | null
  /** Whether the linked goal is still on the map. */
  readonly safetyGoalExists: boolean
}

/** One person's mark on one scale (MM-17). @public */
export interface MapScalingMark {
  readonly id: string
  readonly participantId: string
  readonly participantName: string
  readonly value: number
  readonly whatMakesItThisHigh: string
  readonly onePointHigher: string
  readonly createdAt: string
}

/** One scale with every person's mark (MM-17, MM-20). @public */
export interface MapScale {
  /** `'overall'` or a danger statement's shape id. */
  readonly scaleId: string
  /** The statement's number for a statement scale still on the map, else `null`. */
  readonly dangerStatementNumber: number | null
  /** One mark per participant, by name then id. */
  readonly marks: readonly MapScalingMark[]
  /** What 0 and 10 mean, as the facilitator worded them (MM-30); absent when not set. */
  readonly ends?: ScaleEnds
}

/** Everything the toolkit adds to the map (MM-20). @public */
export interface MapToolkit {
  readonly dangerStatements: readonly MapDangerStatement[]
  readonly safetyGoals: readonly MapSafetyGoal[]
  readonly nextSteps: readonly MapNextStep[]
  readonly scales: readonly MapScale[]
}

const str = (record: Readonly<Record<string, unknown>>, key: string): string => {
  const value = record[key]
  return typeof value === 'string' ? value : ''
}

/** The named string fields of `props`, or `null` when one is not a string. */
function readStrings<K extends string>(props: Readonly<Record<string, unknown>>, keys: readonly K[]): Record<K, string> | null {
  const out = {} as Record<K, string>
  for (const key of keys) {
    const value = props[key]
    if (typeof value !== 'string') return null
    out[key] = value
  }
  return out
}

function attribution(shape: ShapeRecord, disagreements: ReadonlyMap<string, readonly Disagreement[]>): Attribution {
  return {
    authorId: str(shape.meta, 'authorId'),
    authorName: str(shape.meta, 'authorName'),
    createdAt: str(shape.meta, 'createdAt'),
    quote: shape.meta.quote === true,
    ...disagreementsField(disagreements, shape.id),
  }
}

/** The toolkit shapes of type `type` on the page, in reading order. */
function placed(shapes: ReadonlyMap<string, ShapeRecord>, type: string): ShapeRecord[] {
  const out: { id: string; centre: { x: number; y: number }; shape: ShapeRecord }[] = []
  for (const shape of shapes.values()) {
    if (shape.type !== type) continue
    const centre = toolkitPageCentre(shape, shapes)
    if (centre) out.push({ id: shape.id, centre, shape })
  }
  return sortInReadingOrder(out).map((p) => p.shape)
}

const linkOrNull = (id: string): string | null => (id === '' ? null : id)

/**
 * The toolkit part of the map (MM-20), sentences in `locale`, with who disagrees with each card
 * (MM-25, as `readDisagreementsByItem` reads it). Never mutates anything.
 *
 * @public
 */
export function readToolkit(
  shapes: ReadonlyMap<string, ShapeRecord>,
  locale: Locale,
  disagreements: ReadonlyMap<string, readonly Disagreement[]> = new Map(),
): MapToolkit {
  const dangerStatements: MapDangerStatement[] = []
  for (const shape of placed(shapes, DANGER_STATEMENT_SHAPE_TYPE)) {
    const slots = readStrings(shape.props, DANGER_STATEMENT_SLOTS)
    if (!slots) continue
    dangerStatements.push({
      id: shape.id,
      number: dangerStatements.length + 1,
      slots,
      sentence: composeDangerStatement(slots, locale),
      ...attribution(shape, disagreements),
    })
  }
  const statementNumber = new Map(dangerStatements.map((s) => [s.id, s.number]))

  const safetyGoals: MapSafetyGoal[] = []
  for (const shape of placed(shapes, SAFETY_GOAL_SHAPE_TYPE)) {
    const slots = readStrings(shape.props, SAFETY_GOAL_SLOTS)
    const link = shape.props.dangerStatementId
    if (!slots || typeof link !== 'string') continue
    safetyGoals.push({
      id: shape.id,
      slots,
      sentence: composeSafetyGoal(slots, locale),
      dangerStatementId: linkOrNull(link),
      dangerStatementNumber: statementNumber.get(link) ?? null,
      ...attribution(shape, disagreements),
    })
  }
  const goalIds = new Set(safetyGoals.map((g) => g.id))

  const nextSteps: MapNextStep[] = []
  for (const shape of placed(shapes, NEXT_STEP_SHAPE_TYPE)) {
    const fields = readStrings(shape.props, NEXT_STEP_FIELDS)
    const link = shape.props.safetyGoalId
    if (!fields || typeof link !== 'string') continue
    nextSteps.push({
      id: shape.id,
      fields,
      sentence: composeNextStep(fields, locale),
      safetyGoalId: linkOrNull(link),
      safetyGoalExists: goalIds.has(link),
      ...attribution(shape, disagreements),
    })
  }

  return { dangerStatements, safetyGoals, nextSteps, scales: readScales(shapes, statementNumber) }
}

/** Every scale with a mark or ends, overall first, then statements by number, then other scales by id. */
function readScales(shapes: ReadonlyMap<string, ShapeRecord>, statementNumber: ReadonlyMap<string, number>): MapScale[] {
  const ends = readScaleEndsByScale(shapes)
  const byScale = new Map<string, Map<string, MapScalingMark>>([...ends.keys()].map((id) => [id, new Map()]))
  for (const shape of shapes.values()) {
    if (shape.type !== SCALING_MARK_SHAPE_TYPE) continue
    const p = shape.props
    const fields = readStrings(p, ['scaleId', 'participantId', 'participantName', 'whatMakesItThisHigh', 'onePointHigher'] as const)
    if (!fields || fields.scaleId === '' || fields.participantId === '') continue
    if (typeof p.value !== 'number' || !Number.isFinite(p.value)) continue
    const mark: MapScalingMark = {
      id: shape.id,
      participantId: fields.participantId,
      participantName: fields.participantName,
      value: p.value,
      whatMakesItThisHigh: fields.whatMakesItThisHigh,
      onePointHigher: fields.onePointHigher,
      createdAt: str(shape.meta, 'createdAt'),
    }
    const marks = byScale.get(fields.scaleId) ?? new Map<string, MapScalingMark>()
    // One mark per person per scale: should a client ever write a second record, the newest wins.
    const previous = marks.get(mark.participantId)
    if (!previous || previous.createdAt < mark.createdAt || (previous.createdAt === mark.createdAt && previous.id < mark.id)) {
      marks.set(mark.participantId, mark)
    }
    byScale.set(fields.scaleId, marks)
  }
  const rank = (scaleId: string) =>
    scaleId === OVERALL_SCALE_ID ? 0 : (statementNumber.get(scaleId) ?? Number.MAX_SAFE_INTEGER)
  return [...byScale.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([scaleId, marks]) => ({
      scaleId,
      dangerStatementNumber: statementNumber.get(scaleId) ?? null,
      marks: [...marks.values()].sort(
        (a, b) => a.participantName.localeCompare(b.participantName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      ),
      ...(ends.has(scaleId) ? { ends: ends.get(scaleId) } : {}),
    }))
}
