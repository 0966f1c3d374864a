/**
 * Owns setting up a meeting doc (SPEC MM-2, MM-4, MM-6, MM-34): the meta map, tldraw's document
 * and page records, and the locked zone shapes of the map's template (the three columns or one of
 * their variants), all in one transaction.
 *
 * Idempotent: it writes only what is missing or different, so a second call changes nothing.
 * - `title` and `locale` are the caller's to set and are overwritten when they differ.
 * - `schema`, `templateVersion`, `status` and `createdAt` belong to the meeting once set and are
 *   only filled in when missing (a finalized meeting stays finalized; schema upgrades are the
 *   binding's, with their migrations).
 * - `document:document` and `page:page` are written only when missing, with exactly tldraw's
 *   defaults, so an editor initialising at the same moment writes the same records (MM-4).
 * - Zone shapes are restored to the template whenever they differ (moved, unlocked, deleted),
 *   keeping what was written in their meta since (MM-30).
 *
 * ```ts
 * writeSafetyMapTemplate(doc, { title: 'Kai family meeting', locale: 'es', schema, now })
 * ```
 */
import type { TLDocument, TLPage, TLParentId, TLShapeId } from '@tldraw/tlschema'
import { generateNKeysBetween } from 'fractional-indexing'
import type * as Y from 'yjs'
import {
  DOCUMENT_ID,
  META_KEYS,
  META_MAP_NAME,
  PAGE_ID,
  TEMPLATE_VERSION,
  ZONE_SHAPE_TYPE,
  zoneShapeId,
} from './docLayout.ts'
import { jsonEqual } from './jsonEqual.ts'
import { MAP_MODEL_ORIGIN, readRecordMap, writeRecords, type IdentifiedRecord } from './recordEntries.ts'
import { MAP_TEMPLATES } from './mapTemplates.ts'
import { collectShapes, zonePlacement } from './shapeGeometry.ts'
import type { SerializedSchema } from './readMeta.ts'
import type { SMZoneShape } from './SMZoneShape.ts'
import type { Locale } from './zoneKeys.ts'

/** Options of {@link writeSafetyMapTemplate}. @public */
export interface WriteSafetyMapTemplateOptions {
  readonly title: string
  readonly locale: Locale
  /** `createSafetyMapSchema().serialize()`, stored as `meta.schema` (MM-2). */
  readonly schema: SerializedSchema
  /** When the meeting was set up; stored once as `meta.createdAt`. */
  readonly now?: Date
  /** Transaction origin; defaults to {@link MAP_MODEL_ORIGIN}. */
  readonly origin?: unknown
  /**
   * The map's layout and words (MM-34): `three-column` (the default) or one of its variants,
   * `consultation` or `wellbeing`. Defaults to the variant the doc already has.
   */
  readonly templateId?: MapVariantId
}

/** Templates that can be a meeting's own map (MM-34): the three columns and their variants. @public */
export const MAP_VARIANT_IDS = ['three-column', 'consultation', 'wellbeing'] as const

/** One of {@link MAP_VARIANT_IDS}. @public */
export type MapVariantId = (typeof MAP_VARIANT_IDS)[number]

/** True when `value` is one of {@link MAP_VARIANT_IDS}. @public */
export function isMapVariantId(value: unknown): value is MapVariantId {
  return (MAP_VARIANT_IDS as readonly unknown[]).includes(value)
}

/** The variant a doc's own map was written with: `meta.templateId` of its danger zone, else `three-column`. @internal */
export function readMapVariant(records: ReadonlyMap<string, unknown>): MapVariantId {
  const zone = records.get(zoneShapeId('danger'))
  const templateId = typeof zone === 'object' && zone !== null ? (zone as { meta?: { templateId?: unknown } }).meta?.templateId : undefined
  return isMapVariantId(templateId) ? templateId : 'three-column'
}

/** tldraw's default document record (`DocumentRecordType` defaults). */
function documentRecord(): TLDocument {
  return {
    id: DOCUMENT_ID as TLDocument['id'],
    typeName: 'document',
    gridSize: 10,
    name: '',
    meta: {},
  }
}

/** tldraw's default page (`getDefaultPages` in tlschema's TLStore.ts). */
function pageRecord(): TLPage {
  return {
    id: PAGE_ID as TLPage['id'],
    typeName: 'page',
    name: 'Page 1',
    index: 'a1' as TLPage['index'],
    meta: {},
  }
}

