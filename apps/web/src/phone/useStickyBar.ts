/**
 * Keeps the phone's sticky bar from hiding what it sits over. While the bar stays on screen the
 * document's `scroll-padding-top` is the bar's height, so the browser scrolls a newly focused
 * control (Tab, Shift+Tab, a form opening, "Go there") clear of the bar rather than under it. A bar
 * taller than a quarter of the window (large text on a small phone) stops being sticky and scrolls
 * away with the page, leaving the screen to the map, and shows the meeting's whole name.
 *
 *   const bar = useStickyBar()
 *   <header ref={bar.ref} className={bar.sticky ? 'phone-bar' : 'phone-bar phone-bar-scrolls'}>…</header>
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react'

/** Past this share of the window's height the bar no longer stays on screen. */
export const MAX_STICKY_BAR_SHARE = 0.25

/** Clamps the title to two lines, as on a sticky bar, while the bar is measured (phone.css). */
const MEASURE_CLASS = 'phone-bar-measure'

/** The bar's element and whether it stays on screen. */
export interface StickyBar {
  readonly ref: RefObject<HTMLElement | null>
  readonly sticky: boolean
}

/** Watches the bar's height (text size, title, language, connection status) and the window's. */
export function useStickyBar(): StickyBar {
  const ref = useRef<HTMLElement>(null)
  const [sticky, setSticky] = useState(true)
  useLayoutEffect(() => {
    const bar = ref.current
    if (!bar) return
    const root = document.documentElement
    const fit = () => {
      // Measured as it sticks, its title in two lines: a bar that scrolls away shows the whole title,
      // and that taller bar must not keep it from sticking again once it would fit.
      bar.classList.add(MEASURE_CLASS)
      const height = bar.getBoundingClientRect().height
      bar.classList.remove(MEASURE_CLASS)
      const sticks = height <= window.innerHeight * MAX_STICKY_BAR_SHARE
      setSticky(sticks)
      root.style.scrollPaddingTop = sticks ? `${height}px` : ''
    }
    fit()
    // Its height as measured does not depend on the class it gets: this cannot loop.
    const observer = new ResizeObserver(fit)
    observer.observe(bar)
    window.addEventListener('resize', fit)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', fit)
      root.style.scrollPaddingTop = ''
    }
  }, [])
  return { ref, sticky }
}
