import { describe, expect, it } from 'vitest'
import { createWriteBatcher } from './writeBatcher.ts'

const fakeStream = () => {
  const calls: string[] = []
  return { calls, cork: () => void calls.push('cork'), uncork: () => void calls.push('uncork') }
}

describe('createWriteBatcher', () => {
  it('corks each stream once per tick and uncorks every held stream after it', async () => {
    const batcher = createWriteBatcher()
    const a = fakeStream()
    const b = fakeStream()
    batcher.hold(a)
    batcher.hold(a)
    batcher.hold(b)
    expect(a.calls).toEqual(['cork'])
    await new Promise((resolve) => setImmediate(resolve))
    expect(a.calls).toEqual(['cork', 'uncork'])
    expect(b.calls).toEqual(['cork', 'uncork'])
    batcher.hold(a)
    await new Promise((resolve) => setImmediate(resolve))
    expect(a.calls).toEqual(['cork', 'uncork', 'cork', 'uncork'])
  })
})
