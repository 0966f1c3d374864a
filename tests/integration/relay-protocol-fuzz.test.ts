/**
 * Protocol fuzzing against a live relay (issue 5, relay-notes bar item 22): every prefix
 * truncation of a valid update frame, seeded bit flips, random bytes, lying length prefixes and
 * unknown message types, each from its own hostile connection while two honest clients edit.
 * Afterwards: the relay is up, the honest clients never lost their connection, no room was reset
 * (no partial apply), and the stored doc equals what the honest clients hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RelayHarness, sleep, syncUpdateFrame, synced, waitFor } from '../../server/src/relay/testing/RelayHarness.ts'

const SEED = Number(process.env.RELAY_FUZZ_SEED ?? 5)

/** mulberry32: failures reproduce from the printed seed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** The notes map with sorted keys (map iteration order depends on integration order). */
const canonical = (doc: Y.Doc): string => JSON.stringify(Object.entries(doc.getMap('notes').toJSON()).sort(([x], [y]) => (x < y ? -1 : 1)))

/** A frame of small varUints (each < 128 is one byte). */
const frame = (...uints: number[]): Uint8Array => Uint8Array.from(uints)

describe(`protocol fuzz against a live relay (seed ${SEED})`, () => {
  const h = new RelayHarness()
  beforeAll(() => h.start())
  afterAll(() => h.dispose())

  it('closes every hostile connection, keeps honest clients connected, and stores exactly what they hold', async () => {
    const next = random(SEED)
    const a = h.provider('m1', 'p-a')
    const b = h.provider('m1', 'p-b')
    await Promise.all([synced(a), synced(b)])

    // A valid update frame from a third doc, to mutate.
    const source = new Y.Doc()
    for (let i = 0; i < 12; i++) source.getMap('notes').set(`s${i}`, `text ${i}`)
    const valid = syncUpdateFrame(Y.encodeStateAsUpdate(source))

    const hostile: Uint8Array[] = []
    for (let cut = 1; cut < valid.length; cut++) hostile.push(valid.slice(0, cut))
    for (let i = 0; i < 60; i++) {
      const flipped = valid.slice()
      const bit = Math.floor(next() * flipped.length * 8)
      flipped[bit >> 3]! ^= 1 << (bit & 7)
      hostile.push(flipped)
    }
    for (let i = 0; i < 60; i++) hostile.push(Uint8Array.from({ length: 1 + Math.floor(next() * 128) }, () => Math.floor(next() * 256)))
    hostile.push(
      Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2), // length prefix far past the frame
      Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), // overflowing varint ("negative")
      Uint8Array.of(1, 0xff, 0xff, 0xff, 0xff, 0x0f), // awareness with a lying length
      frame(2, 0),
      frame(4),
      frame(7, 1, 2),
      frame(100),
      frame(0, 3, 0),
    )

    let closed = 0
    for (const [index, bytes] of hostile.entries()) {
      if (index % 25 === 0) a.doc.getMap('notes').set(`a${index}`, index)
      if (index % 25 === 12) b.doc.getMap('notes').set(`b${index}`, index)
      const ws = await h.raw('m1', `p-hostile-${index}`)
      ws.send(bytes)
      const code = await Promise.race([ws.closeCode, sleep(150).then(() => null)])
      if (code !== null) closed++
      ws.terminate()
    }
    // Almost everything is malformed; a bit flip inside a string can still be a valid update.
    expect(closed).toBeGreaterThan(hostile.length * 0.9)

    await waitFor(async () => {
      const stored = await h.relay.readDocState('m1')
      if (!stored) return false
      const doc = new Y.Doc()
      Y.applyUpdate(doc, stored)
      const json = canonical(doc)
      return json === canonical(a.doc) && json === canonical(b.doc)
    }, 'stored doc equals the honest clients', 10_000)
    const stored = new Y.Doc()
    Y.applyUpdate(stored, (await h.store.load('m1').then((r) => (r.ok ? r.value?.state : undefined)))!)
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(a.doc))
    expect(a.wsconnected && b.wsconnected).toBe(true)
    expect(h.relay.stats().counters.roomResets).toBe(0)
    expect(a.doc.getMap('notes').size).toBeGreaterThanOrEqual(10)
  })
})
