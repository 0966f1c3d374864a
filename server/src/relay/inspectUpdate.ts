/**
 * What one decoded update would write, checked against the room's doc before it is applied
 * (bar items 5, 7 and the "record validation and template protection"):
 *
 * - which client ids its structs are authored under (the room refuses ids of other live peers);
 * - every value it inserts into the `records` array must be a `{ key, val }` entry whose `val` is a
 *   valid record of the pinned tldraw schema with `val.id === key`;
 * - unless the writer may edit the template: no insert or delete of a `shape:zone-*` entry, and no
 *   insert or delete anywhere in the `meta` map;
 * - nobody writes an `sm-scaling-mark` on a scale that is private until revealed (map-model MM-22):
 *   such a rating goes to the server out of band, so a modified client cannot leak its number
 *   to everyone through the doc. Checked only when the update writes a scaling mark.
 *
 * Cost is proportional to the update (its structs and deleted ranges), never to the doc: parents
 * are resolved through the update itself or one `Y.getItem` lookup per origin.
 *
 * ```ts
 * const verdict = inspectUpdate({ doc, decoded, isValidRecord, mayEditTemplate: role === 'facilitator' })
 * if (!verdict.ok) refuse(verdict.reason)
 * ```
 */
import { META_MAP_NAME, readPrivateScales, RECORDS_ARRAY_NAME, SCALING_MARK_SHAPE_TYPE } from '@safetymap/map-model'
import * as Y from 'yjs'
import type { DecodedUpdate } from './protocol/sync.ts'
import { itemsDeletedBy } from './itemsDeletedBy.ts'

/** Why an update is refused. @public */
export const UPDATE_REFUSAL = {
  /** A value in `records` is not a valid record of the pinned schema. */
  INVALID_RECORD: 'INVALID_RECORD',
  /** A non-facilitator wrote or deleted a zone record or the meta map. */
  TEMPLATE_PROTECTED: 'TEMPLATE_PROTECTED',
  /** An inserted struct's parent is neither in the update nor in the doc. */
  UNRESOLVED_PARENT: 'UNRESOLVED_PARENT',
  /** A scaling mark written into the doc for a scale that is private until revealed. */
  PRIVATE_RATING: 'PRIVATE_RATING',
} as const

/** @public */
export type UpdateRefusal = (typeof UPDATE_REFUSAL)[keyof typeof UPDATE_REFUSAL]

/** @public */
export type UpdateVerdict =
  | { readonly ok: true; readonly clients: ReadonlySet<number> }
  | { readonly ok: false; readonly reason: UpdateRefusal }

/** @public */
export interface InspectUpdateOptions {
  readonly doc: Y.Doc
  readonly decoded: DecodedUpdate
  /** Whether `value` is a valid record of the pinned schema (see `createRecordValidator`). */
  readonly isValidRecord: (value: unknown) => boolean
  readonly mayEditTemplate: boolean
}

/** Id prefix of the template's zone shapes (map-model MM-6). */
const ZONE_ID_PREFIX = 'shape:zone-'

type Root = string | null

const isZoneKey = (entry: unknown): boolean =>
  typeof entry === 'object' && entry !== null && String((entry as { key?: unknown }).key).startsWith(ZONE_ID_PREFIX)

