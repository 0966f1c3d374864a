/**
 * Reads from a throwaway Y.Doc built from a stored state (a room's state, a finished version),
 * destroyed after, so a route can read the map without holding a room.
 *
 *   const map = readStoredDoc(state, readMap)
 */
import * as Y from 'yjs'

export function readStoredDoc<T>(state: Uint8Array, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return read(doc)
  } finally {
    doc.destroy()
  }
}
