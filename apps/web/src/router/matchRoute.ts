/**
 * The app's routes, matched from a pathname. Pure, so it is tested without a browser.
 * Secrets (invite tokens, setup codes) travel in the URL fragment and are read by their pages.
 *
 *   matchRoute('/m/abc') // { name: 'meeting', meetingId: 'abc' }
 */

/** A page the app can show. */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'setup' }
  | { readonly name: 'join' }
  | { readonly name: 'meeting'; readonly meetingId: string }
  | { readonly name: 'notFound' }

/** The route for `pathname` (a trailing slash is ignored). */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  if (path === '/' || path === '') return { name: 'home' }
  if (path === '/setup') return { name: 'setup' }
  if (path === '/join') return { name: 'join' }
  const meeting = /^\/m\/([^/]+)$/.exec(path)
  if (meeting?.[1]) {
    try {
      return { name: 'meeting', meetingId: decodeURIComponent(meeting[1]) }
    } catch {
      return { name: 'notFound' }
    }
  }
  return { name: 'notFound' }
}

/** The path of a meeting page. */
export function meetingPath(meetingId: string): string {
  return `/m/${encodeURIComponent(meetingId)}`
}
