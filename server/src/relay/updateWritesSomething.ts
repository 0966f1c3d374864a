/**
 * Whether applying a decoded update would change the doc: a struct it does not hold yet, or a
 * delete of an item it still shows. A reconnecting client's sync step 2 always carries its whole
 * delete set and often structs the doc already has; those change nothing, so a read-only peer
 * that only re-sends what the room holds is not mistaken for one trying to write.
 *
 *   if (peer.readOnlyRefusal && updateWritesSomething(doc, decoded)) close(peer.readOnlyRefusal)
 */
import * as Y from 'yjs'
import type { DecodedUpdate } from './protocol/sync.ts'
import { itemsDeletedBy } from './itemsDeletedBy.ts'

/** @internal */
export function updateWritesSomething(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true
  }
  return !itemsDeletedBy(doc, decoded.ds).next().done
}
