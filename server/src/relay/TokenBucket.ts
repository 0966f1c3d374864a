/**
 * A token bucket: `capacity` tokens, refilled continuously at `refillPerSecond`. The relay keeps
 * two per connection, one counting messages and one counting bytes (bar item 9).
 *
 * ```ts
 * const messages = new TokenBucket({ capacity: 300, refillPerSecond: 100 })
 * if (!messages.take(1, performance.now())) closeRateLimited()
 * ```
 */

/** @internal */
export class TokenBucket {
  private readonly capacity: number
  private readonly refillPerMs: number
  private tokens: number
  private updatedAtMs: number | null = null

  constructor(options: { capacity: number; refillPerSecond: number }) {
    this.capacity = options.capacity
    this.refillPerMs = options.refillPerSecond / 1000
    this.tokens = options.capacity
  }

  /** Takes `cost` tokens at time `nowMs` if there are enough; returns whether it did. */
  take(cost: number, nowMs: number): boolean {
    if (this.updatedAtMs !== null) {
      this.tokens = Math.min(this.capacity, this.tokens + (nowMs - this.updatedAtMs) * this.refillPerMs)
    }
    this.updatedAtMs = nowMs
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }
}
