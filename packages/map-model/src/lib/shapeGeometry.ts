/**
 * Owns the geometry of shape records read from a doc (SPEC MM-7): which records are usable
 * shapes, their page pose with parent transforms composed (translation and rotation, as tldraw
 * composes `parentTransform × translate(x, y) × rotate(rotation)`), note sizes, and the page
 * rectangles of zones.
 *
 * Records come from other clients and are checked field by field here rather than trusted:
 * a shape with a broken field, a missing parent or a parent cycle simply has no page pose.
 *
 * ```ts
 * const shapes = collectShapes(readRecordMap(doc))
 * const pose = getPagePose(note, shapes)            // null when not on page:page
 * const centre = applyPose(pose, noteCentreLocal(note))
 * ```
 */
import { GEO_SHAPE_TYPE, NOTE_SHAPE_TYPE, PAGE_ID, ZONE_SHAPE_TYPE } from './docLayout.ts'
import type { ZoneBounds } from './safetyMapTemplate.ts'
import { isZoneKey } from './zoneKeys.ts'

/** A point in page or shape coordinates. @public */
export interface Point {
  readonly x: number
  readonly y: number
}

/** Position of a shape's origin and its rotation (radians), in some parent's coordinates. */
export interface Pose {
  readonly x: number
  readonly y: number
  readonly rotation: number
}

/** The fields of a shape record this package relies on. */
export interface ShapeRecord {
  readonly id: string
  readonly typeName: 'shape'
  readonly type: string
  readonly x: number
  readonly y: number
  readonly rotation: number
  readonly parentId: string
  readonly index: string
  readonly props: Readonly<Record<string, unknown>>
  readonly meta: Readonly<Record<string, unknown>>
}

/** Parent chains deeper than this are treated as broken (tldraw documents are far shallower). */
export const MAX_PARENT_DEPTH = 64

/** tldraw's note side at scale 1. */
const NOTE_BASE_SIZE = 200

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** True when `value` has every field of {@link ShapeRecord} with the right type. */
export function isShapeRecord(value: unknown): value is ShapeRecord {
  if (!isObject(value)) return false
  return (
    value.typeName === 'shape' &&
    typeof value.id === 'string' &&
    typeof value.type === 'string' &&
    isFiniteNumber(value.x) &&
    isFiniteNumber(value.y) &&
    isFiniteNumber(value.rotation) &&
    typeof value.parentId === 'string' &&
    typeof value.index === 'string' &&
    isObject(value.props) &&
    isObject(value.meta)
  )
}

/** The usable shape records of a record map, by id. */
export function collectShapes(records: ReadonlyMap<string, unknown>): Map<string, ShapeRecord> {
  const shapes = new Map<string, ShapeRecord>()
  for (const [id, record] of records) {
    if (isShapeRecord(record) && record.id === id) shapes.set(id, record)
  }
  return shapes
}

/** `local` expressed in the coordinates `parent` lives in. */
export function composePose(parent: Pose, local: Pose): Pose {
  const p = applyPose(parent, local)
  return { x: p.x, y: p.y, rotation: parent.rotation + local.rotation }
}

/** A point given in a shape's own coordinates, expressed in its parent's coordinates. */
export function applyPose(pose: Pose, point: Point): Point {
  const cos = Math.cos(pose.rotation)
  const sin = Math.sin(pose.rotation)
  return { x: pose.x + point.x * cos - point.y * sin, y: pose.y + point.x * sin + point.y * cos }
}

/** A page point expressed in the coordinates of a shape with page pose `pose`. */
export function invertPose(pose: Pose, point: Point): Point {
  const dx = point.x - pose.x
  const dy = point.y - pose.y
  const cos = Math.cos(pose.rotation)
  const sin = Math.sin(pose.rotation)
  return { x: dx * cos + dy * sin, y: -dx * sin + dy * cos }
}

/**
 * The page pose of a shape on `pageId`, composing every ancestor shape's pose; `null` when the
 * chain ends anywhere but `pageId` (another page, a missing parent, a cycle).
 */
export function getPagePose(
  shape: ShapeRecord,
  shapes: ReadonlyMap<string, ShapeRecord>,
  pageId: string = PAGE_ID,
): Pose | null {
  let pose: Pose = { x: shape.x, y: shape.y, rotation: shape.rotation }
  let parentId = shape.parentId
  for (let depth = 0; depth < MAX_PARENT_DEPTH; depth++) {
    if (parentId === pageId) return pose
    const parent = shapes.get(parentId)
    if (!parent) return null
    pose = composePose({ x: parent.x, y: parent.y, rotation: parent.rotation }, pose)
    parentId = parent.parentId
  }
  return null
}

