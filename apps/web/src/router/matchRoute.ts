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
  | { readonly name: 'meetingList'; readonly meetingId: string }
  /** A meeting's safety journal on its own: where a journal link leads. */
  | { readonly name: 'meetingJournal'; readonly meetingId: string }
  | { readonly name: 'lobby'; readonly meetingId: string }
  | { readonly name: 'notFound' }

/** The route for `pathname` (a trailing slash is ignored). */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  if (path === '/' || path === '') return { name: 'home' }
  if (path === '/setup') return { name: 'setup' }
  if (path === '/join') return { name: 'join' }
  const lobby = /^\/lobby\/([^/]+)$/.exec(path)
  if (lobby?.[1]) {
    try {
      return { name: 'lobby', meetingId: decodeURIComponent(lobby[1]) }
    } catch {
      return { name: 'notFound' }
    }
  }
  const meeting = /^\/m\/([^/]+)(\/list|\/journal)?$/.exec(path)
  if (meeting?.[1]) {
    try {
      const name = meeting[2] === '/list' ? 'meetingList' : meeting[2] === '/journal' ? 'meetingJournal' : 'meeting'
      return { name, meetingId: decodeURIComponent(meeting[1]) }
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

/** The path of a meeting's safety journal page. */
export function journalPath(meetingId: string): string {
  return `${meetingPath(meetingId)}/journal`
}

/** The path of the lobby where a joiner waits to be let into a meeting. */
export function lobbyPath(meetingId: string): string {
  return `/lobby/${encodeURIComponent(meetingId)}`
}
