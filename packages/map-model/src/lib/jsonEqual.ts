/**
 * Owns structural equality of JSON values, used to skip writes that would change nothing (every
 * Yjs write grows the doc's history, even an identical one).
 *
 * ```ts
 * jsonEqual({ a: 1, b: [2] }, { b: [2], a: 1 }) // true: key order does not matter
 * ```
 */

/** True when `a` and `b` are the same JSON value. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]))
  }
  const aKeys = Object.keys(a)
  const bRecord = b as Record<string, unknown>
  if (aKeys.length !== Object.keys(bRecord).length) return false
  return aKeys.every(
    (key) => Object.hasOwn(bRecord, key) && jsonEqual((a as Record<string, unknown>)[key], bRecord[key]),
  )
}
