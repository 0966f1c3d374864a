import { describe, expect, it } from 'vitest'
import { AdmissionGate } from './AdmissionGate.ts'

describe('AdmissionGate (RL-14)', () => {
  it('runs at most `concurrency` steps at once, in arrival order, and lets other work in between', async () => {
    const gate = new AdmissionGate(2)
    const order: string[] = []
    let running = 0
    let peak = 0
    const step = (name: string) =>
      gate.run(async () => {
        running++
        peak = Math.max(peak, running)
        order.push(name)
        await new Promise((resolve) => setImmediate(resolve))
        running--
      })
    // A live message arriving meanwhile: with 20 joins queued it must not wait for all of them.
    let liveAt = -1
    setImmediate(() => setImmediate(() => (liveAt = order.length)))
    await Promise.all(Array.from({ length: 20 }, (_, i) => step(`join-${i}`)))
    expect(peak).toBe(2)
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => `join-${i}`))
    expect(liveAt).toBeGreaterThan(0)
    expect(liveAt).toBeLessThan(20)
    expect(gate.queued).toBe(0)
  })

  it('releases the slot when a step throws', async () => {
    const gate = new AdmissionGate(1)
    await expect(gate.run(() => Promise.reject(new Error('load failed')))).rejects.toThrow('load failed')
    await expect(gate.run(() => 'next')).resolves.toBe('next')
  })
})
