/**
 * Admission control for the heavy steps of a join (RL-14): room loads and full sync answers.
 * At most `concurrency` run at once, relay-wide; the rest wait in arrival order and each waiting
 * one starts in a later event-loop turn. A reconnect storm of hundreds of clients is so spread
 * over many short turns — heartbeats, live edits and cursors keep flowing between them — instead
 * of one long stall.
 *
 * ```ts
 * const joins = new AdmissionGate(limits.joinConcurrency)
 * const state = await joins.run(() => encodeSyncStep2(doc, stateVector))
 * ```
 */

/** @internal */
export class AdmissionGate {
  private running = 0
  private readonly waiting: Array<() => void> = []
  private readonly concurrency: number

  constructor(concurrency: number) {
    this.concurrency = concurrency
  }

  /** Steps waiting for a slot. */
  get queued(): number {
    return this.waiting.length
  }

  /** Runs `task` once a slot is free; the slot is released when it settles. */
  async run<T>(task: () => T | Promise<T>): Promise<T> {
    if (this.running < this.concurrency && this.waiting.length === 0) this.running++
    else await new Promise<void>((resolve) => this.waiting.push(resolve))
    try {
      return await task()
    } finally {
      this.release()
    }
  }

  private release(): void {
    const next = this.waiting.shift()
    // The slot passes straight to the next step, in a later turn of the loop.
    if (next) setImmediate(next)
    else this.running--
  }
}
