/**
 * Colour sums for contrast checks on what a page paints, from `getComputedStyle` colours
 * (`rgb(…)`/`rgba(…)`).
 *
 *   contrast('rgb(255, 255, 255)', 'rgb(47, 93, 138)') // 7.0…
 *   overlay('rgba(51, 181, 229, 0.4)', 'rgb(47, 93, 138)') // what shows under a translucent layer
 */

const channels = (colour: string): number[] => (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number)

/** WCAG contrast ratio of two opaque colours. */
export function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r = 0, g = 0, b = 0] = channels(colour).map((c) => {
      const s = c / 255
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** The opaque colour seen where translucent `top` is painted over opaque `bottom`. */
export function overlay(top: string, bottom: string): string {
  const [r = 0, g = 0, b = 0, alpha = 1] = channels(top)
  const under = channels(bottom)
  const mix = [r, g, b].map((c, i) => Math.round(c * alpha + (under[i] ?? 0) * (1 - alpha)))
  return `rgb(${mix.join(', ')})`
}