/** @public */
export function inspectUpdate(options: InspectUpdateOptions): UpdateVerdict {
  const { doc, decoded, isValidRecord, mayEditTemplate } = options
  const clients = new Set<number>()
  const byClient = new Map<number, Y.Item[]>()
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    // Structs the doc already holds are no-ops when applied (a client re-sending its stored copy,
    // for example from IndexedDB): they write nothing and claim no client id.
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue
    clients.add(struct.id.client)
    let list = byClient.get(struct.id.client)
    if (!list) byClient.set(struct.id.client, (list = []))
    list.push(struct)
  }
  if (byClient.size === 0 && decoded.ds.clients.size === 0) return { ok: true, clients }

  const recordsType = doc.share.get(RECORDS_ARRAY_NAME) ?? null
  const metaType = doc.share.get(META_MAP_NAME) ?? null
  const rootOfType = (type: Y.AbstractType<unknown> | null): Root => {
    if (type === null) return null
    if (type === recordsType) return RECORDS_ARRAY_NAME
    if (type === metaType) return META_MAP_NAME
    return type._item ? rootOfDocItem(type._item) : ''
  }
  const rootOfDocItem = (item: Y.Item): Root => rootOfType(item.parent as Y.AbstractType<unknown> | null)

  const findInUpdate = (id: Y.ID): Y.Item | null => {
    const list = byClient.get(id.client)
    if (!list) return null
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const item = list[mid]!
      if (id.clock < item.id.clock) high = mid - 1
      else if (id.clock >= item.id.clock + item.length) low = mid + 1
      else return item
    }
    return null
  }

  // Read from `meta` only when the update writes a scaling mark, once per update.
  let privateScales: ReadonlySet<string> | null = null
  const isMarkOnPrivateScale = (record: object): boolean => {
    const { type, props } = record as { type?: unknown; props?: { scaleId?: unknown } }
    if (type !== SCALING_MARK_SHAPE_TYPE) return false
    privateScales ??= new Set(readPrivateScales(doc))
    return privateScales.has(String(props?.scaleId))
  }

  const memo = new Map<Y.Item, Root | undefined>()
  /** The root type name an update item lands in; `undefined` when unresolvable. Iterative: origin chains can be long. */
  const rootOfUpdateItem = (start: Y.Item): Root | undefined => {
    const chain: Y.Item[] = []
    let current: Y.Item = start
    let result: Root | undefined
    for (;;) {
      if (memo.has(current)) {
        result = memo.get(current)
        break
      }
      chain.push(current)
      const { parent } = current
      if (typeof parent === 'string') {
        result = parent
        break
      }
      const ref = parent instanceof Y.ID ? parent : current.origin ?? current.rightOrigin
      if (!ref) {
        result = undefined
        break
      }
      // The item holding the parent type, or a sibling: either lands in the same root.
      const inUpdate = findInUpdate(ref)
      if (inUpdate) {
        current = inUpdate
        continue
      }
      const inDoc = ref.clock < Y.getState(doc.store, ref.client) ? Y.getItem(doc.store, ref) : null
      result = inDoc instanceof Y.Item ? rootOfDocItem(inDoc) : undefined
      break
    }
    for (const item of chain) memo.set(item, result)
    return result
  }

  for (const list of byClient.values()) {
    for (const item of list) {
      const root = rootOfUpdateItem(item)
      if (root === undefined) return { ok: false, reason: UPDATE_REFUSAL.UNRESOLVED_PARENT }
      if (root === META_MAP_NAME && !mayEditTemplate) return { ok: false, reason: UPDATE_REFUSAL.TEMPLATE_PROTECTED }
      if (root !== RECORDS_ARRAY_NAME) continue
      // An entry inserted and deleted before this update was encoded arrives as ContentDeleted
      // (a reconnecting client's sync step 2 is full of them): it carries no value to check.
      if (item.content instanceof Y.ContentDeleted) continue
      // Only `{ key, val }` entries live in `records` (MM-1); anything else is not a record.
      if (!(item.content instanceof Y.ContentAny)) return { ok: false, reason: UPDATE_REFUSAL.INVALID_RECORD }
      for (const entry of item.content.arr) {
        if (!isRecordEntry(entry) || !isValidRecord(entry.val)) return { ok: false, reason: UPDATE_REFUSAL.INVALID_RECORD }
        if (!mayEditTemplate && isZoneKey(entry)) return { ok: false, reason: UPDATE_REFUSAL.TEMPLATE_PROTECTED }
        if (isMarkOnPrivateScale(entry.val)) return { ok: false, reason: UPDATE_REFUSAL.PRIVATE_RATING }
      }
    }
  }

  if (!mayEditTemplate && deletesTemplate(doc, decoded.ds, rootOfDocItem)) {
    return { ok: false, reason: UPDATE_REFUSAL.TEMPLATE_PROTECTED }
  }
  return { ok: true, clients }
}

const isRecordEntry = (entry: unknown): entry is { key: string; val: { id: unknown } } =>
  typeof entry === 'object' &&
  entry !== null &&
  typeof (entry as { key?: unknown }).key === 'string' &&
  typeof (entry as { val?: unknown }).val === 'object' &&
  (entry as { val: { id?: unknown } | null }).val !== null &&
  (entry as { val: { id?: unknown } }).val.id === (entry as { key: string }).key

/** Whether the delete set removes a zone entry or anything in `meta` that the doc holds. */
function deletesTemplate(doc: Y.Doc, ds: DecodedUpdate['ds'], rootOfDocItem: (item: Y.Item) => Root): boolean {
  for (const item of itemsDeletedBy(doc, ds)) {
    const root = rootOfDocItem(item)
    if (root === META_MAP_NAME) return true
    if (root === RECORDS_ARRAY_NAME && item.content instanceof Y.ContentAny && item.content.arr.some(isZoneKey)) return true
  }
  return false
}
