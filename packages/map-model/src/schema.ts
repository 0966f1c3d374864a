/**
 * `@safetymap/map-model/schema`: the tldraw run-time side of the map model (SPEC MM-6, MM-13).
 * Owns the zone shape's props validator and migrations and the meeting's tldraw schema, used by
 * the canvas (shape util, store) and the relay (validating records). Kept apart from the main
 * entry because it loads `@tldraw/tlschema`, which the phone view must not.
 *
 * ```ts
 * const schema = createSafetyMapSchema()
 * writeSafetyMapTemplate(doc, { title, locale, schema: schema.serialize() })
 * class ZoneShapeUtil extends ShapeUtil<SMZoneShape> {
 *   static override props = zoneShapeProps
 *   static override migrations = zoneShapeMigrations
 * }
 * ```
 */
import {
  createBindingPropsMigrationSequence,
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  createTLSchema,
  defaultBindingSchemas,
  defaultShapeSchemas,
  type RecordProps,
  type TLSchema,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { ZONE_SHAPE_TYPE } from './lib/docLayout.ts'
import type { SMZoneShape } from './lib/SMZoneShape.ts'
import { ZONE_KEYS } from './lib/zoneKeys.ts'
import {
  DANGER_STATEMENT_SHAPE_TYPE,
  NEXT_STEP_SHAPE_TYPE,
  SAFETY_GOAL_SHAPE_TYPE,
  SCALING_MARK_SHAPE_TYPE,
  type SMDangerStatementShape,
  type SMNextStepShape,
  type SMSafetyGoalShape,
  type SMScalingMarkShape,
} from './lib/SMToolkitShapes.ts'
import { RATED_MARKER_SHAPE_TYPE, type SMRatedMarkerShape } from './lib/hiddenRatings.ts'
import { DISAGREEMENT_BINDING_TYPE, type SMDisagreementBinding } from './lib/disagreements.ts'

export type { SMRatedMarkerShape, SMRatedMarkerShapeProps } from './lib/hiddenRatings.ts'
export type { SMDisagreementBinding, SMDisagreementBindingProps } from './lib/disagreements.ts'
export type { SMZoneShape, SMZoneShapeProps } from './lib/SMZoneShape.ts'
export type {
  SMDangerStatementShape,
  SMDangerStatementShapeProps,
  SMNextStepShape,
  SMNextStepShapeProps,
  SMSafetyGoalShape,
  SMSafetyGoalShapeProps,
  SMScalingMarkShape,
  SMScalingMarkShapeProps,
} from './lib/SMToolkitShapes.ts'

/**
 * Migration ids of the zone shape's props. Empty: version 0 is the first shape. Add
 * `{ Name: 1 }` here and a matching step in {@link zoneShapeMigrations}, with a `down`, when the
 * props change.
 *
 * @public
 */
export const zoneShapeVersions = createShapePropsMigrationIds(ZONE_SHAPE_TYPE, {})

/** Migrations of the zone shape's props (none yet). @public */
export const zoneShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

/** Validators of the zone shape's props (MM-6): positive size, a known zone key. @public */
export const zoneShapeProps: RecordProps<SMZoneShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  zone: T.literalEnum(...ZONE_KEYS),
}

// The toolkit's shapes (MM-14 … MM-17). Slots are plain strings (possibly empty, the builder
// checks what is required); links are shape ids or ''. Version 0 of each: no migrations yet; add
// ids and steps (with a `down`) beside each when its props change.

/** Migrations of `sm-danger-statement` props (none yet). @public */
export const dangerStatementShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })
/** Validators of `sm-danger-statement` props (MM-14). @public */
export const dangerStatementShapeProps: RecordProps<SMDangerStatementShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  whoIsWorried: T.string,
  behaviour: T.string,
  situations: T.string,
  impactOnChild: T.string,
  whoDisagrees: T.string,
}

/** Migrations of `sm-safety-goal` props (none yet). @public */
export const safetyGoalShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })
/** Validators of `sm-safety-goal` props (MM-15). @public */
export const safetyGoalShapeProps: RecordProps<SMSafetyGoalShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  caregiversWillBeDoing: T.string,
  childWillExperience: T.string,
  whoIsInvolved: T.string,
  forHowLong: T.string,
  howEveryoneWillKnow: T.string,
  dangerStatementId: T.string,
}

