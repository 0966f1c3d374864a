/**
 * Owns hidden-until-reveal scaling (SPEC MM-22 … MM-24): which scales are private, the
 * content-free "has rated" markers the others see while a scale is private, and the reveal that
 * swaps every marker for the real marks at once.
 *
 * A CRDT replicates everything it holds, so a private rating never enters the doc: the value and
 * reasons go to the server out of band, the doc gets only an `sm-rated-marker` (who, which scale),
 * and the server writes all marks at reveal. These writers are what the server runs inside
 * `relay.applyServerChange`; clients only read.
 *
 * ```ts
 * setScalePrivate(doc, 'overall', true)
 * writeRatedMarker(doc, { scaleId: 'overall', participant: { id, name } }, { now })
 * revealRatings(doc, 'overall', [{ scaleId: 'overall', participant, value: 6, reasons }], { now })
 * readHiddenScales(doc) // [{ scaleId: 'overall', rated: [{ participantId, participantName }] }]
 * ```
 */
import type * as Y from 'yjs'
import { indexAbove, type ItemAuthor } from './addItem.ts'
import { META_MAP_NAME, PAGE_ID, zoneShapeId } from './docLayout.ts'
import { MapModelError } from './MapModelError.ts'
import { deleteRecords, MAP_MODEL_ORIGIN, readRecordMap, writeRecords } from './recordEntries.ts'
import { collectShapes, collectZones, type ShapeRecord } from './shapeGeometry.ts'
import { OVERALL_SCALE_ID, SCALING_MARK_SHAPE_TYPE, SCALING_MARK_SIZE, scalingMarkId } from './SMToolkitShapes.ts'
import { NOTE_GRID } from './safetyMapTemplate.ts'
import { SCALE_LINE_INSET } from './toolkitGeometry.ts'
import { writeScalingMark, type ScalingMarkInput } from './writeToolkit.ts'
import type { TLShape } from '@tldraw/tlschema'

/** Shape type of a "has rated" marker on a private scale (MM-23). @public */
export const RATED_MARKER_SHAPE_TYPE = 'sm-rated-marker'

/** Meta key holding the ids of the scales that are private until revealed (MM-22). @public */
export const PRIVATE_SCALES_META_KEY = 'privateScales'

/** Props of an `sm-rated-marker`: who has rated which scale. Never a value or a reason (MM-23). @public */
export interface SMRatedMarkerShapeProps {
  scaleId: string
  participantId: string
  participantName: string
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'sm-rated-marker': SMRatedMarkerShapeProps
  }
}

/** A "has rated" marker record (MM-23). @public */
export type SMRatedMarkerShape = TLShape<'sm-rated-marker'>

/** Size of a marker, in page units: the size of a mark. @public */
export const RATED_MARKER_SIZE = SCALING_MARK_SIZE

/** The deterministic id of a person's marker on a scale: one per person per scale (MM-23). @public */
export function ratedMarkerId(scaleId: string, participantId: string): string {
  const scale = scaleId.startsWith('shape:') ? scaleId.slice('shape:'.length) : scaleId
  return `shape:rated-${encodeURIComponent(scale)}-${encodeURIComponent(participantId)}`
}

/** Whether `scaleId` has the form of a scale id: `'overall'` or a shape id (MM-17). @public */
export function isScaleId(scaleId: string): boolean {
  return scaleId === OVERALL_SCALE_ID || /^shape:[\w-]{1,100}$/.test(scaleId)
}

