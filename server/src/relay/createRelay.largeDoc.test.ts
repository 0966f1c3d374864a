/**
 * Large docs are encoded off the event loop (RL-15) and joins are admitted a few at a time
 * (RL-14), over real sockets: joiners get the current committed state from the worker's replica,
 * and compaction stores it.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RelayHarness, notesOf, synced, waitFor, type RawClient } from './testing/RelayHarness.ts'

/** A map of `count` notes, each a few hundred bytes of text. */
const bigDoc = (count: number): Uint8Array => {
  const doc = new Y.Doc()
  const notes = doc.getMap('notes')
  doc.transact(() => {
    for (let i = 0; i < count; i++) notes.set(`note-${i}`, `${i}: ${'Grandma picks Kai up after school and they walk home by the park. '.repeat(6)}`)
  })
  return Y.encodeStateAsUpdate(doc)
}

const askWholeDoc = (): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
  return encoding.toUint8Array(e)
}

/** The first sync step 2 a raw client received, as a doc's notes. */
const step2Notes = (raw: RawClient): Record<string, unknown> | null => {
  const frame = raw.frames.find((f) => f[0] === 0 && f[1] === 1)
  if (!frame) return null
  const decoder = { arr: frame, pos: 2 }
  const length = readVarUint(decoder)
  return notesOf(frame.subarray(decoder.pos, decoder.pos + length))
}

function readVarUint(d: { arr: Uint8Array; pos: number }): number {
  let value = 0
  for (let shift = 1; ; shift *= 128) {
    const byte = d.arr[d.pos++]!
    value += (byte & 127) * shift
    if (byte < 128) return value
  }
}

describe('relay with large docs', () => {
  let h: RelayHarness

  beforeEach(() => {
    h = new RelayHarness()
  })
  afterEach(async () => {
    await h.dispose()
  })

  it('answers joins and compacts from the worker replica, with every committed change (RL-15)', async () => {
    await h.start({ limits: { offThreadEncodeBytes: 4 * 1024, compactAfterUpdates: 3 } })
    await h.relay.seedDoc('m1', bigDoc(40))
    const a = h.provider('m1', 'p-a')
    await synced(a)
    a.doc.getMap('notes').set('by-a', 'live edit')
    await waitFor(() => h.relay.stats().counters.updatesAccepted === 1, 'a appended')

    const fresh = await h.raw('m1', 'p-b')
    fresh.send(askWholeDoc())
    await waitFor(() => step2Notes(fresh) !== null, 'the fresh joiner answered')
    expect(step2Notes(fresh)).toEqual(a.doc.getMap('notes').toJSON())
    expect(h.relay.stats().counters.offThreadEncodes).toBeGreaterThanOrEqual(1)

    // A reconnecting client with part of the doc gets the rest, diffed by the replica too.
    const partial = new Y.Doc()
    Y.applyUpdate(partial, bigDoc(40))
    const c = h.provider('m1', 'p-c', 'editor', partial)
    await synced(c)
    await waitFor(() => c.doc.getMap('notes').get('by-a') === 'live edit', 'c got the live edit')

    for (let i = 0; i < 3; i++) a.doc.getMap('notes').set(`more-${i}`, i)
    await waitFor(() => h.relay.stats().counters.compactions >= 1, 'a compaction')
    await waitFor(async () => Object.keys(await h.stored('m1')).length === 44, 'the compacted doc stored')
    expect(await h.stored('m1')).toEqual(a.doc.getMap('notes').toJSON())
  })

  it('answers several clients joining a multi-megabyte map at once from the worker (RL-14, RL-15)', async () => {
    await h.start()
    const state = bigDoc(6_000)
    expect(state.byteLength).toBeGreaterThan(2 * 1024 * 1024)
    await h.relay.seedDoc('m1', state)
    // The first client loads the room (applying the stored state is main-thread work).
    const first = await h.raw('m1', 'p-first')
    first.send(askWholeDoc())
    await waitFor(() => step2Notes(first) !== null, 'the first joiner answered', 30_000)
    const joiners = await Promise.all([1, 2, 3].map((i) => h.raw('m1', `p-${i}`)))
    // A state vector naming one unknown client: never the cached reply.
    for (const joiner of joiners) joiner.send(Uint8Array.of(0, 0, 3, 1, 5, 0))
    await waitFor(() => joiners.every((joiner) => step2Notes(joiner) !== null), 'every joiner answered', 30_000)
    expect(Object.keys(step2Notes(joiners[2]!)!)).toHaveLength(6_000)
    expect(h.relay.stats().counters.offThreadEncodes).toBeGreaterThanOrEqual(4)
  }, 60_000)
})
