/**
 * Owns what the two ends of a scale mean (SPEC MM-30): the facilitator words "0 = …" and
 * "10 = …" for each scale before anyone rates (domain guide §4), stored as `meta.scaleEnds
 * { zero, ten }` on the scale's own record — the rating band zone for the overall scale, the
 * danger statement card for a statement's scale, the path zone for a Safety House path (MM-31).
 * Zones are template records, so only a facilitator (or the server) can change the overall and
 * path ends; the relay enforces that.
 *
 * ```ts
 * setScaleEnds(doc, 'overall', { zero: 'Kai cannot stay at home now', ten: 'Everyone is sure Kai is safe' })
 * readMap(doc).scales[0].ends // { zero: '…', ten: '…' }
 * ```
 */
import type * as Y from 'yjs'
import { zoneShapeId } from './docLayout.ts'
import { MAP_MODEL_ORIGIN, readRecordMap, writeRecords } from './recordEntries.ts'
import { isShapeRecord, type ShapeRecord } from './shapeGeometry.ts'
import { OVERALL_SCALE_ID } from './SMToolkitShapes.ts'

/** Meta key of a scale's ends on its record (MM-30). @public */
export const SCALE_ENDS_META_KEY = 'scaleEnds'

/** The words for the two ends of a scale, as the facilitator typed them (MM-30). @public */
export interface ScaleEnds {
  /** What 0 means. */
  readonly zero: string
  /** What 10 means. */
  readonly ten: string
}

/** Longest text kept for one end. */
export const SCALE_END_MAX_LENGTH = 200

/** The record that carries a scale's ends: the rating band for `'overall'`, else the scale id itself. @public */
export function scaleRecordId(scaleId: string): string {
  return scaleId === OVERALL_SCALE_ID ? zoneShapeId('scale') : scaleId
}

/** The ends in a record's `meta`, or `null` when none are set or they are malformed. @public */
export function readScaleEnds(meta: unknown): ScaleEnds | null {
  const value = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)[SCALE_ENDS_META_KEY] : undefined
  if (typeof value !== 'object' || value === null) return null
  const { zero, ten } = value as Record<string, unknown>
  if (typeof zero !== 'string' || typeof ten !== 'string' || (zero === '' && ten === '')) return null
  return { zero, ten }
}

/** The catalogue keys {@link scaleEndsText} words each end with ("0 = {text}"). @public */
export type ScaleEndsWordKey = 'toolkit.ends.shownZero' | 'toolkit.ends.shownTen'

/**
 * What 0 and 10 mean on a line in the facilitator's words, verbatim, as the board shows them
 * ("0 = … · 10 = …"), `say` wording each end; an end left blank is left out. The phone's live
 * list and the server's first rendering of it both write it so. @public
 */
export function scaleEndsText(ends: ScaleEnds, say: (key: ScaleEndsWordKey, vars: { text: string }) => string): string {
  const zero = ends.zero ? say('toolkit.ends.shownZero', { text: ends.zero }) : ''
  const ten = ends.ten ? say('toolkit.ends.shownTen', { text: ends.ten }) : ''
  return [zero, ten].filter(Boolean).join(' · ')
}

/** The meta of a scale's record with `ends` set (or removed when `null` or both empty). @public */
export function metaWithScaleEnds(meta: Readonly<Record<string, unknown>>, ends: ScaleEnds | null): Record<string, unknown> {
  const { [SCALE_ENDS_META_KEY]: _old, ...rest } = meta
  const zero = (ends?.zero ?? '').trim().slice(0, SCALE_END_MAX_LENGTH)
  const ten = (ends?.ten ?? '').trim().slice(0, SCALE_END_MAX_LENGTH)
  return zero === '' && ten === '' ? rest : { ...rest, [SCALE_ENDS_META_KEY]: { zero, ten } }
}

/**
 * Sets (or with `null` clears) what 0 and 10 mean on a scale (MM-30), keeping everything else of
 * its record. Returns `false` when the scale's record is not in the doc.
 *
 * @public
 */
export function setScaleEnds(doc: Y.Doc, scaleId: string, ends: ScaleEnds | null, options: { readonly origin?: unknown } = {}): boolean {
  const record = readRecordMap(doc).get(scaleRecordId(scaleId))
  if (!isShapeRecord(record)) return false
  const updated: ShapeRecord = { ...record, meta: metaWithScaleEnds(record.meta, ends) }
  writeRecords(doc, [updated], options.origin ?? MAP_MODEL_ORIGIN)
  return true
}

/** The ends of every scale that has them, by scale id (the overall scale under `'overall'`). */
export function readScaleEndsByScale(shapes: ReadonlyMap<string, ShapeRecord>): Map<string, ScaleEnds> {
  const out = new Map<string, ScaleEnds>()
  const band = zoneShapeId('scale')
  for (const shape of shapes.values()) {
    const ends = readScaleEnds(shape.meta)
    if (ends) out.set(shape.id === band ? OVERALL_SCALE_ID : shape.id, ends)
  }
  return out
}
