/**
 * Owns placing a template on a meeting's page (SPEC MM-26): its zones are written as locked
 * `sm-zone` shapes next to what is already there, with ids `shape:zone-<placementId>-<key>` (so
 * the relay's template protection covers them and two placements never collide) and
 * `meta { placementId, templateId }`, indexed above the foundation's zones and below every other
 * shape, in one transaction.
 *
 * ```ts
 * const { placementId } = placeTemplate(doc, 'three-houses')           // right of the map
 * addTemplateItem(doc, placementId, 'house-worries', 'I don’t like the shouting', child, { childAgreed: true })
 * ```
 */
import type { TLParentId, TLShapeId } from '@tldraw/tlschema'
import { generateNKeysBetween } from 'fractional-indexing'
import type * as Y from 'yjs'
import { PAGE_ID, ZONE_SHAPE_TYPE } from './docLayout.ts'
import { MAP_TEMPLATES, isTemplateId, type TemplateId } from './mapTemplates.ts'
import { MapModelError } from './MapModelError.ts'
import { randomString } from './randomString.ts'
import { MAP_MODEL_ORIGIN, readRecordMap, writeRecords } from './recordEntries.ts'
import { collectShapes, getPagePose, noteSize, isNoteShape, type Point, type ShapeRecord } from './shapeGeometry.ts'
import type { SMZoneShape } from './SMZoneShape.ts'
import { PARENT_CONSENT_META_KEY, parentConsentRecord, type ParentConsentInput } from './childTools.ts'

/** Options of {@link placeTemplate}. @public */
export interface PlaceTemplateOptions {
  /** Top-left of the placed template in page coordinates; defaults to right of everything on the page. */
  readonly at?: Point
  /** Id of the placement (letters, digits); defaults to a random one. */
  readonly placementId?: string
  /** Transaction origin; defaults to {@link MAP_MODEL_ORIGIN}. */
  readonly origin?: unknown
  /** The parent's consent, recorded on every zone (MM-31): asked for before placing Three Houses. */
  readonly parentConsent?: ParentConsentInput
}

/** What {@link placeTemplate} wrote. @public */
export interface PlacedTemplate {
  readonly placementId: string
  readonly templateId: TemplateId
  readonly zoneIds: readonly string[]
  /** Top-left of the placed template in page coordinates. */
  readonly at: Point
}

/** Space left between what is on the page and a template placed beside it. */
export const TEMPLATE_PLACEMENT_GAP = 200

const PLACEMENT_ID_PATTERN = /^[A-Za-z0-9]{1,32}$/
const PLACEMENT_ID_LENGTH = 10

/** Id of a placed template's zone: `shape:zone-<placementId>-<key>` (MM-26). @public */
export function placedZoneId(placementId: string, key: string): string {
  return `shape:zone-${placementId}-${key}`
}

/** Zone key of the Safety House's path to the door, a child's 0–10 scale (MM-32). @public */
export const SAFETY_HOUSE_PATH_KEY = 'safety-house-path'

/** The scale id of a placed Safety House's path to the door: its path zone's id (MM-32). @public */
export function safetyHousePathScaleId(placementId: string): string {
  return placedZoneId(placementId, SAFETY_HOUSE_PATH_KEY)
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Right edge of everything on the page (0 when the page is empty). */
function rightEdge(shapes: ReadonlyMap<string, ShapeRecord>): number {
  let right = 0
  for (const shape of shapes.values()) {
    const pose = getPagePose(shape, shapes)
    if (!pose) continue
    const w = isNoteShape(shape) ? noteSize(shape).w : finite(shape.props.w) ? shape.props.w : 0
    right = Math.max(right, pose.x + w)
  }
  return right
}

/** Indexes above every zone already on the page and below every other shape (MM-6). */
function placedZoneIndexes(shapes: ReadonlyMap<string, ShapeRecord>, count: number): string[] {
  let highestZone: string | null = null
  let lowestOther: string | null = null
  for (const shape of shapes.values()) {
    if (shape.parentId !== PAGE_ID) continue
    if (shape.type === ZONE_SHAPE_TYPE) {
      if (highestZone === null || shape.index > highestZone) highestZone = shape.index
    } else if (lowestOther === null || shape.index < lowestOther) {
      lowestOther = shape.index
    }
  }
  for (const [below, above] of [
    [highestZone, lowestOther],
    [null, lowestOther],
    [highestZone, null],
  ] as const) {
    try {
      if (below !== null && above !== null && below >= above) continue
      return generateNKeysBetween(below, above, count)
    } catch {
      // A broken index from some client: try the next, looser pair.
    }
  }
  return generateNKeysBetween(null, null, count)
}

/**
 * Places a template's zones on the page in one transaction (MM-26): locked, `meta { placementId,
 * templateId }`, ids {@link placedZoneId}. By default the template goes to the right of
 * everything on the page, top-aligned with the map.
 *
 * @throws {@link MapModelError} `MAP_UNKNOWN_TEMPLATE` for an unknown template id,
 * `MAP_INVALID_PLACEMENT_ID` for a placement id that is not 1–32 letters and digits.
 * @public
 */
export function placeTemplate(doc: Y.Doc, templateId: TemplateId, options: PlaceTemplateOptions = {}): PlacedTemplate {
  if (!isTemplateId(templateId)) throw new MapModelError('MAP_UNKNOWN_TEMPLATE')
  const placementId = options.placementId ?? `p${randomString(PLACEMENT_ID_LENGTH)}`
  if (!PLACEMENT_ID_PATTERN.test(placementId)) throw new MapModelError('MAP_INVALID_PLACEMENT_ID')
  const { origin = MAP_MODEL_ORIGIN } = options
  const shapes = collectShapes(readRecordMap(doc))
  const at = options.at ?? { x: shapes.size === 0 ? 0 : rightEdge(shapes) + TEMPLATE_PLACEMENT_GAP, y: 0 }
  const template = MAP_TEMPLATES[templateId]
  const indexes = placedZoneIndexes(shapes, template.zones.length)
  const consent = options.parentConsent ? { [PARENT_CONSENT_META_KEY]: { ...parentConsentRecord(options.parentConsent) } as Record<string, string> } : {}
  const zones: SMZoneShape[] = template.zones.map((zone, i) => ({
    id: placedZoneId(placementId, zone.key) as TLShapeId,
    typeName: 'shape',
    type: ZONE_SHAPE_TYPE,
    x: at.x + zone.x,
    y: at.y + zone.y,
    rotation: 0,
    index: indexes[i] as SMZoneShape['index'],
    parentId: PAGE_ID as TLParentId,
    isLocked: true,
    opacity: 1,
    props: { w: zone.w, h: zone.h, zone: zone.key },
    meta: { placementId, templateId, ...consent },
  }))
  writeRecords(doc, zones, origin)
  return { placementId, templateId, zoneIds: zones.map((z) => z.id), at }
}
