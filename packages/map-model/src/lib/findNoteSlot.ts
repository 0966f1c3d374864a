/**
 * Owns where a new note goes inside a zone (SPEC MM-10): the first free slot of the zone's note
 * grid in reading order (left to right, then top to bottom). A slot is free when no note on the
 * page overlaps it. When every slot is taken, notes are stacked over the slots with a small
 * cascade offset, always keeping their centre inside the zone so they still count for it.
 *
 * ```ts
 * const { x, y } = findNoteSlot(zone, occupiedBoxes) // top-left of a 200×200 note, page coords
 * ```
 */
import { NOTE_GRID, type ZoneBounds } from './safetyMapTemplate.ts'
import { applyPose, type Point } from './shapeGeometry.ts'

/** An axis-aligned box in page coordinates. */
export interface Box {
  readonly minX: number
  readonly minY: number
  readonly maxX: number
  readonly maxY: number
}

/** Cascade step of notes stacked over full slots, and how many steps before it wraps. */
const CASCADE_STEP = 16
const CASCADE_STEPS = 6

const overlaps = (a: Box, b: Box): boolean =>
  a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY

/** Top-left corners of the zone's slots, in zone coordinates, in reading order. */
export function noteSlots(zone: ZoneBounds): Point[] {
  const { noteSize, padding, gap, labelBand } = NOTE_GRID
  const step = noteSize + gap
  const columns = Math.floor((zone.w - 2 * padding + gap) / step)
  const rows = Math.floor((zone.h - labelBand - 2 * padding + gap) / step)
  if (columns < 1 || rows < 1) {
    // Too small for the grid: one slot, centred, so the note's centre is inside the zone.
    return [{ x: zone.w / 2 - noteSize / 2, y: zone.h / 2 - noteSize / 2 }]
  }
  const slots: Point[] = []
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      slots.push({ x: padding + column * step, y: labelBand + padding + row * step })
    }
  }
  return slots
}

/**
 * Page position (top-left) for a new 200×200 note in `zone`, avoiding `occupied` boxes.
 * `zone.rotation` is honoured for the slot's position; the note itself stays unrotated.
 */
export function findNoteSlot(zone: ZoneBounds, occupied: readonly Box[]): Point {
  const { noteSize } = NOTE_GRID
  const pose = { x: zone.x, y: zone.y, rotation: zone.rotation ?? 0 }
  const half = noteSize / 2
  const toPage = (slot: Point, offset: number): Point => {
    const centre = applyPose(pose, { x: slot.x + half + offset, y: slot.y + half + offset })
    return { x: centre.x - half, y: centre.y - half }
  }
  const slots = noteSlots(zone)
  const taken = (p: Point) =>
    occupied.some((box) =>
      overlaps(box, { minX: p.x, minY: p.y, maxX: p.x + noteSize, maxY: p.y + noteSize }),
    )
  for (const slot of slots) {
    const position = toPage(slot, 0)
    if (!taken(position)) return position
  }
  // Every slot is taken: stack over the slots in turn, each round a little further down-right,
  // choosing the first position where no note already sits exactly.
  // Grid slots sit at least padding + half a note from the zone's far edges, more than the
  // largest cascade offset; the single centred slot of a tiny zone is clamped to half its size.
  const maxOffset = Math.min(zone.w, zone.h) / 2
  for (let round = 1; round <= CASCADE_STEPS; round++) {
    const offset = Math.min(round * CASCADE_STEP, maxOffset)
    for (const slot of slots) {
      const position = toPage(slot, offset)
      const exact = occupied.some(
        (box) => Math.abs(box.minX - position.x) < 1 && Math.abs(box.minY - position.y) < 1,
      )
      if (!exact) return position
    }
  }
  return toPage(slots[0] ?? { x: 0, y: 0 }, 0)
}
