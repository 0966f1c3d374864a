/**
 * Several frames to one socket in one write: the first frame sent to a socket in a callback of
 * the event loop corks its stream, and one `process.nextTick` — right after that callback, before
 * the loop moves on — uncorks every corked stream, so Node hands each socket's frames of that
 * callback to the kernel in one `writev` instead of one per frame. The relay sends from few
 * callbacks per tick (a tick's group commit broadcasts every room's updates, each room's presence
 * flush sends its merged message), so that is about one write per socket per tick — without
 * holding any frame until the next turn of a busy loop.
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

/** Corks `stream` until the current callback is done (nested corks by the caller still work). */
export function corkForThisTick(stream: Writable): void {
  if (corked.has(stream)) return
  stream.cork()
  corked.add(stream)
  if (scheduled) return
  scheduled = true
  process.nextTick(uncorkAll)
}