/** Migrations of `sm-next-step` props (none yet). @public */
export const nextStepShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })
/** Validators of `sm-next-step` props (MM-16): `dueDate` is `YYYY-MM-DD` or empty. @public */
export const nextStepShapeProps: RecordProps<SMNextStepShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  action: T.string,
  owner: T.string,
  dueDate: T.string.check('date', (value) => {
    if (value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error('Expected YYYY-MM-DD or an empty string')
  }),
  safetyGoalId: T.string,
}

/** Migrations of `sm-scaling-mark` props (none yet). @public */
export const scalingMarkShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })
/** Validators of `sm-scaling-mark` props (MM-17): a scale, a person, a value 0–10. @public */
export const scalingMarkShapeProps: RecordProps<SMScalingMarkShape> = {
  scaleId: T.string.check('non-empty', (value) => {
    if (value === '') throw new Error('Expected a scale id')
  }),
  participantId: T.string.check('non-empty', (value) => {
    if (value === '') throw new Error('Expected a participant id')
  }),
  participantName: T.string,
  value: T.number.check('0 to 10', (value) => {
    if (value < 0 || value > 10) throw new Error('Expected a number from 0 to 10')
  }),
  whatMakesItThisHigh: T.string,
  onePointHigher: T.string,
}

/** Migrations of `sm-rated-marker` props (none yet). @public */
export const ratedMarkerShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })
/** Validators of `sm-rated-marker` props (MM-23): who rated which scale, and nothing else. @public */
export const ratedMarkerShapeProps: RecordProps<SMRatedMarkerShape> = {
  scaleId: T.string.check('non-empty', (value) => {
    if (value === '') throw new Error('Expected a scale id')
  }),
  participantId: T.string.check('non-empty', (value) => {
    if (value === '') throw new Error('Expected a participant id')
  }),
  participantName: T.string,
}

/** Migrations of `sm-disagreement` binding props (none yet). @public */
export const disagreementBindingMigrations = createBindingPropsMigrationSequence({ sequence: [] })
/** Validators of `sm-disagreement` binding props (MM-25): a person, their name, when. @public */
export const disagreementBindingProps: RecordProps<SMDisagreementBinding> = {
  participantId: T.string.check('non-empty', (value) => {
    if (value === '') throw new Error('Expected a participant id')
  }),
  name: T.string,
  at: T.string,
}

/**
 * The meeting's tldraw schema: tldraw's default shapes plus `sm-zone` (MM-13) and the toolkit's shapes (MM-14 … MM-17),
 * tldraw's default bindings plus `sm-disagreement` (MM-25). Its
 * `serialize()` is what `meta.schema` holds (MM-2).
 *
 * @public
 */
export function createSafetyMapSchema(): TLSchema {
  return createTLSchema({
    shapes: {
      ...defaultShapeSchemas,
      [ZONE_SHAPE_TYPE]: { props: zoneShapeProps, migrations: zoneShapeMigrations },
      [DANGER_STATEMENT_SHAPE_TYPE]: { props: dangerStatementShapeProps, migrations: dangerStatementShapeMigrations },
      [SAFETY_GOAL_SHAPE_TYPE]: { props: safetyGoalShapeProps, migrations: safetyGoalShapeMigrations },
      [NEXT_STEP_SHAPE_TYPE]: { props: nextStepShapeProps, migrations: nextStepShapeMigrations },
      [SCALING_MARK_SHAPE_TYPE]: { props: scalingMarkShapeProps, migrations: scalingMarkShapeMigrations },
      [RATED_MARKER_SHAPE_TYPE]: { props: ratedMarkerShapeProps, migrations: ratedMarkerShapeMigrations },
    },
    bindings: {
      ...defaultBindingSchemas,
      [DISAGREEMENT_BINDING_TYPE]: { props: disagreementBindingProps, migrations: disagreementBindingMigrations },
    },
  })
}
