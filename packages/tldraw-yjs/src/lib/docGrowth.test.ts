import type { TLShape } from 'tldraw'
import { expect, test } from 'vitest'
import * as Y from 'yjs'
import { createPeer, makeNote } from '../test/harness.ts'

// tldraw-notes §1.2 step 1 / pitfall 11: a Y.Map grew 109× under 10,000 alternating updates;
// YKeyValue must keep the doc near its single-write size. Every move is flushed on its own,
// the worst case (one Yjs transaction per drag frame).
const MOVES = 10_000
const MAX_GROWTH = 1.5

for (const noteCount of [1, 2]) {
  test(`the doc stays within ${MAX_GROWTH}x its single-write size after ${MOVES} moves of ${noteCount} note(s)`, () => {
    const { doc, store, binding } = createPeer()
    const ids = Array.from({ length: noteCount }, (_, i) => `shape:note${i}` as TLShape['id'])
    store.put(ids.map((id, i) => makeNote(id, { index: `a${i + 1}` })))
    binding.flush()
    const before = Y.encodeStateAsUpdate(doc).length

    for (let i = 1; i <= MOVES; i++) {
      const id = ids[i % noteCount] as TLShape['id']
      store.update(id, (r) => ({ ...r, x: i, y: i * 2 }))
      binding.flush()
    }
    const after = Y.encodeStateAsUpdate(doc).length
    const growth = after / before
    console.log(
      `[doc size] ${noteCount} note(s), ${MOVES} flushed moves: ${before} B -> ${after} B (${growth.toFixed(3)}x)`,
    )
    expect((store.get(ids[0] as TLShape['id']) as TLShape).x).toBeGreaterThan(MOVES - noteCount - 1)
    expect(growth).toBeLessThan(MAX_GROWTH)
  })
}
