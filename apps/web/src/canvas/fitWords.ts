/**
 * Fits words to a box of fixed size on the canvas (a restricted note, a toolkit card): shrinks them
 * in steps of a tenth of their type, down to a share of it, then cuts them with "…" to the lines
 * that fit. The element must measure its own box (a flex child with `min-height: 0`) and be a
 * `display: -webkit-box; -webkit-box-orient: vertical` block, so the cut can be a line clamp;
 * its type is set in `em` of its parent's.
 *
 *   useLayoutEffect(() => setCut(!fitWords(words.current!)), [text, w, h])
 */

/** The smallest share of their type the words shrink to before the rest is cut. */
export const SMALLEST_WORDS = 0.6

/**
 * Shrinks `words` until they fit their box, down to `smallest` of their type, then cuts them to
 * the lines that fit; false when cut.
 */
export function fitWords(words: HTMLElement, smallest = SMALLEST_WORDS): boolean {
  const overflows = () => words.scrollHeight > words.clientHeight + 1
  words.style.fontSize = ''
  words.style.webkitLineClamp = ''
  for (let share = 1; overflows() && share > smallest; ) {
    share = Math.round((share - 0.1) * 10) / 10
    words.style.fontSize = `${share}em`
  }
  if (!overflows()) return true
  words.style.webkitLineClamp = String(Math.max(1, Math.floor(words.clientHeight / parseFloat(getComputedStyle(words).lineHeight))))
  return false
}
