/**
 * Moves the focus, and with it a screen reader, to a heading of the list: headings take the focus
 * only by script, so it is made focusable (`tabIndex` -1, still out of the Tab order) first.
 * {@link focusOwnHeading} finds the heading that names the part of the list an element sits in;
 * {@link goToPart} takes the person to a part of the list ("Go there", "Go to a part of the map").
 *
 *   focusHeading(section.querySelector('h3'))
 *   focusOwnHeading(button) // before the button goes
 *   goToPart('phone-section-scale')
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

/**
 * Scrolls the part of the list with id `anchorId` (a heading, or a section) to the top of the
 * screen, clear of the sticky bar (its `scroll-padding-top`, useStickyBar.ts), and moves the focus,
 * and a screen reader, to its heading.
 */
export function goToPart(anchorId: string): void {
  const target = document.getElementById(anchorId)
  target?.scrollIntoView({ block: 'start' })
  focusHeading(target?.matches('h2, h3') ? target : target?.querySelector<HTMLElement>('h2, h3'), { preventScroll: true })
}
