import { describe, expect, it } from 'vitest'
import { createPoller, type PollVerdict } from './createPoller.ts'

/** Fake timers: `tick()` runs the pending timer, if any. */
function fakeTimers() {
  let pending: { run: () => void; ms: number } | null = null
  return {
    setTimer: (run: () => void, ms: number) => {
      pending = { run, ms }
      return pending
    },
    clearTimer: (handle: unknown) => {
      if (pending === handle) pending = null
    },
    get pendingMs() {
      return pending?.ms ?? null
    },
    tick() {
      const current = pending
      pending = null
      current?.run()
    },
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createPoller', () => {
  it('checks at once, then again after the interval, until a check says stop', async () => {
    const timers = fakeTimers()
    const answers: PollVerdict[] = ['continue', 'continue', 'stop']
    let calls = 0
    const poller = createPoller({ intervalMs: 2000, check: async () => answers[calls++] ?? 'stop', ...timers })
    await settle()
    expect(calls).toBe(1)
    expect(timers.pendingMs).toBe(2000)
    timers.tick()
    await settle()
    timers.tick()
    await settle()
    expect(calls).toBe(3)
    expect(poller.stopped).toBe(true)
    expect(timers.pendingMs).toBeNull()
  })

  it('keeps going after a failed check, and stops for good when cancelled', async () => {
    const timers = fakeTimers()
    let calls = 0
    const poller = createPoller({
      intervalMs: 50,
      check: async () => {
        calls += 1
        throw new Error('network down')
      },
      ...timers,
    })
    await settle()
    expect(timers.pendingMs).toBe(50)
    poller.stop()
    expect(timers.pendingMs).toBeNull()
    timers.tick()
    await settle()
    expect(calls).toBe(1)
  })

  it('ignores an answer that arrives after it was cancelled', async () => {
    const timers = fakeTimers()
    let release: (verdict: PollVerdict) => void = () => undefined
    const poller = createPoller({ intervalMs: 10, check: () => new Promise((resolve) => (release = resolve)), ...timers })
    poller.stop()
    release('continue')
    await settle()
    expect(timers.pendingMs).toBeNull()
  })
})
