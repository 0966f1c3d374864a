/**
 * Event-loop delay as a figure to print: `monitorEventLoopDelay` records how long each tick of
 * its timer took, resolution included (an idle loop reads ~10 ms at resolution 10), so the
 * resolution is taken off to leave the delay itself.
 *
 *   const delay = watchLoopDelay()   // …work…   delay.p99Ms(), delay.maxMs(), delay.reset()
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'

const RESOLUTION_MS = 10

export interface LoopDelayWatch {
  p99Ms(): number
  maxMs(): number
  reset(): void
  stop(): void
}

export function watchLoopDelay(): LoopDelayWatch {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  histogram.enable()
  const beyondResolution = (nanos: number) => Math.max(0, nanos / 1e6 - RESOLUTION_MS)
  return {
    p99Ms: () => beyondResolution(histogram.percentile(99)),
    maxMs: () => beyondResolution(histogram.max),
    reset: () => histogram.reset(),
    stop: () => histogram.disable(),
  }
}
