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
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  createTLSchema,
  defaultShapeSchemas,
  type RecordProps,
  type TLSchema,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { ZONE_SHAPE_TYPE } from './lib/docLayout.ts'
import type { SMZoneShape } from './lib/SMZoneShape.ts'
import { ZONE_KEYS } from './lib/zoneKeys.ts'

export type { SMZoneShape, SMZoneShapeProps } from './lib/SMZoneShape.ts'

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

/**
 * The meeting's tldraw schema: tldraw's default shapes plus `sm-zone` (MM-13). Its
 * `serialize()` is what `meta.schema` holds (MM-2).
 *
 * @public
 */
export function createSafetyMapSchema(): TLSchema {
  return createTLSchema({
    shapes: {
      ...defaultShapeSchemas,
      [ZONE_SHAPE_TYPE]: { props: zoneShapeProps, migrations: zoneShapeMigrations },
    },
  })
}
