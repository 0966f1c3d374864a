/**
 * The relay's heartbeat (RL-8), spread over its interval. Sockets are dealt into slices in turn, and
 * each tick of `intervalMs / slices` runs one slice, so every socket is still visited once per
 * `intervalMs`. One tick for every socket wrote 2,000 pings (and brought back 2,000 pongs) at once
 * on a full server: a stall for every meeting on it, every 15 s.
 *
 * ```ts
 * const heartbeat = new Heartbeat(15_000, (socket) => socket.heartbeat())
 * heartbeat.add(socket); …; heartbeat.delete(socket); heartbeat.stop()
 * ```
 */

/** Slices per interval: with the default 15 s interval, one slice a second. */
const HEARTBEAT_SLICES = 15

/** @internal */
export class Heartbeat<T> {
  private readonly slices: Set<T>[] = Array.from({ length: HEARTBEAT_SLICES }, () => new Set<T>())
  private nextSlice = 0
  private turn = 0
  private readonly timer: NodeJS.Timeout

  /** `beat` runs for each socket once per `intervalMs`. */
  constructor(intervalMs: number, beat: (socket: T) => void) {
    this.timer = setInterval(() => {
      this.turn = (this.turn + 1) % HEARTBEAT_SLICES
      for (const socket of this.slices[this.turn]!) beat(socket)
    }, intervalMs / HEARTBEAT_SLICES)
    this.timer.unref()
  }

  add(socket: T): void {
    this.slices[this.nextSlice]!.add(socket)
    this.nextSlice = (this.nextSlice + 1) % HEARTBEAT_SLICES
  }

  delete(socket: T): void {
    for (const slice of this.slices) if (slice.delete(socket)) return
  }

  stop(): void {
    clearInterval(this.timer)
  }
}
