/**
 * Owns reading and writing the records array in `YKeyValue`'s exact format (SPEC MM-1):
 * a `Y.Array` of `{ key: recordId, val: record }`, where the last entry for a key wins.
 *
 * Writes use plain `Y.Array` operations instead of `y-utility` so the main entry stays free of
 * run-time dependencies beyond yjs. A write does what `YKeyValue.set` does: remove the key's
 * entries, append the new one, in one transaction; a `YKeyValue` on the same array (the canvas
 * binding) sees it as an ordinary `update`. Reads never write: `YKeyValue`'s constructor removes
 * duplicates, which is why readers here do not open one.
 *
 * ```ts
 * const records = readRecordMap(doc)          // Map<id, unknown>, never mutates the doc
 * writeRecords(doc, [note], MAP_MODEL_ORIGIN) // one transaction
 * ```
 */
import type * as Y from 'yjs'
import { RECORDS_ARRAY_NAME } from './docLayout.ts'

/** One entry of the records array (MM-1). @public */
export interface RecordEntry<V = unknown> {
  readonly key: string
  readonly val: V
}

/** A record as written here: any JSON object with a string `id`. */
export interface IdentifiedRecord {
  readonly id: string
}

/**
 * Origin carried by every transaction this package runs, so listeners (bindings, undo managers,
 * persistence) can tell who wrote.
 *
 * @public
 */
export interface MapModelOrigin {
  readonly kind: 'map-model'
}

/** The default origin of this package's transactions; callers may pass their own. @public */
export const MAP_MODEL_ORIGIN: MapModelOrigin = Object.freeze({ kind: 'map-model' })

/** The records array of a doc. */
export function getRecordsArray(doc: Y.Doc): Y.Array<RecordEntry> {
  return doc.getArray<RecordEntry>(RECORDS_ARRAY_NAME)
}

function isEntry(value: unknown): value is RecordEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { key?: unknown }).key === 'string' &&
    'val' in value
  )
}

/**
 * Every record of the doc by id, the last entry in array order winning when a key repeats
 * (MM-1). Entries that are not `{ key, val }` objects are skipped. Never mutates the doc.
 *
 * @public
 */
export function readRecordMap(doc: Y.Doc): Map<string, unknown> {
  const records = new Map<string, unknown>()
  for (const entry of getRecordsArray(doc).toArray()) {
    if (isEntry(entry)) records.set(entry.key, entry.val)
  }
  return records
}

/**
 * Writes records the way `YKeyValue.set` does, all in one transaction: every existing entry
 * of each id is removed, then the new entries are appended.
 */
export function writeRecords(
  doc: Y.Doc,
  records: readonly IdentifiedRecord[],
  origin: unknown = MAP_MODEL_ORIGIN,
): void {
  if (records.length === 0) return
  // The last record per id wins, as it would with repeated YKeyValue.set calls.
  const byId = new Map(records.map((r) => [r.id, r] as const))
  doc.transact(() => {
    const array = getRecordsArray(doc)
    const entries = array.toArray()
    // Delete from the end so earlier positions stay valid.
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]
      if (isEntry(entry) && byId.has(entry.key)) array.delete(i, 1)
    }
    array.push([...byId.values()].map((val) => ({ key: val.id, val })))
  }, origin)
}

/** Removes every entry of each id in `ids`, in one transaction (what `YKeyValue.delete` does). */
export function deleteRecords(doc: Y.Doc, ids: readonly string[], origin: unknown = MAP_MODEL_ORIGIN): void {
  const doomed = new Set(ids)
  if (doomed.size === 0) return
  doc.transact(() => {
    const array = getRecordsArray(doc)
    const entries = array.toArray()
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i]
      if (isEntry(entry) && doomed.has(entry.key)) array.delete(i, 1)
    }
  }, origin)
}
