/**
 * The service worker (`/serviceWorker.js`, written by the build: vite.config.ts `serviceWorkerFile`):
 * a phone that lost its signal opens the app from here instead of the browser's "No internet" page.
 *
 * - Page loads go to the network first, so a new deploy shows at once when online; only when the
 *   network fails does the kept page answer (list.html for `/m/:id/list`, else index.html). The
 *   server's own answer is never kept: for a member, `/m/:id/list` carries their map.
 * - `/assets/*` (hashed, so never changing) come from the cache first; what was not kept at install
 *   (the board's code, tldraw's fonts and icons) is kept the first time it loads.
 * - Nothing else is touched: the API, the sync socket, exports and any other origin go straight to
 *   the network, never into a cache.
 *
 * It imports nothing: the build transpiles it alone into a classic script (its `export {}` only
 * keeps these names out of the app's global scope for the type-checker) and fills in the shell.
 */
export {}

/** What the build kept for this version: the two pages, the favicon, the code they load at once. */
declare const __SAFETYMAP_SHELL__: { readonly version: string; readonly files: readonly string[] }

/** The bits of the worker scope used here (the DOM lib in tsconfig has no ServiceWorkerGlobalScope). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request
  readonly preloadResponse: Promise<Response | undefined>
  respondWith(response: Promise<Response>): void
}
interface WorkerScope {
  readonly location: Location
  readonly registration: { readonly navigationPreload?: { enable(): Promise<void> } }
  readonly clients: { claim(): Promise<void> }
  skipWaiting(): Promise<void>
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
}

const scope = self as unknown as WorkerScope
const SHELL = __SAFETYMAP_SHELL__
const PREFIX = 'safetymap-shell-'
const CACHE = `${PREFIX}${SHELL.version}`
/** The phone view's address (server/src/http/phoneListPage.ts LIST_ROUTE). */
const LIST_ROUTE = /^\/m\/[^/]+\/list\/?$/

scope.addEventListener('install', (event) => {
  // Taking over at once: the shell is whole before it is used, and every file in it is hashed or
  // answered network-first, so an open page never mixes two builds' code through this worker.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL.files)).then(() => scope.skipWaiting()))
})

scope.addEventListener('activate', (event) => {
  const dropOld = caches.keys().then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
  // Preloading lets the page's request start while the worker wakes up (a slow phone's second).
  const preload = scope.registration.navigationPreload?.enable() ?? Promise.resolve()
  event.waitUntil(Promise.all([dropOld, preload]).then(() => scope.clients.claim()))
})

scope.addEventListener('fetch', (event) => {
  const { request } = event
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== scope.location.origin) return
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/sync/')) {
    event.respondWith(pageOrKeptShell(event, url))
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(keptOrFetched(request))
  }
})

async function pageOrKeptShell(event: FetchEvent, url: URL): Promise<Response> {
  try {
    return (await event.preloadResponse) ?? (await fetch(event.request))
  } catch (offline) {
    const kept = await caches.match(LIST_ROUTE.test(url.pathname) ? '/list.html' : '/index.html', { cacheName: CACHE })
    if (kept) return kept
    throw offline
  }
}

async function keptOrFetched(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE)
  const kept = await cache.match(request, { ignoreVary: true })
  if (kept) return kept
  const response = await fetch(request)
  if (response.ok && response.type === 'basic') void cache.put(request, response.clone())
  return response
}
