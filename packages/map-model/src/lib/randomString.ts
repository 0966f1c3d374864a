/**
 * Owns random strings for record ids and index jitter, from the platform's
 * `crypto.getRandomValues` (browsers and Node ≥ 19 alike; no Node built-in import).
 *
 * ```ts
 * randomString(21) // 'h3XbQ0...' (URL-safe base62)
 * ```
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** `length` characters drawn uniformly from `alphabet` (base62 by default). */
export function randomString(length: number, alphabet: string = BASE62): string {
  const bytes = new Uint32Array(length)
  globalThis.crypto.getRandomValues(bytes)
  let out = ''
  for (const byte of bytes) out += alphabet[byte % alphabet.length]
  return out
}
