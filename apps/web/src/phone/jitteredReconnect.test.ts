import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { shouldReconnect } from '../access/useRelayClose.ts'
import { attachJitteredReconnect, reconnectDelayMs, RECONNECT_MAX_MS, type VisiblePage } from './jitteredReconnect.ts'

type Handler = (...args: unknown[]) => void

function fakeProvider() {
  const handlers = new Map<string, Set<Handler>>()
  const provider = {
    shouldConnect: true,
    shouldReconnect,
    connects: 0,
    on(name: string, h: Handler) {
      if (!handlers.has(name)) handlers.set(name, new Set())
      handlers.get(name)!.add(h)
    },
    off(name: string, h: Handler) {
      handlers.get(name)?.delete(h)
    },
    emit(name: string, ...args: unknown[]) {
      for (const h of handlers.get(name) ?? []) h(...args)
    },
    connect() {
      provider.shouldConnect = true
      provider.connects += 1
    },
  }
  return provider
}

/** A page that can be hidden and shown, as a phone does with a tab in the background. */
function fakePage() {
  const listeners = new Set<() => void>()
  return {
    visibilityState: 'hidden' as DocumentVisibilityState,
    addEventListener: (_name: string, h: () => void) => void listeners.add(h),
    removeEventListener: (_name: string, h: () => void) => void listeners.delete(h),
    show() {
      this.visibilityState = 'visible'
      for (const h of listeners) h()
    },
    listeners,
  }
}

function fakeTimers() {
  const timers: { run: () => void; ms: number; cleared: boolean }[] = []
  return {
    timers,
    setTimer: (run: () => void, ms: number) => {
      const t = { run, ms, cleared: false }
      timers.push(t)
      return t
    },
    clearTimer: (t: unknown) => {
      ;(t as { cleared: boolean }).cleared = true
    },
  }
}

describe('reconnectDelayMs', () => {
  it('grows exponentially, stays within half to all of the step, and is capped', () => {
    expect(reconnectDelayMs(1, 0)).toBe(250)
    expect(reconnectDelayMs(1, 0.999)).toBeLessThanOrEqual(500)
    expect(reconnectDelayMs(2, 0)).toBe(500)
    expect(reconnectDelayMs(4, 0.5)).toBe(3000)
    expect(reconnectDelayMs(50, 0.999)).toBeLessThanOrEqual(RECONNECT_MAX_MS)
    expect(reconnectDelayMs(50, 0)).toBe(RECONNECT_MAX_MS / 2)
  })

  it('never keeps a phone waiting more than a few seconds between tries, however long the relay was away', () => {
    for (let attempt = 1; attempt <= 60; attempt++) expect(reconnectDelayMs(attempt, 0.999)).toBeLessThanOrEqual(4_000)
  })

  it('spreads phones that dropped together over the step', () => {
    const delays = new Set([0, 0.25, 0.5, 0.75].map((r) => reconnectDelayMs(3, r)))
    expect(delays.size).toBe(4)
  })
})

describe('which closes the phone retries', () => {
  it.each([
    [4400, '', false],
    [4403, 'RELAY_ACCESS_REVOKED', false],
    [4499, '', false],
    [4002, 'MEETING_FINALIZED_EDITS_REFUSED', false],
    [4002, 'MEETING_FINALIZED', true],
    [4500, '', true],
    [1006, '', true],
    [1001, '', true],
  ])('%i %s → retried: %s', (code, reason, retried) => {
    const provider = fakeProvider()
    const timers = fakeTimers()
    attachJitteredReconnect(provider as unknown as WebsocketProvider, timers)
    provider.emit('connection-close', { code, reason })
    expect(timers.timers.length).toBe(retried ? 1 : 0)
  })
})

describe('attachJitteredReconnect', () => {
  it('replaces the provider retry with a jittered one and resets after a sync', () => {
    const provider = fakeProvider()
    const timers = fakeTimers()
    const stop = attachJitteredReconnect(provider as unknown as WebsocketProvider, { random: () => 0, ...timers })
    provider.emit('connection-close', { code: 1006 })
    expect(provider.shouldConnect).toBe(false)
    expect(timers.timers.map((t) => t.ms)).toEqual([250])
    timers.timers[0]!.run()
    expect(provider.connects).toBe(1)
    provider.emit('connection-close', { code: 1006 })
    expect(timers.timers[1]!.ms).toBe(500)
    provider.emit('sync', true)
    timers.timers[1]!.run()
    provider.emit('connection-close', null)
    expect(timers.timers[2]!.ms).toBe(250)
    stop()
    expect(timers.timers[2]!.cleared).toBe(true)
  })

  it('leaves terminal closes and deliberate disconnects alone', () => {
    const provider = fakeProvider()
    const timers = fakeTimers()
    attachJitteredReconnect(provider as unknown as WebsocketProvider, timers)
    provider.emit('connection-close', { code: 4403 })
    expect(provider.shouldConnect).toBe(true)
    provider.shouldConnect = false
    provider.emit('connection-close', null)
    expect(timers.timers).toEqual([])
  })

  it('drops its timer when something else reconnects first', () => {
    const provider = fakeProvider()
    const timers = fakeTimers()
    attachJitteredReconnect(provider as unknown as WebsocketProvider, timers)
    provider.emit('connection-close', { code: 1006 })
    provider.emit('status', { status: 'connecting' })
    expect(timers.timers[0]!.cleared).toBe(true)
  })
})

describe('coming back into view', () => {
  it('retries at once when the page shows again while waiting to retry, and only then', () => {
    const provider = fakeProvider()
    const timers = fakeTimers()
    const page = fakePage()
    const stop = attachJitteredReconnect(provider as unknown as WebsocketProvider, { ...timers, page: page as unknown as VisiblePage })
    // Connected: showing the page does nothing.
    page.show()
    expect(provider.connects).toBe(0)
    page.visibilityState = 'hidden'
    provider.emit('connection-close', { code: 1006 })
    page.show()
    expect(provider.connects).toBe(1)
    expect(timers.timers[0]!.cleared).toBe(true)
    // A final close leaves nothing to retry.
    page.visibilityState = 'hidden'
    provider.emit('connection-close', { code: 4403 })
    page.show()
    expect(provider.connects).toBe(1)
    stop()
    expect(page.listeners.size).toBe(0)
  })
})
