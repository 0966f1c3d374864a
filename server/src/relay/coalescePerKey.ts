/**
 * Calls `emit(key)` at most once per `delayMs` per key: the first `touch(key)` starts the wait,
 * touches of that key meanwhile ride along. A steady stream of touches never postpones the call
 * past `delayMs` (unlike a debounce). Timers do not keep the process alive.
 *
 *   const onlineChanges = coalescePerKey(300, (meetingId) => events.rosterChanged(meetingId))
 *   onlineChanges.touch(meetingId)   // ten phones reconnecting: one call
 *   onlineChanges.stop()             // on shutdown: pending calls are dropped, later touches ignored
 */

/** @internal */
export interface PerKeyCoalescer {
  touch(key: string): void
  stop(): void
}

/** @internal */
export function coalescePerKey(delayMs: number, emit: (key: string) => void): PerKeyCoalescer {
  const waiting = new Map<string, NodeJS.Timeout>()
  let stopped = false
  return {
    touch(key) {
      if (stopped || waiting.has(key)) return
      const timer = setTimeout(() => {
        waiting.delete(key)
        emit(key)
      }, delayMs)
      timer.unref()
      waiting.set(key, timer)
    },
    stop() {
      stopped = true
      for (const timer of waiting.values()) clearTimeout(timer)
      waiting.clear()
    },
  }
}
