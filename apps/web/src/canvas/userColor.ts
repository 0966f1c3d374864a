/**
 * A person's colour: picked from their id, so it is the same on every device and every visit
 * without being stored. The palette is dark enough for white text and distinct on a projector.
 *
 *   userColor('p-12') // '#4d7c0f'
 */

/** Colours people can get, in no particular order. */
export const USER_COLORS = [
  '#c2410c',
  '#1d6fb8',
  '#15803d',
  '#7e22ce',
  '#b91c1c',
  '#0f766e',
  '#a16207',
  '#be185d',
  '#4338ca',
  '#4d7c0f',
  '#0369a1',
  '#9f1239',
] as const

/** The colour for `id` (FNV-1a hash of the id into {@link USER_COLORS}). */
export function userColor(id: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return USER_COLORS[(hash >>> 0) % USER_COLORS.length] ?? USER_COLORS[0]
}
