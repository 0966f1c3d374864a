/**
 * Owns the names and readers of the Y.Doc layout this package binds to (map-model SPEC MM-1,
 * MM-2): tldraw document records live in `doc.getArray('records')` through `YKeyValue`, and
 * `doc.getMap('meta')` holds the serialized tldraw schema under `schema`.
 *
 * ```ts
 * const kv = openRecordsKeyValue(doc)
 * kv.get('page:page')
 * readDocSchemaValue(doc) // unknown: check it with checkDocSchema
 * ```
 *
 * The names are repeated here rather than imported from `@safetymap/map-model`, which was being
 * written alongside this package; switch to its `RECORDS_ARRAY_NAME` / `META_MAP_NAME` once it
 * exports them.
 */
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import type * as Y from 'yjs'

/** Name of the `Y.Array` that holds `{ key, val }` record entries (MM-1). @public */
export const RECORDS_ARRAY_NAME = 'records'

/** Name of the `Y.Map` that holds document metadata (MM-2). @public */
export const META_MAP_NAME = 'meta'

/** Key in the meta map holding tldraw's `SerializedSchema` (MM-2). @public */
export const META_SCHEMA_KEY = 'schema'

/**
 * One entry of the records array. `val` is whole-record JSON, so conflicts resolve
 * last-writer-wins per record.
 *
 * @public
 */
export interface RecordEntry {
  readonly key: string
  readonly val: TLRecord
}

// One YKeyValue per doc: each instance observes the array for the doc's lifetime (y-utility has
// no way to detach it) and runs its own duplicate clean-up, so re-binding the same doc (React
// strict mode, remounts) must reuse it. A WeakMap lets the doc be collected; nothing runs at import.
const keyValueByDoc = new WeakMap<Y.Doc, YKeyValue<TLRecord>>()

/**
 * The records array as a `YKeyValue`, shared by every caller for the same doc. Opening it the
 * first time removes duplicate keys left by concurrent writers (in its own transaction).
 *
 * @public
 */
export function openRecordsKeyValue(doc: Y.Doc): YKeyValue<TLRecord> {
  let kv = keyValueByDoc.get(doc)
  if (!kv) {
    kv = new YKeyValue<TLRecord>(doc.getArray<RecordEntry>(RECORDS_ARRAY_NAME))
    keyValueByDoc.set(doc, kv)
  }
  return kv
}

/**
 * The doc's meta map.
 *
 * @public
 */
export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_MAP_NAME)
}

/**
 * The raw `meta.schema` value, unchecked. `undefined` when the doc has none yet.
 *
 * @public
 */
export function readDocSchemaValue(doc: Y.Doc): unknown {
  return getMetaMap(doc).get(META_SCHEMA_KEY)
}

/**
 * The current value of every key in the records `YKeyValue`, unchecked.
 *
 * @public
 */
export function readRecordValues(kv: YKeyValue<TLRecord>): Map<string, unknown> {
  const records = new Map<string, unknown>()
  for (const [key, entry] of kv.map) records.set(key, entry.val)
  return records
}