/**
 * Indexes for the zones: `a0`, `a1`, … (the same for every writer), unless some other shape on the
 * page already sorts that low, in which case they go below the lowest such shape (MM-6).
 */
function zoneIndexes(records: ReadonlyMap<string, unknown>, zoneIds: ReadonlySet<string>): string[] {
  const count = zoneIds.size
  let lowest: string | null = null
  for (const shape of collectShapes(records).values()) {
    // Placed templates' zones (MM-26) sit just above the foundation's and never push it down.
    if (shape.parentId !== PAGE_ID || zoneIds.has(shape.id) || (shape.type === ZONE_SHAPE_TYPE && zonePlacement(shape.meta))) continue
    if (lowest === null || shape.index < lowest) lowest = shape.index
  }
  const fixed = generateNKeysBetween(null, null, count)
  const highestFixed = fixed[fixed.length - 1]
  if (lowest === null || highestFixed === undefined || highestFixed < lowest) return fixed
  try {
    return generateNKeysBetween(null, lowest, count)
  } catch {
    // The lowest index in the doc is not a valid key (a broken record): keep the fixed ones.
    return fixed
  }
}

function zoneRecords(records: ReadonlyMap<string, unknown>, templateId: MapVariantId): SMZoneShape[] {
  const zones = MAP_TEMPLATES[templateId].zones
  const indexes = zoneIndexes(records, new Set(zones.map((z) => zoneShapeId(z.key))))
  return zones.map((zone, i) => ({
    id: zoneShapeId(zone.key) as TLShapeId,
    typeName: 'shape',
    type: ZONE_SHAPE_TYPE,
    x: zone.x,
    y: zone.y,
    rotation: 0,
    index: indexes[i] as SMZoneShape['index'],
    parentId: PAGE_ID as TLParentId,
    isLocked: true,
    opacity: 1,
    props: { w: zone.w, h: zone.h, zone: zone.key },
    // What was written on a zone since (the ends of the rating band, MM-30) is kept; the variant is the template's.
    meta: { ...keptMeta(records.get(zoneShapeId(zone.key))), ...(templateId === 'three-column' ? {} : { templateId }) },
  }))
}

/** A zone's meta as stored, without the variant (which the template sets), or `{}`. */
function keptMeta(record: unknown): SMZoneShape['meta'] {
  const meta = typeof record === 'object' && record !== null ? (record as { meta?: unknown }).meta : undefined
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return {}
  const { templateId: _variant, ...rest } = meta as SMZoneShape['meta']
  return rest
}

/**
 * Sets up (or repairs) a meeting doc in one transaction: meta, `document:document`,
 * `page:page`, and the locked zones with ids `shape:zone-<key>` (MM-2, MM-4, MM-6).
 * Calling it again writes nothing that is already right.
 *
 * @public
 */
export function writeSafetyMapTemplate(doc: Y.Doc, options: WriteSafetyMapTemplateOptions): void {
  const { title, locale, schema, now, origin = MAP_MODEL_ORIGIN } = options
  doc.transact(() => {
    const meta = doc.getMap<unknown>(META_MAP_NAME)
    const setIfMissing = (key: string, value: unknown) => {
      if (meta.get(key) === undefined) meta.set(key, value)
    }
    const setIfDifferent = (key: string, value: unknown) => {
      if (!jsonEqual(meta.get(key), value)) meta.set(key, value)
    }
    setIfMissing(META_KEYS.schema, schema)
    setIfMissing(META_KEYS.templateVersion, TEMPLATE_VERSION)
    setIfMissing(META_KEYS.status, 'live')
    if (now) setIfMissing(META_KEYS.createdAt, now.toISOString())
    setIfDifferent(META_KEYS.title, title)
    setIfDifferent(META_KEYS.locale, locale)

    const records = readRecordMap(doc)
    const wanted: IdentifiedRecord[] = []
    if (!records.has(DOCUMENT_ID)) wanted.push(documentRecord())
    if (!records.has(PAGE_ID)) wanted.push(pageRecord())
    for (const zone of zoneRecords(records, options.templateId ?? readMapVariant(records))) {
      if (!jsonEqual(records.get(zone.id), zone)) wanted.push(zone)
    }
    writeRecords(doc, wanted, origin)
  }, origin)
}
