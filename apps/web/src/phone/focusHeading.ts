/**
 * Moves the focus, and with it a screen reader, to a heading of the list: headings take the focus
 * only by script, so it is made focusable (`tabIndex` -1, still out of the Tab order) first.
 *
 *   focusHeading(section.querySelector('h3'))
 */
export function focusHeading(heading: HTMLElement | null | undefined, options?: FocusOptions): void {
  if (!heading) return
  heading.tabIndex = -1
  heading.focus(options)
}
