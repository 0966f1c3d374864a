/**
 * Moves the focus, and with it a screen reader, to a heading of the list: headings take the focus
 * only by script, so it is made focusable (`tabIndex` -1, still out of the Tab order) first.
 * {@link focusOwnHeading} finds the heading that names the part of the list an element sits in.
 *
 *   focusHeading(section.querySelector('h3'))
 *   focusOwnHeading(button) // before the button goes
 */
export function focusHeading(heading: HTMLElement | null | undefined, options?: FocusOptions): void {
  if (!heading) return
  heading.tabIndex = -1
  heading.focus(options)
}

/**
 * Focuses the heading of the nearest part of the list around `element` (a scaling line, a
 * section: what names it by `aria-labelledby`), or the page's title outside the list.
 */
export function focusOwnHeading(element: Element): void {
  const named = element.closest('[aria-labelledby]')?.getAttribute('aria-labelledby')?.split(' ')[0]
  focusHeading((named ? document.getElementById(named) : null) ?? document.querySelector('h1'))
}
