/**
 * A ref that moves the focus to its element when the element appears, in place of `autoFocus`:
 * React focuses such an element itself, but the list page runs on Preact (vite.list.config.ts),
 * which only writes the HTML attribute, and a browser honours that only while the page loads.
 * One function for every element, so neither library calls it again on a re-render.
 *
 *   <textarea ref={focusOnMount} />
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus()
}
