/**
 * Owns what the child-centred templates add to a placed template's records (SPEC MM-31 … MM-33):
 *
 * - Three Houses: the child's own name for a house (`meta.heading` on the house's zone, verbatim;
 *   the zone key stays fixed), and the parent's consent to use the tool, recorded by the
 *   facilitator (`meta.parentConsent` on every zone of the placement).
 * - Safety House: the path to the door is a child's scale whose id is the path zone's id.
 * - Circles of safety and support: a person's note linked to a roster participant
 *   (`meta.participantId` on the note).
 *
 * Zones are template records: only a facilitator (or the server) writes them, and the relay
 * enforces that, so naming a house and recording consent happen on the facilitator's screen,
 * with the child.
 *
 * ```ts
 * const { placementId } = placeTemplate(doc, 'three-houses', { parentConsent: { givenBy: 'Jess (mum)', recordedBy: ana, at: now } })
 * renameTemplateZone(doc, placementId, 'house-worries', 'the house of sad things')
 * linkParticipant(doc, noteId, 'participant-lorna')
 * ```
 */
import type * as Y from 'yjs'
import type { ItemAuthor } from './addItem.ts'
import { ZONE_SHAPE_TYPE } from './docLayout.ts'
import { MAP_MODEL_ORIGIN, readRecordMap, writeRecords } from './recordEntries.ts'
import { isNoteShape, isShapeRecord, zonePlacement, type ShapeRecord } from './shapeGeometry.ts'
import type { ItemZoneKey } from './zoneKeys.ts'

/** Meta key of a zone's heading in the child's own words (MM-31). @public */
export const ZONE_HEADING_META_KEY = 'heading'
/** Meta key of the parent's consent on a placed template's zones (MM-31). @public */
export const PARENT_CONSENT_META_KEY = 'parentConsent'
/** Meta key of the roster participant a note stands for (MM-33). @public */
export const PARTICIPANT_META_KEY = 'participantId'

/** Longest heading kept. */
export const ZONE_HEADING_MAX_LENGTH = 120

/** The parent's consent to use a child's template, as recorded (MM-31). @public */
export interface ParentConsent {
  /** Who gave it, as the facilitator wrote it (e.g. "Jess, Kai's mum"). */
  readonly givenBy: string
  readonly recordedById: string
  readonly recordedByName: string
  /** ISO 8601. */
  readonly at: string
}

/** What {@link recordParentConsent} and `placeTemplate` take. @public */
export interface ParentConsentInput {
  readonly givenBy: string
  /** The facilitator recording it. */
  readonly recordedBy: ItemAuthor
  readonly at: Date
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The stored form of a consent. */
export function parentConsentRecord(input: ParentConsentInput): ParentConsent {
  return { givenBy: input.givenBy.trim(), recordedById: input.recordedBy.id, recordedByName: input.recordedBy.name, at: input.at.toISOString() }
}

/** The consent in a zone's `meta`, or `null` when none is recorded or it is malformed (MM-31). @public */
export function readParentConsent(meta: Readonly<Record<string, unknown>>): ParentConsent | null {
  return readConsentRecord(meta[PARENT_CONSENT_META_KEY])
}

/** A stored consent (the parent's, or their agreement to a story's words, MM-36), or `null` when malformed. */
export function readConsentRecord(value: unknown): ParentConsent | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  if (typeof v.at !== 'string' || v.at === '') return null
  return { givenBy: str(v.givenBy), recordedById: str(v.recordedById), recordedByName: str(v.recordedByName), at: v.at }
}

/** A zone's heading in the child's words, verbatim, or `null` (MM-31). @public */
export function readZoneHeading(meta: Readonly<Record<string, unknown>>): string | null {
  const value = meta[ZONE_HEADING_META_KEY]
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function placementZones(doc: Y.Doc, placementId: string): ShapeRecord[] {
  return [...readRecordMap(doc).values()].filter(
    (r): r is ShapeRecord => isShapeRecord(r) && r.type === ZONE_SHAPE_TYPE && zonePlacement(r.meta)?.placementId === placementId,
  )
}

/**
 * Gives a placed template's zone the child's own name (MM-31): stored verbatim (only cut to
 * {@link ZONE_HEADING_MAX_LENGTH}), shown instead of the catalogue heading; `null` or blank goes
 * back to the catalogue's words. The zone key never changes. Returns `false` when the placement
 * has no zone with that key.
 *
 * @public
 */
export function renameTemplateZone(doc: Y.Doc, placementId: string, key: ItemZoneKey, heading: string | null, options: { readonly origin?: unknown } = {}): boolean {
  const zone = placementZones(doc, placementId).find((z) => z.props.zone === key)
  if (!zone) return false
  const { [ZONE_HEADING_META_KEY]: _old, ...rest } = zone.meta
  const words = heading === null || heading.trim() === '' ? null : heading.slice(0, ZONE_HEADING_MAX_LENGTH)
  const updated: ShapeRecord = { ...zone, meta: words === null ? rest : { ...rest, [ZONE_HEADING_META_KEY]: words } }
  writeRecords(doc, [updated], options.origin ?? MAP_MODEL_ORIGIN)
  return true
}

/**
 * Records the parent's consent on every zone of a placed template (MM-31), replacing an earlier
 * record. Returns `false` when no zone has that placement.
 *
 * @public
 */
export function recordParentConsent(doc: Y.Doc, placementId: string, consent: ParentConsentInput, options: { readonly origin?: unknown } = {}): boolean {
  return setPlacementMeta(doc, placementId, PARENT_CONSENT_META_KEY, parentConsentRecord(consent), options.origin)
}

/**
 * Sets a stored consent (with a story's fingerprint, MM-36) as `meta[key]` on every zone of a
 * placement, replacing an earlier one; `false` when no zone has that placement.
 */
export function setPlacementMeta(doc: Y.Doc, placementId: string, key: string, value: ParentConsent & { readonly fingerprint?: string }, origin: unknown = MAP_MODEL_ORIGIN): boolean {
  const zones = placementZones(doc, placementId)
  if (zones.length === 0) return false
  writeRecords(doc, zones.map((z): ShapeRecord => ({ ...z, meta: { ...z.meta, [key]: value } })), origin)
  return true
}

/**
 * Links a note to a roster participant (`meta.participantId`, MM-33), or unlinks it with `null`.
 * Returns `false` when `id` is not a note.
 *
 * @public
 */
export function linkParticipant(doc: Y.Doc, id: string, participantId: string | null, options: { readonly origin?: unknown } = {}): boolean {
  const note = readRecordMap(doc).get(id)
  if (!isShapeRecord(note) || !isNoteShape(note)) return false
  const { [PARTICIPANT_META_KEY]: _old, ...rest } = note.meta
  const updated: ShapeRecord = { ...note, meta: participantId ? { ...rest, [PARTICIPANT_META_KEY]: participantId } : rest }
  writeRecords(doc, [updated], options.origin ?? MAP_MODEL_ORIGIN)
  return true
}
