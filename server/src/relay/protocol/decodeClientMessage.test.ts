import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeAwarenessEntries, encodeAwarenessEntry } from './awareness.ts'
import { decodeClientMessage } from './decodeClientMessage.ts'

const frame = (...parts: Array<(e: encoding.Encoder) => void>): Uint8Array => {
  const e = encoding.createEncoder()
  for (const part of parts) part(e)
  return encoding.toUint8Array(e)
}
const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n)
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b)
const raw = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeUint8Array(e, b)

/** A map-like update of a few hundred bytes (the size measured in relay-notes §3). */
const sampleUpdate = (): Uint8Array => {
  const doc = new Y.Doc()
  const notes = doc.getMap('notes')
  for (let i = 0; i < 18; i++) notes.set(`shape:${i}`, { x: i * 10, y: i, text: `note ${i}` })
  return Y.encodeStateAsUpdate(doc)
}

/** Deterministic PRNG (mulberry32), so failures reproduce from the printed seed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

describe('decodeClientMessage', () => {
  it('decodes sync step 1, step 2 and update frames (RL-1)', () => {
    const update = sampleUpdate()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, update)
    const sv = Y.encodeStateVector(doc)
    expect(decodeClientMessage(frame(uint(0), uint(0), bytes(sv)))).toMatchObject({ ok: true, value: { type: 'sync-step-1', stateVector: sv } })
    expect(decodeClientMessage(frame(uint(0), uint(1), bytes(update)))).toMatchObject({ ok: true, value: { type: 'sync-step-2', update } })
    expect(decodeClientMessage(frame(uint(0), uint(2), bytes(update)))).toMatchObject({ ok: true, value: { type: 'sync-update', update } })
  })

  it('returns an update that owns its bytes, not a view into the frame', () => {
    const message = frame(uint(0), uint(2), bytes(sampleUpdate()))
    const decoded = decodeClientMessage(message)
    if (!decoded.ok || decoded.value.type !== 'sync-update') throw new Error('expected an update')
    expect(decoded.value.update.buffer).not.toBe(message.buffer)
  })

  it('rejects every truncation of a valid update (RL-2)', () => {
    const update = sampleUpdate()
    expect(update.length).toBeGreaterThan(200)
    for (let cut = 0; cut < update.length; cut++) {
      const decoded = decodeClientMessage(frame(uint(0), uint(2), bytes(update.subarray(0, cut))))
      expect(decoded.ok, `prefix of ${cut} bytes`).toBe(false)
    }
  })

  it('rejects every truncation of the frame itself (RL-2)', () => {
    const message = frame(uint(0), uint(1), bytes(sampleUpdate()))
    for (let cut = 0; cut < message.length; cut++) {
      expect(decodeClientMessage(message.subarray(0, cut)).ok, `frame cut at ${cut}`).toBe(false)
    }
  })

  it('rejects trailing bytes after the payload (RL-2)', () => {
    const update = sampleUpdate()
    expect(decodeClientMessage(frame(uint(0), uint(2), bytes(update), uint(0))).ok).toBe(false)
    expect(decodeClientMessage(frame(uint(3), uint(0))).ok).toBe(false)
  })

  it('rejects bytes after the update inside the payload, which Y.decodeUpdate alone accepts (RL-2)', () => {
    const update = sampleUpdate()
    const padded = Uint8Array.of(...update, 0, 7)
    expect(() => Y.decodeUpdate(padded)).not.toThrow()
    expect(decodeClientMessage(frame(uint(0), uint(2), bytes(padded))).ok).toBe(false)
    expect(decodeClientMessage(frame(uint(0), uint(1), bytes(padded))).ok).toBe(false)
  })

  it('rejects random update payloads that Yjs cannot decode (seeded)', () => {
    const seed = 20240611
    const next = random(seed)
    let rejected = 0
    for (let i = 0; i < 2000; i++) {
      const blob = Uint8Array.from({ length: 1 + Math.floor(next() * 64) }, () => Math.floor(next() * 256))
      const decoded = decodeClientMessage(frame(uint(0), uint(2), bytes(blob)))
      if (!decoded.ok) rejected++
      // Whatever passes must really be a complete update.
      else expect(() => Y.decodeUpdate(blob), `seed ${seed}, blob ${i}`).not.toThrow()
    }
    expect(rejected, `seed ${seed}`).toBeGreaterThan(1990)
  })

  it('rejects a length prefix larger than the frame', () => {
    expect(decodeClientMessage(frame(uint(0), uint(2), uint(1_000_000), raw(Uint8Array.of(0, 0)))).ok).toBe(false)
  })

  it('rejects unknown message and sync types, including client-sent auth', () => {
    expect(decodeClientMessage(frame(uint(2), uint(0))).ok).toBe(false)
    expect(decodeClientMessage(frame(uint(7))).ok).toBe(false)
    expect(decodeClientMessage(frame(uint(0), uint(3), bytes(new Uint8Array(2)))).ok).toBe(false)
    expect(decodeClientMessage(new Uint8Array(0)).ok).toBe(false)
  })

  it('decodes awareness entries, keeping their JSON text and the state it parsed', () => {
    const update = encodeAwarenessEntries([
      { clientId: 7, clock: 3, stateJson: '{"user":{"id":"p1"}}', stateBytes: 20 },
      { clientId: 9, clock: 1, stateJson: 'null', stateBytes: 4 },
    ])
    const decoded = decodeClientMessage(frame(uint(1), bytes(update)))
    expect(decoded).toEqual({
      ok: true,
      value: {
        type: 'awareness',
        entries: [
          { clientId: 7, clock: 3, stateJson: '{"user":{"id":"p1"}}', stateBytes: 20, encoded: encodeAwarenessEntry({ clientId: 7, clock: 3, stateJson: '{"user":{"id":"p1"}}' }), state: { user: { id: 'p1' } } },
          { clientId: 9, clock: 1, stateJson: 'null', stateBytes: 4, encoded: encodeAwarenessEntry({ clientId: 9, clock: 1, stateJson: 'null' }), state: null },
        ],
      },
    })
  })

  it('rejects awareness with invalid JSON, invalid UTF-8, a lying count or trailing bytes', () => {
    const entry = (json: Uint8Array) => frame(uint(1), bytes(frame(uint(1), uint(5), uint(1), bytes(json))))
    expect(decodeClientMessage(entry(new TextEncoder().encode('{"a":'))).ok).toBe(false)
    expect(decodeClientMessage(entry(Uint8Array.of(0xff, 0xfe))).ok).toBe(false)
    expect(decodeClientMessage(frame(uint(1), bytes(frame(uint(5_000), uint(1))))).ok).toBe(false)
    expect(decodeClientMessage(frame(uint(1), bytes(frame(uint(0), uint(0))))).ok).toBe(false)
  })

  it('decodes a bare query-awareness frame', () => {
    expect(decodeClientMessage(frame(uint(3)))).toEqual({ ok: true, value: { type: 'query-awareness' } })
  })
})
