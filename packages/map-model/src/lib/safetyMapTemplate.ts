/**
 * Owns the default three-column safety map layout (SPEC MM-5, MM-6): where each zone sits on
 * the page and the grid that {@link addItem} fills with notes.
 *
 * Three 700-wide columns left to right, each opened by a heading strip (the column zones), their
 * sections stacked underneath, and the full-width 0–10 rating band (`scale`) below. Every section
 * keeps a {@link NOTE_GRID}`.labelBand`-high strip at its top free for its heading and hint, and
 * fits three 200×200 notes per row.
 *
 * ```ts
 * for (const zone of safetyMapTemplate.zones) draw(zone.key, zone.x, zone.y, zone.w, zone.h)
 * ```
 */
import { TEMPLATE_VERSION } from './docLayout.ts'
import type { ZoneKey } from './zoneKeys.ts'

/**
 * A zone's rectangle in page coordinates. `rotation` (radians, about the top-left corner) is
 * only set when a zone read from a doc has been rotated.
 *
 * @public
 */
export interface ZoneBounds {
  readonly key: ZoneKey
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  readonly rotation?: number
}

/** A layout of zones, versioned as `meta.templateVersion` (MM-2). @public */
export interface SafetyMapTemplate {
  readonly version: number
  readonly zones: readonly ZoneBounds[]
}

/**
 * How notes are laid out inside a zone, in page units: tldraw notes are 200×200 at scale 1;
 * `padding` is kept from the zone's edges, `gap` between notes, and `labelBand` at the top of a
 * zone for its heading and hint.
 *
 * @public
 */
export const NOTE_GRID = {
  noteSize: 200,
  padding: 25,
  gap: 25,
  labelBand: 72,
} as const

const COLUMN_WIDTH = 700
const COLUMN_GUTTER = 40
const HEADING_HEIGHT = 120
const SECTION_GAP = 20
const BODY_TOP = HEADING_HEIGHT + SECTION_GAP
// Two rows of notes in each worries section, three in each of the taller two-section columns.
const WORRIES_SECTION_HEIGHT = 560
const BODY_HEIGHT = 3 * WORRIES_SECTION_HEIGHT + 2 * SECTION_GAP
const PAIR_SECTION_HEIGHT = (BODY_HEIGHT - SECTION_GAP) / 2
const SCALE_TOP = BODY_TOP + BODY_HEIGHT + COLUMN_GUTTER
const SCALE_HEIGHT = 400
const MAP_WIDTH = 3 * COLUMN_WIDTH + 2 * COLUMN_GUTTER

const columnX = (i: number): number => i * (COLUMN_WIDTH + COLUMN_GUTTER)

function stack(x: number, keys: readonly ZoneKey[], height: number): ZoneBounds[] {
  return keys.map((key, i) => ({
    key,
    x,
    y: BODY_TOP + i * (height + SECTION_GAP),
    w: COLUMN_WIDTH,
    h: height,
  }))
}

/**
 * The default safety map: column heading strips, then sections, then the rating band. Page
 * coordinates, origin at the top-left of the map; the whole map is 2180×2300.
 *
 * @public
 */
export const safetyMapTemplate: SafetyMapTemplate = {
  version: TEMPLATE_VERSION,
  zones: [
    { key: 'worries', x: columnX(0), y: 0, w: COLUMN_WIDTH, h: HEADING_HEIGHT },
    { key: 'working-well', x: columnX(1), y: 0, w: COLUMN_WIDTH, h: HEADING_HEIGHT },
    { key: 'needs', x: columnX(2), y: 0, w: COLUMN_WIDTH, h: HEADING_HEIGHT },
    ...stack(columnX(0), ['harm', 'danger', 'complicating'], WORRIES_SECTION_HEIGHT),
    ...stack(columnX(1), ['strengths', 'safety'], PAIR_SECTION_HEIGHT),
    ...stack(columnX(2), ['goals', 'next-steps'], PAIR_SECTION_HEIGHT),
    { key: 'scale', x: 0, y: SCALE_TOP, w: MAP_WIDTH, h: SCALE_HEIGHT },
  ],
}
