/**
 * Owns the two-way binding between a tldraw `TLStore` and a meeting's `Y.Doc` (tldraw-notes §1.2
 * steps 1, 3–6). React-free: the web app uses it through `useYjsStore`, tests and tools directly.
 *
 * - Only `document`-scope records (document, page, shape, binding, asset) enter the doc (MM-3).
 *   Camera, instance, pointer and presence never leave the store, and neither do tldraw's `user`
 *   records: tldraw puts the current user's into the store whenever it likes (on mount, on each
 *   attribution), also on a read-only screen, so a screen that became writable would send it at
 *   whatever moment — just as the map was being finished, say, when the relay must refuse it.
 *   Names and colours travel in presence and in each item's author instead, and stay out of the
 *   shared map (less personal data to keep and purge).
 * - Local → Y: `store.listen(..., { source: 'user', scope: 'document' })`; changed ids are
 *   coalesced and written at most {@link LOCAL_FLUSH_FPS} times a second, each flush one
 *   `doc.transact` carrying this binding's {@link StoreOrigin}. A flush writes the record as the
 *   store holds it *now*, so a remote edit that landed in between is never overwritten by a stale
 *   copy and store and doc cannot drift apart.
 * - Y → local: `YKeyValue` change events from any origin but ours; each record is validated on its
 *   own ({@link validateRemoteRecord}); the valid ones go in one `store.mergeRemoteChanges`, so
 *   they never enter local undo; the invalid ones go to `onInvalidRecord`.
 * - Nothing is read or written until the doc has synced with the relay (`synced` or
 *   `markSynced()`), because tldraw would otherwise create a default page over the shared one
 *   (tldraw-notes pitfall 13).
 * - Schema: on load and on every later change of `meta.schema` the doc is checked by
 *   `reconcileDocSchema`. Empty doc → ours is written. Older doc → migrated with
 *   `migrateStoreSnapshot` and written back (records and schema in one transaction). Newer doc →
 *   `client-too-old`, and the binding stops writing.
 *
 * ```ts
 * const binding = bindStoreToYDoc({ store, doc, onInvalidRecord: (r) => log.warn(r.id, r.reason) })
 * provider.once('sync', () => binding.markSynced())
 * binding.getState() // { loaded, schema, readonly }
 * binding.dispose()
 * ```
 */
import type { HistoryEntry } from '@tldraw/store'
import type { TLRecord, TLStore } from '@tldraw/tlschema'
import { isEqual } from '@tldraw/utils'
import type * as Y from 'yjs'
import { META_SCHEMA_KEY, getMetaMap, openRecordsKeyValue, readRecordValues } from './docLayout.ts'
import { type StoreOrigin, createStoreOrigin } from './origins.ts'

/** tldraw's record of a person (`user:…`), kept on each device only. */
const USER_TYPE_NAME = 'user'
import {
  BLOCKING_SCHEMA_STATUSES,
  SCHEMA_STATUS,
  type SchemaStatus,
  reconcileDocSchema,
} from './reconcileDocSchema.ts'
import {
  INVALID_RECORD_REASON,
  type InvalidRecordReport,
  errorMessage,
  validateRemoteRecord,
} from './validateRemoteRecord.ts'

/** Local edits are written to the doc at most this many times a second (as tldraw sync does). @public */
export const LOCAL_FLUSH_FPS = 30

/** Minimum gap between two local flushes, from {@link LOCAL_FLUSH_FPS}. @public */
export const LOCAL_FLUSH_INTERVAL_MS = Math.ceil(1000 / LOCAL_FLUSH_FPS)

/**
 * Limit of the local change buffer (distinct record ids). Reaching it schedules the flush for
 * the next tick instead of the next {@link LOCAL_FLUSH_INTERVAL_MS} slot, so a huge paste is
 * written promptly rather than piling up.
 *
 * @public
 */
export const MAX_PENDING_LOCAL_RECORDS = 2_000


/**
 * Snapshot of a binding's state, replaced (never mutated) on every change.
 *
 * @public
 */
export interface YjsStoreBindingState {
  /** True once the doc's records are in the store. Show the editor only then. */
  readonly loaded: boolean
  readonly schema: SchemaStatus
  /** True when local edits are not written: asked for, or forced by the schema status. */
  readonly readonly: boolean
}

/** @public */
export interface BindStoreToYDocOptions {
  readonly store: TLStore
  readonly doc: Y.Doc
  /** The doc already holds the relay's state (or is purely local). Otherwise call `markSynced()`. */
  readonly synced?: boolean
  /** Never write local edits, the schema or migrations to the doc (viewers). */
  readonly readonly?: boolean
  /** Called for each remote record that was skipped. */
  readonly onInvalidRecord?: (report: InvalidRecordReport) => void
  /** Called after every state change with the new state. */
  readonly onStateChange?: (state: YjsStoreBindingState) => void
}

