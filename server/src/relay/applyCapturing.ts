/**
 * Applying an already-validated update to a doc and learning what it actually integrated — the
 * bytes the room stores and broadcasts (the raw input only when it is exactly what is new:
 * duplicates integrate nothing, and structs waiting for missing dependencies stay out until they
 * resolve).
 *
 * ```ts
 * const integrated = applyCapturing(doc, update, peer.origin)   // null: nothing new
 * const same = applyForwarding(doc, update, decoded, peer.origin) // the input itself when it is exactly what is new
 * if (pendingBytes(doc) > limit) …
 * ```
 */
import * as Y from 'yjs'
import { applyCheckedUpdate } from './protocol/decodeOnce.ts'
import type { DecodedUpdate } from './protocol/sync.ts'

/**
 * Applies `update` with `origin` (taking its values from `decoded` when it was checked); returns
 * the update Yjs emitted for it, or null. Throws what Yjs throws. @internal
 */
export function applyCapturing(doc: Y.Doc, update: Uint8Array, origin: object, decoded?: DecodedUpdate): Uint8Array | null {
  const captured: Uint8Array[] = []
  const capture = (integrated: Uint8Array, by: unknown): void => {
    if (by === origin) captured.push(integrated)
  }
  doc.on('update', capture)
  try {
    applyCheckedUpdate(doc, update, decoded ?? {}, origin)
  } finally {
    doc.off('update', capture)
  }
  return captured.length === 0 ? null : captured.length === 1 ? captured[0]! : Y.mergeUpdates(captured)
}

/**
 * Like {@link applyCapturing}, but the hot path of live edits: an update whose structs continue
 * each client's history exactly where the doc stands (no gap, no overlap, nothing pending in the
 * doc) integrates as it is, so the input is returned and Yjs is spared encoding a copy of it. A
 * delete set in it may repeat deletions the doc already has (harmless to store and to send).
 * Anything else takes the capturing path. @internal
 */
export function applyForwarding(doc: Y.Doc, update: Uint8Array, decoded: DecodedUpdate, origin: object): Uint8Array | null {
  if (!continuesExactly(doc, decoded)) return applyCapturing(doc, update, origin, decoded)
  // Nothing it refers to is missing, so every struct integrates: only a bare deletion may change nothing.
  if (decoded.structs.length > 0) {
    applyCheckedUpdate(doc, update, decoded, origin)
    return update
  }
  let deleted = false
  const observe = (transaction: Y.Transaction): void => {
    if (transaction.origin === origin) deleted ||= transaction.deleteSet.clients.size > 0
  }
  doc.on('afterTransaction', observe)
  try {
    Y.applyUpdate(doc, update, origin)
  } finally {
    doc.off('afterTransaction', observe)
  }
  return deleted ? update : null
}

/** Whether a transaction added structs or deleted something (when Yjs would emit an update). @internal */
export function transactionChanged(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true
  return false
}

/**
 * Each client's structs start at the doc's clock for it and follow one another without a skip,
 * and everything they and the delete set refer to is in the doc or in the update (so nothing can
 * be left pending).
 */
function continuesExactly(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  if (doc.store.pendingStructs || doc.store.pendingDs) return false
  const ends = new Map<number, number>()
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return false
    const { client, clock } = struct.id
    const next = ends.get(client) ?? Y.getState(doc.store, client)
    if (clock !== next) return false
    ends.set(client, next + struct.length)
  }
  const known = (id: Y.ID | null): boolean => id === null || id.clock < (ends.get(id.client) ?? Y.getState(doc.store, id.client))
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue
    if (!known(struct.origin) || !known(struct.rightOrigin)) return false
    if (struct.parent instanceof Y.ID && !known(struct.parent)) return false
  }
  for (const [client, deletes] of decoded.ds.clients) {
    const end = ends.get(client) ?? Y.getState(doc.store, client)
    if (deletes.some((item) => item.clock + item.len > end)) return false
  }
  return true
}

/** Bytes of structs and delete sets the doc holds but cannot integrate yet (invisible, yet encoded). @internal */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0)
}
