import { describe, expect, it } from 'vitest'
import { TokenBucket } from './TokenBucket.ts'

describe('TokenBucket', () => {
  it('allows a burst up to its capacity, then refuses until time refills it (bar item 9)', () => {
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 10 })
    expect([bucket.take(1, 0), bucket.take(1, 0), bucket.take(1, 0), bucket.take(1, 0)]).toEqual([true, true, true, false])
    expect(bucket.take(1, 50)).toBe(false)
    expect(bucket.take(1, 100)).toBe(true)
  })

  it('never refills past its capacity, and charges by cost', () => {
    const bucket = new TokenBucket({ capacity: 100, refillPerSecond: 1_000 })
    expect(bucket.take(100, 0)).toBe(true)
    expect(bucket.take(60, 60_000)).toBe(true)
    expect(bucket.take(60, 60_000)).toBe(false)
  })
})
