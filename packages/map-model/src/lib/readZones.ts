/**
 * Owns reading the zones of a meeting doc (SPEC MM-6): every well-formed `sm-zone` shape on
 * `page:page`, in page coordinates, for views that draw or hit-test zones without tldraw.
 *
 * ```ts
 * findSectionAt(readZones(doc), point)
 * ```
 */
import type * as Y from 'yjs'
import { readRecordMap } from './recordEntries.ts'
import type { ZoneBounds } from './safetyMapTemplate.ts'
import { collectShapes, collectZones } from './shapeGeometry.ts'

/** A zone as found in a doc: its bounds, its shape id, and its placed template if any (MM-26). @public */
export interface MapZone extends ZoneBounds {
  readonly id: string
  /** The placed template the zone belongs to; absent for the foundation's zones. */
  readonly placementId?: string
  /** The placed template's id as stored, or the variant of the meeting's own map (MM-34); absent for the three columns. */
  readonly templateId?: string
}

/**
 * The doc's zones in page coordinates, parent transforms composed. Never mutates the doc.
 *
 * @public
 */
export function readZones(doc: Y.Doc): MapZone[] {
  return collectZones(collectShapes(readRecordMap(doc)))
}
