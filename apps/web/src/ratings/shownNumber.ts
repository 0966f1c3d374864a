/**
 * The number the board may show on a person's mark (map-model MM-22 … MM-24): none while its line
 * is private until the reveal — also for a number given in the open before the line went private,
 * since the board is often projected. Such a mark is drawn as "has rated", as a private rating
 * is (RatedMarkerShapeUtil), and shows its number again once the reveal makes the line public.
 *
 *   shownNumber(mark.props, privateScales) // 6, or null while the line is private
 */

/** The mark's number, or `null` while its line is in `privateScales`. */
export function shownNumber(mark: { readonly scaleId: string; readonly value: number }, privateScales: readonly string[]): number | null {
  return privateScales.includes(mark.scaleId) ? null : mark.value
}
