/**
 * Installs the service worker (src/serviceWorker.ts), which lets the app open without a signal.
 * Called by each page's entry: the main app and the phone list. It waits for the page to load, so
 * on a slow phone keeping the shell never competes with what the person is waiting for.
 * Where there is none (an old browser, the dev server), the app works as before, online only.
 *
 *   registerServiceWorker()
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  const register = () => void navigator.serviceWorker.register('/serviceWorker.js').catch(() => undefined)
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