/** @public */
export interface YjsStoreBinding {
  /** The origin on every transaction this binding writes. */
  readonly origin: StoreOrigin
  getState(): YjsStoreBindingState
  /** Signals the first sync with the relay; loads the doc. Later calls do nothing. */
  markSynced(): void
  /** Switches read-only on or off. Going writable first reloads the store from the doc. */
  setReadonly(readonly: boolean): void
  /** Writes buffered local changes now. */
  flush(): void
  /** Flushes, then detaches from store and doc. Does not dispose the store or destroy the doc. */
  dispose(): void
}

type KeyValueChange =
  | { action: 'add'; newValue: unknown }
  | { action: 'update'; oldValue: unknown; newValue: unknown }
  | { action: 'delete'; oldValue: unknown }

/**
 * Binds `store` to `doc`. See the module comment for the rules.
 *
 * @public
 */
export function bindStoreToYDoc(options: BindStoreToYDocOptions): YjsStoreBinding {
  const { store, doc } = options
  const origin = createStoreOrigin()
  const kv = openRecordsKeyValue(doc)
  const meta = getMetaMap(doc)
  const reportInvalid = (report: InvalidRecordReport) => options.onInvalidRecord?.(report)

  let readonlyRequested = options.readonly === true
  let state: YjsStoreBindingState = {
    loaded: false,
    schema: SCHEMA_STATUS.pending,
    readonly: readonlyRequested,
  }
  let disposed = false
  let stopListening: (() => void) | undefined
  const pending = new Set<string>()
  let flushTimer: ReturnType<typeof setTimeout> | undefined
  let lastFlushAt = Number.NEGATIVE_INFINITY

  const isBlocked = (schema: SchemaStatus) => BLOCKING_SCHEMA_STATUSES.has(schema)
  const canWrite = () => !disposed && !readonlyRequested && !isBlocked(state.schema)

  function updateState(next: { loaded?: boolean; schema?: SchemaStatus }) {
    const loaded = next.loaded ?? state.loaded
    const schema = next.schema ?? state.schema
    const readonly = readonlyRequested || isBlocked(schema)
    if (loaded === state.loaded && schema === state.schema && readonly === state.readonly) return
    state = { loaded, schema, readonly }
    options.onStateChange?.(state)
  }

  /** Whether `record` is shared through the doc: document scope, except tldraw's own user records. */
  function isDocumentRecord(record: TLRecord): boolean {
    return record.typeName !== USER_TYPE_NAME && store.schema.types[record.typeName]?.scope === 'document'
  }

  // ---- Y → store -------------------------------------------------------------------------

  /** Applies validated records and removals in one remote merge; one bad record never blocks. */
  function applyToStore(puts: TLRecord[], removeIds: TLRecord['id'][]) {
    const removals = removeIds.filter((id) => {
      const existing = store.get(id)
      return existing !== undefined && isDocumentRecord(existing)
    })
    if (puts.length === 0 && removals.length === 0) return
    try {
      store.mergeRemoteChanges(() => {
        if (removals.length > 0) store.remove(removals)
        if (puts.length > 0) store.put(puts)
      })
    } catch {
      // Validation passed record by record, so this is a store-level rejection (a side effect
      // threw). Apply one at a time so only the culprit is lost.
      for (const id of removals) applyOne(id, () => store.remove([id]))
      for (const record of puts) applyOne(record.id, () => store.put([record]))
    }
  }

  function applyOne(id: string, fn: () => void) {
    try {
      store.mergeRemoteChanges(fn)
    } catch (error) {
      reportInvalid({ id, reason: INVALID_RECORD_REASON.storeRejected, message: errorMessage(error) })
    }
  }

  /** Adds the doc's record to `puts` when valid (else reports it); a user record an older client wrote stays unread. */
  function takeRemote(puts: TLRecord[], key: string, value: unknown) {
    const result = validateRemoteRecord(store, key, value)
    if (!result.ok) return reportInvalid(result.report)
    if (isDocumentRecord(result.record)) puts.push(result.record)
  }

  /** Makes the store's document records equal `records` (the doc, possibly migrated in memory). */
  function replaceStoreDocument(records: ReadonlyMap<string, unknown>) {
    const puts: TLRecord[] = []
    for (const [key, value] of records) {
      if (store.get(key as TLRecord['id']) === value) continue
      takeRemote(puts, key, value)
    }
    const removals = store
      .allRecords()
      .filter((r) => isDocumentRecord(r) && !records.has(r.id))
      .map((r) => r.id)
    applyToStore(puts, removals)
  }

  const onRecordsChange = (changes: Map<string, KeyValueChange>, tr: Y.Transaction) => {
    if (tr.origin === origin || !state.loaded || disposed) return
    const puts: TLRecord[] = []
    const removals: TLRecord['id'][] = []
    for (const [key, change] of changes) {
      if (change.action === 'delete') {
        removals.push(key as TLRecord['id'])
        continue
      }
      takeRemote(puts, key, change.newValue)
    }
    applyToStore(puts, removals)
  }

  // ---- schema ----------------------------------------------------------------------------

  const reconcileSchema = () =>
    reconcileDocSchema({ store, doc, kv, meta, origin, writable: !readonlyRequested })

  const onMetaChange = (event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
    if (tr.origin === origin || !state.loaded || disposed) return
    if (!event.keysChanged.has(META_SCHEMA_KEY)) return
    const { schema, migrated } = reconcileSchema()
    // Our migration writes carry our origin and are skipped by onRecordsChange, so load them here.
    if (migrated) replaceStoreDocument(migrated)
    updateState({ schema })
  }

  // ---- store → Y -------------------------------------------------------------------------

  const onStoreChange = (entry: HistoryEntry<TLRecord>) => {
    if (!canWrite()) return
    const { added, updated, removed } = entry.changes
    for (const id of Object.keys(added)) pending.add(id)
    for (const id of Object.keys(updated)) pending.add(id)
    for (const id of Object.keys(removed)) pending.add(id)
    scheduleFlush(pending.size >= MAX_PENDING_LOCAL_RECORDS)
  }

  // Flushes always run from a timer, never inside the store listener: the listener runs inside
  // tldraw's history reaction, and a Yjs update can synchronously reach code that touches other
  // stores (in-process peers, devtools), which must not happen while @tldraw/state is capturing.
  function scheduleFlush(urgent: boolean) {
    if (pending.size === 0) return
    if (urgent && flushTimer !== undefined) {
      clearTimeout(flushTimer)
      flushTimer = undefined
    }
    if (flushTimer !== undefined) return
    const delay = urgent ? 0 : Math.max(0, lastFlushAt + LOCAL_FLUSH_INTERVAL_MS - Date.now())
    flushTimer = setTimeout(flush, delay)
  }

  function flush() {
    if (flushTimer !== undefined) clearTimeout(flushTimer)
    flushTimer = undefined
    if (pending.size === 0) return
    const ids = [...pending]
    pending.clear()
    if (!canWrite()) return
    lastFlushAt = Date.now()
    doc.transact(() => {
      for (const id of ids) writeCurrent(id)
    }, origin)
  }

  function writeCurrent(id: string) {
    const record = store.get(id as TLRecord['id'])
    if (record) {
      if (isDocumentRecord(record) && !isEqual(kv.get(id), record)) kv.set(id, record)
    } else if (kv.has(id)) {
      kv.delete(id)
    }
  }

  /** Writes document records that exist only in the store (e.g. the default page tldraw made). */
  function writeStoreOnlyRecords() {
    if (!canWrite()) return
    const missing = store.allRecords().filter((r) => isDocumentRecord(r) && !isEqual(kv.get(r.id), r))
    if (missing.length === 0) return
    doc.transact(() => {
      for (const record of missing) kv.set(record.id, record)
    }, origin)
  }

  // ---- lifecycle -------------------------------------------------------------------------

  function load() {
    if (state.loaded || disposed) return
    const { schema, migrated } = reconcileSchema()
    updateState({ schema })
    replaceStoreDocument(migrated ?? readRecordValues(kv))
    // What the editor would do on mount, done here after the sync so it cannot clobber the shared
    // page: create document:document and page:page if the doc has none (deterministic ids, MM-4,
    // so clients that start at once converge). `ensureStoreIsUsable` is @internal in 5.4.2; an
    // empty remote merge runs it (in its `finally`) through the public API.
    store.mergeRemoteChanges(() => {})
    // listen() flushes pending history first, so the page tldraw's ensureStoreIsUsable may have
    // just created is not delivered; writeStoreOnlyRecords sends it explicitly.
    stopListening = store.listen(onStoreChange, { source: 'user', scope: 'document' })
    writeStoreOnlyRecords()
    updateState({ loaded: true })
  }

  kv.on('change', onRecordsChange)
  meta.observe(onMetaChange)
  if (options.synced) load()

  return {
    origin,
    getState: () => state,
    markSynced: load,
    setReadonly(readonly) {
      if (readonly === readonlyRequested) return
      if (readonly) flush()
      readonlyRequested = readonly
      if (!readonly && state.loaded) {
        // Local edits were dropped while read-only; the doc is the truth again.
        pending.clear()
        const { schema, migrated } = reconcileSchema()
        replaceStoreDocument(migrated ?? readRecordValues(kv))
        updateState({ schema })
        return
      }
      updateState({})
    },
    flush,
    dispose() {
      if (disposed) return
      flush()
      disposed = true
      stopListening?.()
      kv.off('change', onRecordsChange)
      meta.unobserve(onMetaChange)
    },
  }
}

