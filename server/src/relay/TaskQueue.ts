/**
 * A serial queue of a room's work: load, joins, messages, leaves, compaction, unload. Each task
 * runs to completion (including every store call it awaits) before the next starts, so "append
 * before broadcast" (RL-3) and message order hold for synchronous and asynchronous stores alike.
 *
 * The queue itself is not bounded: its callers are. Each peer may have at most
 * `peerInboxMaxMessages` waiting and a room at most `maxPeersPerRoom` peers; the remaining tasks
 * (load, one per join/leave, timers) are a constant per peer.
 *
 * ```ts
 * const queue = new TaskQueue((error) => logger.error({ err: error }, 'task failed'))
 * queue.push(() => handle(bytes))
 * await queue.pushAndWait(() => compact())
 * ```
 */

interface QueuedTask {
  run(a?: unknown, b?: unknown): unknown
  readonly a?: unknown
  readonly b?: unknown
  cancel(): void
}

/** @internal */
export class TaskQueue {
  private readonly tasks: QueuedTask[] = []
  private running = false
  private readonly onTaskError: (error: unknown) => void

  constructor(onTaskError: (error: unknown) => void) {
    this.onTaskError = onTaskError
  }

  /** Tasks waiting (not counting the running one). */
  get size(): number {
    return this.tasks.length
  }

  /** Queues fire-and-forget work; a throw is reported to `onTaskError` and the queue goes on. */
  push(task: () => void | Promise<void>): void {
    this.tasks.push({ run: task, cancel: noop })
    this.kick()
  }

  /**
   * `push(() => task(a, b))` without making a closure per call: for a room's hot path, one call
   * per message, where `task` is made once.
   */
  pushCall<A, B>(task: (a: A, b: B) => void | Promise<void>, a: A, b: B): void {
    this.tasks.push({ run: task as QueuedTask['run'], a, b, cancel: noop })
    this.kick()
  }

  /** Queues work and resolves with its result; rejects with `cancelError()` if the queue is cleared first. */
  pushAndWait<T>(task: () => T | Promise<T>, cancelError: () => Error): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.tasks.push({
        run: async () => {
          try {
            resolve(await task())
          } catch (error) {
            reject(error)
          }
        },
        cancel: () => reject(cancelError()),
      })
      this.kick()
    })
  }

  /** Drops every waiting task (the running one finishes); waiters are rejected. */
  clear(): void {
    const dropped = this.tasks.splice(0)
    for (const task of dropped) task.cancel()
  }

  private kick(): void {
    if (!this.running) this.drain()
  }

  /**
   * Runs tasks synchronously while they return no promise (most of a room's messages, e.g.
   * presence); at a promise it stops and carries on once that settled.
   */
  private drain(): void {
    this.running = true
    for (let task = this.tasks.shift(); task; task = this.tasks.shift()) {
      let result: unknown
      try {
        result = task.run(task.a, task.b)
      } catch (error) {
        this.onTaskError(error)
        continue
      }
      if (result instanceof Promise) {
        result.catch(this.onTaskError).then(this.resume, this.resume)
        return
      }
    }
    this.running = false
  }

  private readonly resume = (): void => this.drain()
}

const noop = (): void => {}
