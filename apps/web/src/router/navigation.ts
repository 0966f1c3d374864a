/**
 * A tiny router on the history API: `navigate` changes the address without a reload, and
 * `useRoute` re-renders on every change (ours or the browser's back/forward).
 *
 *   navigate(meetingPath(id), { replace: true })
 *   const route = useRoute()
 */
import { useSyncExternalStore } from 'react'
import { matchRoute, type Route } from './matchRoute.ts'

const NAVIGATE_EVENT = 'safetymap:navigate'

let pageLoads = false

/**
 * Makes `navigate` load each path as a new page. For the list page's own bundle
 * (src/phone/listMain.tsx), which holds no other page: the main app serves the next one.
 */
export function navigateByPageLoads(): void {
  pageLoads = true
}

/** Goes to `path` inside the app. `replace` drops the current entry (used after a link's secret is spent). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (pageLoads) {
    if (options.replace) window.location.replace(path)
    else window.location.assign(path)
    return
  }
  if (options.replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

const readPathname = () => window.location.pathname

/** The route for the current address. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, readPathname)
  return matchRoute(pathname)
}
