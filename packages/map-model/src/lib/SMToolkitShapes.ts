/**
 * Owns the types of the safety-mapping toolkit's shapes (SPEC MM-14 … MM-17) and registers them
 * with tldraw's type system: danger statements, safety goals, next steps and scaling marks. Each
 * keeps its slots as separate plain strings, so the sentence is composed when it is read (in the
 * reader's language) and every slot stays editable. Links between them are by shape id, so they
 * survive moves.
 *
 * Types and constants only; no tldraw at run time (the augmentation is a type).
 *
 * ```ts
 * import { DANGER_STATEMENT_SHAPE_TYPE, type SMDangerStatementShape } from '@safetymap/map-model'
 * const statement: SMDangerStatementShape = ... // statement.props.behaviour is a string
 * ```
 */
import type { TLShape } from '@tldraw/tlschema'

/** Shape type of a danger statement (MM-14). @public */
export const DANGER_STATEMENT_SHAPE_TYPE = 'sm-danger-statement'
/** Shape type of a safety goal (MM-15). @public */
export const SAFETY_GOAL_SHAPE_TYPE = 'sm-safety-goal'
/** Shape type of a next step (MM-16). @public */
export const NEXT_STEP_SHAPE_TYPE = 'sm-next-step'
/** Shape type of one person's mark on one scale (MM-17). @public */
export const SCALING_MARK_SHAPE_TYPE = 'sm-scaling-mark'

/** The slots of a danger (worry) statement, in the order the domain guide gives them. @public */
export interface DangerStatementSlots {
  /** Named people or organisations who are worried. */
  readonly whoIsWorried: string
  /** What the caregiver does, observable, never a label on its own. */
  readonly behaviour: string
  /** When or in which situations it tends to happen. */
  readonly situations: string
  /** What could happen to the child if nothing changes. */
  readonly impactOnChild: string
  /** Who does not share the worry (optional, empty when nobody). */
  readonly whoDisagrees: string
}

/** The slot names of a danger statement, in builder order. @public */
export const DANGER_STATEMENT_SLOTS = ['whoIsWorried', 'behaviour', 'situations', 'impactOnChild', 'whoDisagrees'] as const

/** The slots of a safety goal (MM-15). @public */
export interface SafetyGoalSlots {
  readonly caregiversWillBeDoing: string
  readonly childWillExperience: string
  readonly whoIsInvolved: string
  readonly forHowLong: string
  readonly howEveryoneWillKnow: string
}

/** The slot names of a safety goal, in builder order. @public */
export const SAFETY_GOAL_SLOTS = [
  'caregiversWillBeDoing',
  'childWillExperience',
  'whoIsInvolved',
  'forHowLong',
  'howEveryoneWillKnow',
] as const

/** The fields of a next step (MM-16). `dueDate` is `YYYY-MM-DD` or empty. @public */
export interface NextStepFields {
  readonly action: string
  readonly owner: string
  readonly dueDate: string
}

/** The field names of a next step, in builder order. @public */
export const NEXT_STEP_FIELDS = ['action', 'owner', 'dueDate'] as const

/** The two reasons that go with a rating (domain guide §4). @public */
export interface ScalingReasons {
  readonly whatMakesItThisHigh: string
  readonly onePointHigher: string
}

/** The scale of the whole case, kept besides one scale per danger statement. @public */
export const OVERALL_SCALE_ID = 'overall'

/** Props of an `sm-danger-statement` card: its size and its slots (MM-14). @public */
export interface SMDangerStatementShapeProps extends DangerStatementSlots {
  w: number
  h: number
}

/** Props of an `sm-safety-goal` card; `dangerStatementId` is a shape id or empty (MM-15). @public */
export interface SMSafetyGoalShapeProps extends SafetyGoalSlots {
  w: number
  h: number
  dangerStatementId: string
}

/** Props of an `sm-next-step` card; `safetyGoalId` is a shape id or empty (MM-16). @public */
export interface SMNextStepShapeProps extends NextStepFields {
  w: number
  h: number
  safetyGoalId: string
}

/**
 * Props of an `sm-scaling-mark` (MM-17): whose mark, on which scale (`'overall'` or a danger
 * statement's shape id), the number 0–10 and the two reasons.
 *
 * @public
 */
export interface SMScalingMarkShapeProps extends ScalingReasons {
  scaleId: string
  participantId: string
  participantName: string
  value: number
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'sm-danger-statement': SMDangerStatementShapeProps
    'sm-safety-goal': SMSafetyGoalShapeProps
    'sm-next-step': SMNextStepShapeProps
    'sm-scaling-mark': SMScalingMarkShapeProps
  }
}

/** A danger statement record (MM-14). @public */
export type SMDangerStatementShape = TLShape<'sm-danger-statement'>
/** A safety goal record (MM-15). @public */
export type SMSafetyGoalShape = TLShape<'sm-safety-goal'>
/** A next step record (MM-16). @public */
export type SMNextStepShape = TLShape<'sm-next-step'>
/** A scaling mark record (MM-17). @public */
export type SMScalingMarkShape = TLShape<'sm-scaling-mark'>

/** Size of a new statement or goal card, in page units. @public */
export const STATEMENT_CARD_SIZE = { w: 650, h: 230 } as const
/** Size of a new next-step card, in page units: room for three lines of who does what by when under the badge, with its author. @public */
export const NEXT_STEP_CARD_SIZE = { w: 650, h: 160 } as const
/** Size of a scaling mark, in page units. @public */
export const SCALING_MARK_SIZE = { w: 150, h: 56 } as const

/**
 * The id of a person's mark on a scale: deterministic, so one person has one mark per scale
 * however often or from however many devices they rate, and two people never share a record.
 *
 * @public
 */
export function scalingMarkId(scaleId: string, participantId: string): string {
  const scale = scaleId.startsWith('shape:') ? scaleId.slice('shape:'.length) : scaleId
  return `shape:mark-${encodeURIComponent(scale)}-${encodeURIComponent(participantId)}`
}
