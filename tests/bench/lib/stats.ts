/** Small statistics helpers for benchmark reports. */
export function percentile(values: ArrayLike<number> & Iterable<number>, p: number): number {
  if (values.length === 0) return NaN
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export const median = (values: ArrayLike<number> & Iterable<number>): number => percentile(values, 50)

/**
 * An append-only list of samples in a typed array that doubles as it fills: a benchmark records
 * ~100,000 latencies a run, and as boxed entries of a JS array they survive every young-generation
 * GC of the load generator, making each pause longer (and every delivery behind it look late).
 */
export class SampleLog {
  private data = new Float64Array(1024)
  private length = 0

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }

  get size(): number {
    return this.length
  }

  /** The samples so far, as a view: writing to it changes them. */
  values(): Float64Array {
    return this.data.subarray(0, this.length)
  }

  clear(): void {
    this.length = 0
  }
}
