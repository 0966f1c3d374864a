/**
 * Owns the names of the meeting doc's layout (SPEC MM-1, MM-2, MM-4, MM-6): the records array,
 * the meta map and its keys, the fixed record ids, and the zone shape type.
 *
 * ```ts
 * doc.getArray(RECORDS_ARRAY_NAME) // { key, val } entries, read through YKeyValue
 * doc.getMap(META_MAP_NAME).get(META_KEYS.title)
 * zoneShapeId('danger') // 'shape:zone-danger'
 * ```
 */
import type { ZoneKey } from './zoneKeys.ts'

/** Name of the `Y.Array` of `{ key: recordId, val: record }` entries (MM-1). @public */
export const RECORDS_ARRAY_NAME = 'records'

/** Name of the `Y.Map` holding the meeting's metadata (MM-2). @public */
export const META_MAP_NAME = 'meta'

/**
 * Keys of the meta map (MM-2). `createdAt` (ISO 8601) is ours in addition to MM-2: written once
 * by {@link writeSafetyMapTemplate} when the caller passes `now`.
 *
 * @public
 */
export const META_KEYS = {
  schema: 'schema',
  templateVersion: 'templateVersion',
  title: 'title',
  locale: 'locale',
  status: 'status',
  createdAt: 'createdAt',
} as const

/** The one page of a meeting: tldraw's deterministic default id (MM-4). @public */
export const PAGE_ID = 'page:page'

/** tldraw's one document record id (MM-4). @public */
export const DOCUMENT_ID = 'document:document'

/** Shape type of a zone (MM-6). @public */
export const ZONE_SHAPE_TYPE = 'sm-zone'

/** Shape type of an item: tldraw's sticky note (MM-9). @public */
export const NOTE_SHAPE_TYPE = 'note'

/** tldraw's geometric shape type: a person's symbol on a family tree (MM-39). @public */
export const GEO_SHAPE_TYPE = 'geo'

/** Version of {@link safetyMapTemplate}'s layout, stored as `meta.templateVersion` (MM-2). @public */
export const TEMPLATE_VERSION = 1

/** Deterministic id of a zone shape: `shape:zone-<key>` (MM-6). @public */
export function zoneShapeId(key: ZoneKey): `shape:zone-${ZoneKey}` {
  return `shape:zone-${key}`
}
