/**
 * Owns the Node test harness for this package: the `requestAnimationFrame` polyfill tldraw's
 * store listeners need outside a browser (tldraw-notes pitfall 19), tldraw stores with the
 * default shapes, note records, and pairs of Y.Docs that exchange updates like two clients of the
 * relay. Test-only: never exported from `src/index.ts`.
 *
 * ```ts
 * const a = createPeer(); const b = createPeer(); connectPeers(a, b)
 * a.store.put([makeNote('shape:n1')])
 * ```
 */
import {
  type TLRecord,
  type TLShapeId,
  type TLStore,
  NoteShapeUtil,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
} from 'tldraw'
import * as Y from 'yjs'
import { type YjsStoreBinding, bindStoreToYDoc } from '../lib/bindStoreToYDoc.ts'
import type { InvalidRecordReport } from '../lib/validateRemoteRecord.ts'

// tldraw schedules store-listener flushes with requestAnimationFrame; Node has none.
// (Under NODE_ENV=test tldraw flushes synchronously anyway; this keeps other modes working.)
const g = globalThis as { requestAnimationFrame?: (cb: () => void) => unknown }
g.requestAnimationFrame ??= (cb) => setTimeout(cb, 16)

/** Origin of updates delivered by the fake network, so they are not forwarded back. */
export const NETWORK_ORIGIN = { kind: 'peer' } as const

export interface Peer {
  readonly doc: Y.Doc
  readonly store: TLStore
  readonly binding: YjsStoreBinding
  readonly invalid: InvalidRecordReport[]
}

export function createTestStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
}

/** A store bound to a fresh (or given) doc, already "synced". */
export function createPeer(options: { doc?: Y.Doc; readonly?: boolean; synced?: boolean } = {}): Peer {
  const doc = options.doc ?? new Y.Doc()
  const store = createTestStore()
  const invalid: InvalidRecordReport[] = []
  const binding = bindStoreToYDoc({
    store,
    doc,
    synced: options.synced ?? true,
    readonly: options.readonly ?? false,
    onInvalidRecord: (r) => invalid.push(r),
  })
  return { doc, store, binding, invalid }
}

/** Exchanges full state, then forwards every later update both ways, synchronously. */
export function connectDocs(a: Y.Doc, b: Y.Doc): () => void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), NETWORK_ORIGIN)
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), NETWORK_ORIGIN)
  const toB = (update: Uint8Array, origin: unknown) => {
    if (origin !== NETWORK_ORIGIN) Y.applyUpdate(b, update, NETWORK_ORIGIN)
  }
  const toA = (update: Uint8Array, origin: unknown) => {
    if (origin !== NETWORK_ORIGIN) Y.applyUpdate(a, update, NETWORK_ORIGIN)
  }
  a.on('update', toB)
  b.on('update', toA)
  return () => {
    a.off('update', toB)
    b.off('update', toA)
  }
}

const noteDefaults = (NoteShapeUtil.prototype.getDefaultProps as unknown as () => Record<string, unknown>).call({})

/** A schema-valid note on page:page. */
export function makeNote(
  id: string,
  overrides: { x?: number; y?: number; index?: string; color?: string } = {},
): TLRecord {
  return {
    id: id as TLShapeId,
    typeName: 'shape',
    type: 'note',
    parentId: 'page:page',
    index: overrides.index ?? 'a1',
    x: overrides.x ?? 0,
    y: overrides.y ?? 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { ...noteDefaults, ...(overrides.color ? { color: overrides.color } : {}) },
  } as TLRecord
}

/** The document-scope records of a store, as a plain object sorted by id. */
export function documentRecords(store: TLStore): Record<string, TLRecord> {
  const out: Record<string, TLRecord> = {}
  for (const r of store.allRecords().sort((x, y) => x.id.localeCompare(y.id))) {
    if (store.schema.types[r.typeName]?.scope === 'document') out[r.id] = r
  }
  return out
}

/**
 * Makes the store usable the way a mounting editor would (document, page, instance, camera,
 * pointer). `store.ensureStoreIsUsable` is @internal; an empty remote merge runs it.
 */
export function ensureUsable(store: TLStore): void {
  store.mergeRemoteChanges(() => {})
}

/** Ids in the doc's records array (latest entry per key). */
export function docRecordIds(doc: Y.Doc): string[] {
  const seen = new Set<string>()
  for (const entry of doc.getArray<{ key: string }>('records').toArray()) seen.add(entry.key)
  return [...seen].sort()
}
