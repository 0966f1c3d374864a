/**
 * Applying an already-validated update to a doc and learning what it actually integrated — the
 * bytes the room stores and broadcasts (never the raw input: duplicates integrate nothing, and
 * structs waiting for missing dependencies stay out until they resolve).
 *
 * ```ts
 * const integrated = applyCapturing(doc, update, peer.origin)   // null: nothing new
 * if (pendingBytes(doc) > limit) …
 * ```
 */
import * as Y from 'yjs'

/** Applies `update` with `origin`; returns the update Yjs emitted for it, or null. Throws what Yjs throws. @internal */
export function applyCapturing(doc: Y.Doc, update: Uint8Array, origin: object): Uint8Array | null {
  const captured: Uint8Array[] = []
  const capture = (integrated: Uint8Array, by: unknown): void => {
    if (by === origin) captured.push(integrated)
  }
  doc.on('update', capture)
  try {
    Y.applyUpdate(doc, update, origin)
  } finally {
    doc.off('update', capture)
  }
  return captured.length === 0 ? null : captured.length === 1 ? captured[0]! : Y.mergeUpdates(captured)
}

/** Bytes of structs and delete sets the doc holds but cannot integrate yet (invisible, yet encoded). @internal */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0)
}