/** The private scales as stored in meta, in stored order; `[]` when none or malformed (MM-22). @public */
export function readPrivateScales(doc: Y.Doc): string[] {
  const value = doc.getMap<unknown>(META_MAP_NAME).get(PRIVATE_SCALES_META_KEY)
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/** Transaction options of the hidden-rating writers. @public */
export interface HiddenRatingOptions {
  readonly now?: Date
  readonly origin?: unknown
}

/**
 * Makes a scale private until revealed, or public again (MM-22). Writing meta is a template
 * change: the relay accepts it from facilitators and from the server only.
 *
 * @public
 */
export function setScalePrivate(doc: Y.Doc, scaleId: string, isPrivate: boolean, options: HiddenRatingOptions = {}): void {
  const current = readPrivateScales(doc)
  const next = isPrivate ? [...new Set([...current, scaleId])] : current.filter((s) => s !== scaleId)
  if (next.length === current.length && next.every((s, i) => s === current[i])) return
  doc.transact(() => doc.getMap<unknown>(META_MAP_NAME).set(PRIVATE_SCALES_META_KEY, next), options.origin ?? MAP_MODEL_ORIGIN)
}

/** A person who has rated a private scale, as read (MM-24). @public */
export interface MapRatedMarker {
  /** Their marker's id, or the id of the mark they gave in the open before the scale went private. */
  readonly id: string
  readonly participantId: string
  readonly participantName: string
}

/** One private scale and who has rated it so far (MM-24). @public */
export interface MapHiddenScale {
  readonly scaleId: string
  /** One entry per person, by name. */
  readonly rated: readonly MapRatedMarker[]
}

const namesPerson = (shape: ShapeRecord): boolean =>
  typeof shape.props.participantId === 'string' && typeof shape.props.participantName === 'string'

const isMarker = (shape: ShapeRecord): boolean =>
  shape.type === RATED_MARKER_SHAPE_TYPE && typeof shape.props.scaleId === 'string' && namesPerson(shape)

function markersOf(shapes: ReadonlyMap<string, ShapeRecord>, scaleId: string): ShapeRecord[] {
  return [...shapes.values()].filter((s) => isMarker(s) && s.props.scaleId === scaleId)
}

const isMarkOn = (shape: ShapeRecord, scaleId: string): boolean =>
  shape.type === SCALING_MARK_SHAPE_TYPE && shape.props.scaleId === scaleId && namesPerson(shape)

/**
 * Every private scale with who has rated it, in stored order (MM-24): each person with a marker,
 * and each person whose mark was given in the open before the scale went private. Such a mark is
 * not shown while the scale is private, but it is a number given: finishing would leave it out of
 * the record like a hidden one, and the reveal shows it again. One entry per person, the marker
 * first. Markers of a scale that is no longer private are ignored (the reveal removes them).
 * Never mutates the doc.
 *
 * @public
 */
export function readHiddenScales(doc: Y.Doc): MapHiddenScale[] {
  const shapes = collectShapes(readRecordMap(doc))
  return readPrivateScales(doc).map((scaleId) => {
    const byPerson = new Map<string, MapRatedMarker>()
    const given = [...shapes.values()].filter((s) => isMarkOn(s, scaleId))
    for (const s of [...markersOf(shapes, scaleId), ...given]) {
      const participantId = s.props.participantId as string
      if (!byPerson.has(participantId)) byPerson.set(participantId, { id: s.id, participantId, participantName: s.props.participantName as string })
    }
    return {
      scaleId,
      rated: [...byPerson.values()].sort((a, b) => a.participantName.localeCompare(b.participantName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    }
  })
}

/** The rating band, or throws. */
function scaleZone(shapes: ReadonlyMap<string, ShapeRecord>) {
  const zones = collectZones(shapes).filter((z) => z.key === 'scale')
  const zone = zones.find((z) => z.id === zoneShapeId('scale')) ?? zones[0]
  if (!zone) throw new MapModelError('MAP_ZONE_MISSING')
  return zone
}

/** A marker input: who rated which scale. @public */
export interface RatedMarkerInput {
  readonly scaleId: string
  readonly participant: ItemAuthor
}

/**
 * Writes (or keeps) the person's "has rated" marker on a private scale, and removes any mark of
 * theirs already on that scale, so an earlier public rating does not sit beside the hidden one
 * (MM-23). The marker holds no value and no reason. Returns the marker's id.
 *
 * @throws {@link MapModelError} `MAP_ZONE_MISSING`
 * @public
 */
export function writeRatedMarker(doc: Y.Doc, input: RatedMarkerInput, options: HiddenRatingOptions = {}): string {
  const id = ratedMarkerId(input.scaleId, input.participant.id)
  const now = options.now ?? new Date()
  const shapes = collectShapes(readRecordMap(doc))
  const zone = scaleZone(shapes)
  const existing = shapes.get(id)
  const others = markersOf(shapes, input.scaleId).filter((s) => s.id !== id).length
  const y = zone.y + NOTE_GRID.labelBand
  const x = zone.x + SCALE_LINE_INSET + (existing ? 0 : others) * (RATED_MARKER_SIZE.w + 8)
  const record = {
    id,
    typeName: 'shape',
    type: RATED_MARKER_SHAPE_TYPE,
    x: existing && typeof existing.x === 'number' ? existing.x : x,
    y: existing && typeof existing.y === 'number' ? existing.y : y,
    rotation: 0,
    index: existing?.index ?? indexAbove([...shapes.values()].map((s) => s.index)),
    parentId: PAGE_ID,
    isLocked: true,
    opacity: 1,
    props: { scaleId: input.scaleId, participantId: input.participant.id, participantName: input.participant.name },
    meta: { authorId: input.participant.id, authorName: input.participant.name, createdAt: now.toISOString() },
  }
  const mark = scalingMarkId(input.scaleId, input.participant.id)
  doc.transact(() => {
    if (shapes.get(mark)?.type === SCALING_MARK_SHAPE_TYPE) deleteRecords(doc, [mark], options.origin ?? MAP_MODEL_ORIGIN)
    writeRecords(doc, [record], options.origin ?? MAP_MODEL_ORIGIN)
  }, options.origin ?? MAP_MODEL_ORIGIN)
  return id
}

/**
 * The reveal (MM-24): in one transaction, every marker of `scaleId` is removed, every rating in
 * `ratings` is written as that person's `sm-scaling-mark` (MM-17), and the scale is public again.
 * Everyone's doc receives all marks in one update. Returns the marks' ids.
 *
 * @public
 */
export function revealRatings(
  doc: Y.Doc,
  scaleId: string,
  ratings: readonly ScalingMarkInput[],
  options: HiddenRatingOptions = {},
): string[] {
  const origin = options.origin ?? MAP_MODEL_ORIGIN
  const ids: string[] = []
  doc.transact(() => {
    const shapes = collectShapes(readRecordMap(doc))
    deleteRecords(doc, markersOf(shapes, scaleId).map((s) => s.id), origin)
    for (const rating of ratings) {
      if (rating.scaleId !== scaleId) continue
      ids.push(writeScalingMark(doc, rating, { ...(options.now ? { now: options.now } : {}), origin }))
    }
    setScalePrivate(doc, scaleId, false, { origin })
  }, origin)
  return ids
}
