/**
 * Owns the transaction origins this package puts on Yjs transactions.
 *
 * Every `doc.transact` we run carries an origin object, so our own observers can skip the echo
 * of our writes and other listeners (undo managers, persistence, metrics) can tell who wrote.
 * Origins are compared by identity: each binding creates its own object.
 *
 * ```ts
 * const origin = createStoreOrigin()
 * doc.transact(() => kv.set(id, record), origin)
 * isStoreOrigin(tr.origin) // true
 * ```
 */

/**
 * Origin of a transaction written by a store binding (local tldraw edits, schema writes,
 * migrations).
 *
 * @public
 */
export interface StoreOrigin {
  readonly kind: 'tldraw-store'
}

/**
 * Creates a fresh origin for one store binding. Identity matters: the binding skips only
 * transactions carrying exactly this object.
 *
 * @public
 */
export function createStoreOrigin(): StoreOrigin {
  return { kind: 'tldraw-store' }
}

/**
 * True when `origin` was created by {@link createStoreOrigin} (by any binding).
 *
 * @public
 */
export function isStoreOrigin(origin: unknown): origin is StoreOrigin {
  return (
    typeof origin === 'object' &&
    origin !== null &&
    (origin as { kind?: unknown }).kind === 'tldraw-store'
  )
}
