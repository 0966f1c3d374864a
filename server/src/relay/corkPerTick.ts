/**
 * Several frames to one socket in one write per tick: the first frame sent to a socket in an
 * event-loop tick corks its stream, and one `setImmediate` uncorks every corked stream, so Node
 * hands each socket's frames of that tick to the kernel in one `writev` instead of one per frame.
 *
 * ```ts
 * corkForThisTick(netSocket)
 * ws.send(frame)   // buffered until the end of the tick
 * ```
 */
import type { Writable } from 'node:stream'

const corked = new Set<Writable>()
let scheduled = false

const uncorkAll = (): void => {
  scheduled = false
  const streams = [...corked]
  corked.clear()
  for (const stream of streams) stream.uncork()
}

/** Corks `stream` until the end of this tick (once per tick; nested corks by the caller still work). */
export function corkForThisTick(stream: Writable): void {
  if (corked.has(stream)) return
  stream.cork()
  corked.add(stream)
  if (scheduled) return
  scheduled = true
  setImmediate(uncorkAll)
}
