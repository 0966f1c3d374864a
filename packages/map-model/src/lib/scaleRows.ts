/**
 * Owns which scaling lines a reader sees and in what order: the overall line first, then one
 * line per danger statement (by its number, even before anyone has rated it, so a person can be
 * the first), then lines whose statement is gone but which still hold marks. Each line carries
 * everyone's marks as `readMap` gives them, the reader's own mark, if any, and what 0 and 10 mean
when the facilitator worded them (MM-30). A line that is
 * private until the reveal (MM-22 … MM-24) carries who has rated it instead: no numbers. The
 * phone view and the server's first rendering of it both read the lines here, and read a Safety
 * House's path to the door (MM-32), a child's scale kept apart from these, as one such line.
 *
 *   scaleRows(map, selfId) // [{ scaleId: 'overall', statement: null, marks, own, hidden: null }, …]
 *   pathRow(placed.path, map, selfId) // { scaleId: 'shape:zone-…-safety-house-path', marks, … }
 */
import type { MapRatedMarker } from './hiddenRatings.ts'
import type { SafetyMap } from './readMap.ts'
import { OVERALL_SCALE_ID } from './SMToolkitShapes.ts'
import type { MapDangerStatement, MapScale, MapScalingMark } from './readToolkit.ts'
import type { ScaleEnds } from './scaleEnds.ts'

/** One scaling line as a reader sees it. @public */
export interface ScaleRow {
  /** `'overall'` or a danger statement's shape id (MM-17). */
  readonly scaleId: string
  /** The statement the line rates; `null` for the overall line and for a statement that is gone. */
  readonly statement: MapDangerStatement | null
  /** True when the line rates a statement that is no longer on the map. */
  readonly orphan: boolean
  /** One mark per person, by name. */
  readonly marks: readonly MapScalingMark[]
  /** The person's own mark on this line. */
  readonly own: MapScalingMark | null
  /** While the line is private until the reveal: who has rated it (no values); else `null`. */
  readonly hidden: readonly MapRatedMarker[] | null
  /** True when the person has rated this private line. */
  readonly ownRated: boolean
  /** What 0 and 10 mean on this line, as the facilitator worded them (MM-30); `null` when not worded. */
  readonly ends: ScaleEnds | null
}

type PrivateScales = Partial<Pick<SafetyMap, 'hiddenScales'>>

function line(scale: Pick<MapScale, 'scaleId' | 'marks' | 'ends'>, map: PrivateScales, selfId: string): Omit<ScaleRow, 'statement' | 'orphan'> {
  const { scaleId, marks } = scale
  const hidden = map.hiddenScales?.find((s) => s.scaleId === scaleId)?.rated ?? null
  return {
    scaleId,
    marks,
    ends: scale.ends ?? null,
    own: marks.find((m) => m.participantId === selfId) ?? null,
    hidden,
    ownRated: hidden?.some((m) => m.participantId === selfId) ?? false,
  }
}

/** The lines to show for `map`, with `selfId`'s own marks picked out. @public */
export function scaleRows(map: Pick<SafetyMap, 'dangerStatements' | 'scales'> & PrivateScales, selfId: string): ScaleRow[] {
  const byId = new Map(map.scales.map((s) => [s.scaleId, s]))
  const row = (scaleId: string, statement: MapDangerStatement | null, orphan: boolean): ScaleRow => ({
    ...line(byId.get(scaleId) ?? { scaleId, marks: [] }, map, selfId),
    statement,
    orphan,
  })
  const rows = [row(OVERALL_SCALE_ID, null, false), ...map.dangerStatements.map((s) => row(s.id, s, false))]
  const shown = new Set(rows.map((r) => r.scaleId))
  for (const scale of map.scales) {
    if (!shown.has(scale.scaleId) && scale.marks.length > 0) rows.push(row(scale.scaleId, null, true))
  }
  return rows
}

/** A Safety House's path to the door (`MapPlacedTemplate.path`, MM-32) as a line of `map`, with `selfId`'s own mark picked out. @public */
export function pathRow(path: MapScale, map: PrivateScales, selfId: string): ScaleRow {
  return { ...line(path, map, selfId), statement: null, orphan: false }
}
