/**
 * A seeded pseudo-random source (mulberry32) for fuzz tests and benchmarks: a failure reproduces
 * from the printed seed.
 *
 * ```ts
 * const random = createSeededRandom(7)
 * random.next()          // [0, 1)
 * random.int(4)          // 0..3
 * random.pick(['a', 'b'])
 * ```
 */
export interface SeededRandom {
  readonly seed: number
  next(): number
  /** An integer in `[0, below)`. */
  int(below: number): number
  pick<T>(items: readonly T[]): T
  chance(probability: number): boolean
}

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed | 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (below: number): number => Math.floor(next() * below)
  return {
    seed,
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list')
      return items[int(items.length)] as T
    },
    chance: (probability) => next() < probability,
  }
}

/** Seeds from `RELAY_FUZZ_SEED` (one), else `RELAY_FUZZ_SEEDS` (count) or `defaultCount`, as 1..n. */
export function fuzzSeeds(env: NodeJS.ProcessEnv, defaultCount: number): number[] {
  if (env.RELAY_FUZZ_SEED) return [Number(env.RELAY_FUZZ_SEED)]
  const count = env.RELAY_FUZZ_SEEDS ? Number(env.RELAY_FUZZ_SEEDS) : defaultCount
  if (!Number.isInteger(count) || count < 1) throw new RangeError('RELAY_FUZZ_SEEDS must be a positive integer')
  return Array.from({ length: count }, (_, i) => i + 1)
}
