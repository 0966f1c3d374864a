/**
 * Owns the type of the zone shape (SPEC MM-6) and registers it with tldraw's type system.
 *
 * The augmentation targets `@tldraw/tlschema`, the module that declares
 * `TLGlobalShapePropsMap`; `tldraw` and `@tldraw/editor` re-export that same declaration, so
 * `TLShape<'sm-zone'>` works whichever of them a caller imports from. Types only: importing this
 * module loads nothing at run time.
 *
 * ```ts
 * import type { SMZoneShape } from '@safetymap/map-model'
 * const zone: SMZoneShape = ... // zone.props.zone is a ZoneKey
 * ```
 */
import type { TLShape } from '@tldraw/tlschema'
import type { ZoneKey } from './zoneKeys.ts'

/** Props of an `sm-zone` shape: its size in page units and what it stands for (MM-6). @public */
export interface SMZoneShapeProps {
  w: number
  h: number
  zone: ZoneKey
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'sm-zone': SMZoneShapeProps
  }
}

/** A zone shape record (MM-6). @public */
export type SMZoneShape = TLShape<'sm-zone'>
