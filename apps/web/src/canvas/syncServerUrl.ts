/**
 * Where the relay's y-websocket endpoint is: `/sync` on the page's own host (the session cookie
 * authenticates the upgrade). Kept apart from the provider code so the phone view's early start
 * can open a socket without loading Yjs.
 *
 *   syncServerUrl(window.location) // 'wss://maps.county.gov/sync'
 */

/** Path of the relay's y-websocket endpoint; the provider appends `/<meetingId>`. */
export const SYNC_PATH = '/sync'

/** The websocket URL of the relay on the page's own host. */
export function syncServerUrl(origin: { protocol: string; host: string }): string {
  return `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}${SYNC_PATH}`
}
