/**
 * Batches a tick's frames per socket into one write: the first frame sent to a socket in a tick
 * corks its TCP stream, and one `setImmediate` for the whole relay uncorks every corked stream
 * after the poll phase. Under load a socket receives several frames per tick (updates and
 * awareness from different peers); they now leave in one `writev` instead of one syscall each,
 * the biggest cost in the relay's profile.
 *
 * ```ts
 * const batcher = createWriteBatcher()
 * batcher.hold(stream)   // before ws.send(bytes); released after this tick
 * ```
 */

/** The part of a `net.Socket` the batcher uses. @internal */
export interface CorkableStream {
  cork(): void
  uncork(): void
}

/** @internal */
export interface WriteBatcher {
  /** Corks `stream` until the end of this tick (once per tick, however many frames follow). */
  hold(stream: CorkableStream): void
}

/** @internal */
export function createWriteBatcher(): WriteBatcher {
  const held = new Set<CorkableStream>()
  let scheduled = false
  const release = (): void => {
    scheduled = false
    // `end()` on a closing socket uncorks it itself; a second uncork is a no-op.
    for (const stream of held) stream.uncork()
    held.clear()
  }
  return {
    hold(stream) {
      if (held.has(stream)) return
      stream.cork()
      held.add(stream)
      if (!scheduled) {
        scheduled = true
        setImmediate(release)
      }
    },
  }
}
