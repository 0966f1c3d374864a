/**
 * The one persistence interface of the relay (SPEC PS-1): an append-only log of Yjs updates per
 * document plus at most one merged snapshot, compacted in one transaction.
 *
 * Every method returns a promise of a {@link StoreResult}. The SQLite adapter does its work
 * synchronously and hands back an already-settled promise; a PostgreSQL adapter can implement the
 * same interface with real round-trips. The relay never assumes which: it runs each room's work
 * through a serial queue and awaits every store call, so "appended before broadcast" (RL-3) holds
 * for both. Failures of the backend (disk full, I/O error, corrupt rows) are values, never throws.
 *
 * ```ts
 * const store = createSqliteDocStore(openDatabase('data/safetymap.db'))
 * const appended = await store.appendUpdate('m1', update)      // durable once resolved (PS-2)
 * const loaded = await store.load('m1')                        // snapshot + tail merged (PS-3)
 * if (loaded.ok && loaded.value) await store.compact('m1', { state, throughSeq: loaded.value.lastSeq })
 * ```
 */

/** Codes of every expected storage failure, declared once. @public */
export const STORE_ERROR_CODES = {
  /** The backend refused or failed a read. */
  STORE_READ_FAILED: 'STORE_READ_FAILED',
  /** The backend refused or failed a write; nothing of that write is visible. */
  STORE_WRITE_FAILED: 'STORE_WRITE_FAILED',
  /** Stored rows exist but do not merge into a Yjs update (the document is left untouched). */
  STORE_CORRUPT_DOC: 'STORE_CORRUPT_DOC',
} as const

/** @public */
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[keyof typeof STORE_ERROR_CODES]

/** An expected storage failure. `cause` is the driver's error (for logs; it never holds map text). @public */
export interface StoreError {
  readonly code: StoreErrorCode
  readonly cause: unknown
}

/** Result of every {@link DocStore} call. @public */
export type StoreResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StoreError }

/** Size of the update log past the snapshot; drives compaction (PS-4). @public */
export interface TailStats {
  /** Updates appended since the last compaction. */
  readonly updates: number
  /** Sum of their byte lengths. */
  readonly bytes: number
}

/** A document as loaded: the snapshot and every later update merged into one Yjs (v1) update. @public */
export interface StoredDoc {
  /** Snapshot + tail, merged with `Y.mergeUpdates` (PS-3). */
  readonly state: Uint8Array
  /** Sequence number of the last update included in `state`; pass it to {@link DocStore.compact}. */
  readonly lastSeq: number
  readonly tail: TailStats
}

/** Updates appended after a given seq, for an instance that already holds the doc up to it. @public */
export interface StoredTail {
  /** The updates in seq order, as appended (each a Yjs v1 update). */
  readonly updates: readonly Uint8Array[]
  /** Sequence number of the last of them (the `afterSeq` asked for when there are none). */
  readonly lastSeq: number
}

/** A merged state to store as the new snapshot. @public */
export interface DocSnapshot {
  /** The full document state (`Y.encodeStateAsUpdate`). */
  readonly state: Uint8Array
  /**
   * The highest update sequence number `state` includes. Compaction deletes only updates up to
   * it, so an update appended concurrently (another process, a slow adapter) is never lost.
   */
  readonly throughSeq: number
}

/** Where an appended update landed, and the tail it now ends. @public */
export interface AppendedUpdate {
  readonly seq: number
  readonly tail: TailStats
}

/** One update of a group commit. @public */
export interface PendingAppend {
  readonly docId: string
  readonly update: Uint8Array
}

/**
 * Durable storage of Yjs documents, keyed by document id (the meeting id).
 * @public
 */
export interface DocStore {
  /** Snapshot + tail merged, or `null` when nothing was ever stored under `docId` (PS-3). */
  load(docId: string): Promise<StoreResult<StoredDoc | null>>
  /** Appends one update; durable against a process crash once the promise resolves (PS-2). */
  appendUpdate(docId: string, update: Uint8Array): Promise<StoreResult<AppendedUpdate>>
  /**
   * Optional group commit (PS-8): appends every update (of any docs, in order) in one transaction,
   * all durable or none; the results are in the same order. Without it the relay appends one by one.
   */
  appendUpdates?(updates: readonly PendingAppend[]): Promise<StoreResult<readonly AppendedUpdate[]>>
  /**
   * The updates appended after `afterSeq` (PS-10), or `null` when a compaction has merged some of
   * them into the snapshot (then `load` again). Lets several relay instances sharing the store
   * catch up on each other's updates without reading the whole document.
   */
  loadTail(docId: string, afterSeq: number): Promise<StoreResult<StoredTail | null>>
  /**
   * Optional document epoch (PS-9): an opaque id of this incarnation of the doc, created on the
   * first call after the doc was first written and replaced once the doc is deleted and written
   * anew; `null` while nothing is stored. A client holding state of another epoch is told to reset
   * instead of merging it back. Without it the relay checks no epochs.
   */
  loadEpoch?(docId: string): Promise<StoreResult<string | null>>
  /** Replaces the snapshot and deletes updates up to `snapshot.throughSeq`, in one transaction (PS-4). */
  compact(docId: string, snapshot: DocSnapshot): Promise<StoreResult<void>>
  /** Size of the tail past the snapshot; zeros for an unknown document. */
  tailStats(docId: string): Promise<StoreResult<TailStats>>
  /** Whether a snapshot or any update exists for `docId`. */
  hasDoc(docId: string): Promise<StoreResult<boolean>>
  /** Removes the snapshot and every update of `docId` (purge on case closure). */
  delete(docId: string): Promise<StoreResult<void>>
}