/** Width and height of a note: 200 × (200 + growY), times its scale (tldraw's note geometry). */
export function noteSize(note: ShapeRecord): { w: number; h: number } {
  const scale = isFiniteNumber(note.props.scale) && note.props.scale > 0 ? note.props.scale : 1
  const growY = isFiniteNumber(note.props.growY) && note.props.growY > 0 ? note.props.growY : 0
  return { w: NOTE_BASE_SIZE * scale, h: (NOTE_BASE_SIZE + growY) * scale }
}

/** True for a note shape record (MM-9). */
export function isNoteShape(shape: ShapeRecord): boolean {
  return shape.type === NOTE_SHAPE_TYPE
}

/** An item's size: a note's, or a `geo` shape's own `w` × (`h` + `growY`) (a person on a family tree, MM-39). */
export function itemSize(shape: ShapeRecord): { w: number; h: number } {
  if (shape.type !== GEO_SHAPE_TYPE) return noteSize(shape)
  const { w, h, growY } = shape.props
  const size = (v: unknown) => (isFiniteNumber(v) && v > 0 ? v : 0)
  return { w: size(w), h: size(h) + size(growY) }
}

/** The centre of an item (a note or a person's symbol) in page coordinates, or `null` when it is not on `page:page` (MM-7). */
export function itemPageCentre(
  item: ShapeRecord,
  shapes: ReadonlyMap<string, ShapeRecord>,
): Point | null {
  const pose = getPagePose(item, shapes)
  if (!pose) return null
  const { w, h } = itemSize(item)
  return applyPose(pose, { x: w / 2, y: h / 2 })
}

/** The axis-aligned page box around an item (a note or a person's symbol), or `null` when it is not on `page:page`. */
export function itemPageBox(
  item: ShapeRecord,
  shapes: ReadonlyMap<string, ShapeRecord>,
): { minX: number; minY: number; maxX: number; maxY: number } | null {
  const pose = getPagePose(item, shapes)
  if (!pose) return null
  const { w, h } = itemSize(item)
  const corners = [
    { x: 0, y: 0 },
    { x: w, y: 0 },
    { x: 0, y: h },
    { x: w, y: h },
  ].map((c) => applyPose(pose, c))
  return {
    minX: Math.min(...corners.map((c) => c.x)),
    minY: Math.min(...corners.map((c) => c.y)),
    maxX: Math.max(...corners.map((c) => c.x)),
    maxY: Math.max(...corners.map((c) => c.y)),
  }
}

/** A zone read from a doc: its page bounds and its shape id. */
export interface DocZone extends ZoneBounds {
  readonly id: string
  /** The placed template the zone belongs to (MM-26); absent for the foundation's zones. */
  readonly placementId?: string
  /** The placed template's id as stored (MM-26), or the variant of the meeting's own map (MM-34); absent for the three columns. */
  readonly templateId?: string
}

/** `{ placementId, templateId }` from a zone's meta when both are non-empty strings (MM-26). */
export function zonePlacement(meta: Readonly<Record<string, unknown>>): { placementId: string; templateId: string } | null {
  const { placementId, templateId } = meta
  if (typeof placementId !== 'string' || placementId === '' || typeof templateId !== 'string' || templateId === '') return null
  return { placementId, templateId }
}

/**
 * Every well-formed zone shape on `page:page`, in page coordinates (MM-6). Zones with a
 * non-positive size or an unknown key are skipped.
 */
export function collectZones(shapes: ReadonlyMap<string, ShapeRecord>): DocZone[] {
  const zones: DocZone[] = []
  for (const shape of shapes.values()) {
    if (shape.type !== ZONE_SHAPE_TYPE) continue
    const { w, h, zone } = shape.props
    if (!isFiniteNumber(w) || !isFiniteNumber(h) || w <= 0 || h <= 0 || !isZoneKey(zone)) continue
    const pose = getPagePose(shape, shapes)
    if (!pose) continue
    zones.push({
      id: shape.id,
      // A foundation zone of a variant map (MM-34) names its template without a placement.
      ...(zonePlacement(shape.meta) ?? (typeof shape.meta.templateId === 'string' && shape.meta.templateId !== '' ? { templateId: shape.meta.templateId } : {})),
      key: zone,
      x: pose.x,
      y: pose.y,
      w,
      h,
      ...(pose.rotation === 0 ? {} : { rotation: pose.rotation }),
    })
  }
  return zones
}
