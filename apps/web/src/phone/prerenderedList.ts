/**
 * The list the server wrote into the page (server/src/http/phoneListPage.ts): for a member of the
 * meeting, `/m/:id/list` arrives with the map in it and the app's root hidden, so a slow phone
 * shows the items before the app's code and the sync socket arrive. It stays until the live list
 * can show the map as new as it (handOver.ts) or has something else to say (signed out, removed,
 * another page); then the live list replaces it in the same frame.
 *
 *   prerenderedStateVector() // the Yjs state vector of the doc the server wrote it from
 *   useLayoutEffect(() => { if (ready) dropPrerenderedList() }, [ready]) // same frame as the live list's map
 */

/** The server's element (the same id in phoneListPage.ts). */
const PRERENDER_ID = 'phone-prerender'

/** Removes the server's list and shows the app's root in its place; nothing when there is none. */
export function dropPrerenderedList(): void {
  const prerendered = document.getElementById(PRERENDER_ID)
  if (!prerendered) return
  prerendered.remove()
  document.getElementById('root')?.removeAttribute('hidden')
}

/** The Yjs state vector of the doc the server wrote its list from, or `null` when the page has no such list. */
export function prerenderedStateVector(): Uint8Array | null {
  const encoded = document.getElementById(PRERENDER_ID)?.dataset.stateVector
  if (!encoded) return null
  try {
    return Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0))
  } catch {
    return null
  }
}
