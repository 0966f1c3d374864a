import { describe, expect, it } from 'vitest'
import { encodeAwarenessEntries, encodeAwarenessEntry, encodeAwarenessFrame, encodeAwarenessMessage } from './awareness.ts'
import { decodeClientMessage } from './decodeClientMessage.ts'

const entry = (clientId: number, stateBytes: number) => ({
  clientId,
  clock: clientId * 7,
  stateJson: JSON.stringify({ cursor: 'x'.repeat(stateBytes) }),
  stateBytes: 0,
})

describe('encodeAwarenessFrame', () => {
  // Entry counts and sizes on both sides of each varUint length boundary (1, 2 and 3 bytes).
  it.each([
    [1, 10],
    [3, 40],
    [127, 1],
    [128, 1],
    [40, 400],
    [200, 120],
  ])('writes the same bytes as lib0 for %i entries of %i-byte states', (count, stateBytes) => {
    const entries = Array.from({ length: count }, (_, i) => entry(i + 1, stateBytes))
    const framed = encodeAwarenessFrame(entries.map(encodeAwarenessEntry))
    expect(framed).toEqual(encodeAwarenessMessage(encodeAwarenessEntries(entries)))
    const decoded = decodeClientMessage(framed)
    expect(decoded.ok && decoded.value.type === 'awareness' && decoded.value.entries.map((e) => e.clientId)).toEqual(entries.map((e) => e.clientId))
  })
})
