/**
 * The items of a doc that a decoded update's delete set would delete: those the doc holds and
 * still shows. Walks only the set's ranges (one index lookup each), so the cost follows the
 * update, never the doc. A reconnecting client re-sends its whole delete set; this skips what is
 * already gone.
 *
 *   for (const item of itemsDeletedBy(doc, decoded.ds)) if (isProtected(item)) refuse()
 */
import * as Y from 'yjs'
import type { DecodedUpdate } from './protocol/sync.ts'

/** @internal */
export function* itemsDeletedBy(doc: Y.Doc, ds: DecodedUpdate['ds']): Generator<Y.Item, void, undefined> {
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client)
    if (!structs) continue
    const known = Y.getState(doc.store, client)
    for (const range of ranges) {
      const end = Math.min(range.clock + range.len, known)
      if (range.clock >= end) continue
      for (let index = Y.findIndexSS(structs, range.clock); index < structs.length; index++) {
        const struct = structs[index]!
        if (struct.id.clock >= end) break
        if (struct instanceof Y.Item && !struct.deleted) yield struct
      }
    }
  }
}
