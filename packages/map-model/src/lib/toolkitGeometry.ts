/**
 * Owns the geometry of the toolkit's shapes (SPEC MM-14 … MM-17): the page box and centre of a
 * card (statement, goal, next step) or a scaling mark, where a new card goes in its section, and
 * where a mark sits on the rating band for a value.
 *
 * ```ts
 * const box = toolkitPageBox(card, shapes)        // null when not on page:page
 * const { x, y } = findCardSlot(zone, occupied, STATEMENT_CARD_SIZE)
 * ```
 */
import type { Box } from './findNoteSlot.ts'
import { NOTE_GRID, type ZoneBounds } from './safetyMapTemplate.ts'
import { applyPose, getPagePose, isNoteShape, itemPageBox, type Point, type ShapeRecord } from './shapeGeometry.ts'
import {
  DANGER_STATEMENT_SHAPE_TYPE,
  NEXT_STEP_SHAPE_TYPE,
  SAFETY_GOAL_SHAPE_TYPE,
  SCALING_MARK_SHAPE_TYPE,
  SCALING_MARK_SIZE,
} from './SMToolkitShapes.ts'

/** The card types: statements, goals and next steps. */
export const CARD_SHAPE_TYPES: ReadonlySet<string> = new Set([
  DANGER_STATEMENT_SHAPE_TYPE,
  SAFETY_GOAL_SHAPE_TYPE,
  NEXT_STEP_SHAPE_TYPE,
])

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0

/** Size of a toolkit shape: a card's `w`/`h`, a mark's fixed size; `null` for other shapes. */
export function toolkitShapeSize(shape: ShapeRecord): { w: number; h: number } | null {
  if (shape.type === SCALING_MARK_SHAPE_TYPE) return SCALING_MARK_SIZE
  if (!CARD_SHAPE_TYPES.has(shape.type)) return null
  const { w, h } = shape.props
  return positive(w) && positive(h) ? { w, h } : null
}

/** The axis-aligned page box of a toolkit shape or a note, or `null`. */
export function shapePageBox(shape: ShapeRecord, shapes: ReadonlyMap<string, ShapeRecord>): Box | null {
  if (isNoteShape(shape)) return itemPageBox(shape, shapes)
  const size = toolkitShapeSize(shape)
  const pose = size ? getPagePose(shape, shapes) : null
  if (!size || !pose) return null
  const corners = [
    { x: 0, y: 0 },
    { x: size.w, y: 0 },
    { x: 0, y: size.h },
    { x: size.w, y: size.h },
  ].map((c) => applyPose(pose, c))
  return {
    minX: Math.min(...corners.map((c) => c.x)),
    minY: Math.min(...corners.map((c) => c.y)),
    maxX: Math.max(...corners.map((c) => c.x)),
    maxY: Math.max(...corners.map((c) => c.y)),
  }
}

/** The page centre of a toolkit shape, or `null` when it is not on `page:page` or broken. */
export function toolkitPageCentre(shape: ShapeRecord, shapes: ReadonlyMap<string, ShapeRecord>): Point | null {
  const size = toolkitShapeSize(shape)
  const pose = size ? getPagePose(shape, shapes) : null
  if (!size || !pose) return null
  return applyPose(pose, { x: size.w / 2, y: size.h / 2 })
}

/** Boxes of every note and toolkit card on the page (what a new card must not cover). */
export function occupiedBoxes(shapes: ReadonlyMap<string, ShapeRecord>): Box[] {
  const boxes: Box[] = []
  for (const shape of shapes.values()) {
    if (!isNoteShape(shape) && !CARD_SHAPE_TYPES.has(shape.type)) continue
    const box = shapePageBox(shape, shapes)
    if (box) boxes.push(box)
  }
  return boxes
}

const CARD_GAP = 16
const CASCADE_STEP = 16
const CASCADE_STEPS = 6

const overlaps = (a: Box, b: Box): boolean =>
  a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY

/**
 * Top-left of a new card in `zone`: the first free row under the heading band (rows one card
 * high, full width), else cascaded over the first row with its centre kept inside the zone.
 */
export function findCardSlot(zone: ZoneBounds, occupied: readonly Box[], size: { w: number; h: number }): Point {
  const x = zone.x + NOTE_GRID.padding
  const top = zone.y + NOTE_GRID.labelBand
  for (let y = top; y + size.h <= zone.y + zone.h; y += size.h + CARD_GAP) {
    const box = { minX: x, minY: y, maxX: x + size.w, maxY: y + size.h }
    if (!occupied.some((o) => overlaps(o, box))) return { x, y }
  }
  // Cascade by how many shapes already sit in the zone, wrapping so the card stays inside it.
  const inZone = occupied.filter((o) => {
    const cx = (o.minX + o.maxX) / 2
    const cy = (o.minY + o.maxY) / 2
    return cx >= zone.x && cx <= zone.x + zone.w && cy >= zone.y && cy <= zone.y + zone.h
  })
  const step = (inZone.length % CASCADE_STEPS) + 1
  return { x: x + step * CASCADE_STEP, y: top + step * CASCADE_STEP }
}

/** Where the 0 and 10 ticks of the rating band sit, from the band's left and right edges. */
export const SCALE_LINE_INSET = 38
/** Rows of marks above the band's line, one row per scale (wrapping). */
const MARK_ROWS = 4
const MARK_ROW_GAP = 8

/** A value on the 0–10 scale, clamped and rounded to halves. */
export function clampScaleValue(value: number): number {
  if (!Number.isFinite(value)) return 0
  return Math.min(10, Math.max(0, Math.round(value * 2) / 2))
}

/**
 * Top-left of a mark for `value` on the rating band `zone`, in row `row` (the scale's place:
 * overall first, then statements in order), moved right by `crowd` marks already at that value.
 */
export function scalingMarkPosition(zone: ZoneBounds, value: number, row: number, crowd = 0): Point {
  const lineWidth = zone.w - 2 * SCALE_LINE_INSET
  const centreX = zone.x + SCALE_LINE_INSET + (clampScaleValue(value) / 10) * lineWidth
  const y = zone.y + NOTE_GRID.labelBand + (row % MARK_ROWS) * (SCALING_MARK_SIZE.h + MARK_ROW_GAP)
  return { x: centreX - SCALING_MARK_SIZE.w / 2 + crowd * 18, y }
}

/** The value a mark's page centre stands for on the rating band `zone` (for marks moved by hand). */
export function scaleValueAt(zone: ZoneBounds, pageX: number): number {
  const lineWidth = zone.w - 2 * SCALE_LINE_INSET
  return clampScaleValue(((pageX - zone.x - SCALE_LINE_INSET) / lineWidth) * 10)
}
