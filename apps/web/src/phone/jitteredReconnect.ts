/**
 * Owns how a phone reconnects after the link to the relay drops: exponential backoff with jitter,
 * so forty phones that lost the same Wi-Fi do not all knock on the relay in the same instant.
 * y-websocket's own retry has no jitter; this takes it over for closes the relay may recover from
 * and leaves the closes the provider's `shouldReconnect` calls final (4400–4499: removed, meeting
 * closed, room full; 4002 refusing offline edits to a finished map) to the provider, which stops
 * retrying and emits `closed`.
 *
 * The cap is low: a meeting has at most a few dozen phones (the relay rides out a 500-client
 * reconnect storm), and a person watching "offline" after a short restart should see "live" again
 * within seconds of the server being back, not after a half-minute wait. A page coming back into
 * view while it waits to retry (phones freeze background tabs, timers and all) retries at once.
 *
 *   const stop = attachJitteredReconnect(provider)
 *   stop()
 */
import type { WebsocketProvider } from 'y-websocket'

/** First retry waits about this long. */
export const RECONNECT_BASE_MS = 500
/** No retry waits longer than this. */
export const RECONNECT_MAX_MS = 4_000

/**
 * The wait before retry number `attempt` (1, 2, …): half the capped exponential step fixed, the
 * other half random ("equal jitter"), so waits grow but never line up. `random` is in [0, 1).
 */
export function reconnectDelayMs(attempt: number, random: number): number {
  const step = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.min(Math.max(attempt - 1, 0), 20))
  return Math.round(step / 2 + (random * step) / 2)
}

/** The page whose coming back into view cuts a retry wait short (`document` in a browser). */
export type VisiblePage = Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>

/** Options of {@link attachJitteredReconnect}; tests pass their own randomness, timers and page. */
export interface JitteredReconnectOptions {
  readonly random?: () => number
  readonly setTimer?: (run: () => void, ms: number) => unknown
  readonly clearTimer?: (timer: unknown) => void
  readonly page?: VisiblePage | null
}

/** Takes over `provider`'s retries after non-terminal closes; returns the function that stops it. */
export function attachJitteredReconnect(
  provider: WebsocketProvider,
  {
    random = Math.random,
    setTimer = (run, ms) => setTimeout(run, ms),
    clearTimer = (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
    page = typeof document === 'undefined' ? null : document,
  }: JitteredReconnectOptions = {},
): () => void {
  let attempt = 0
  let timer: unknown = null
  const retryNow = () => {
    timer = null
    provider.connect()
  }

  const onConnectionClose = (event: CloseEvent | null) => {
    // A deliberate disconnect (ours, or the browser going offline) or a final close: not ours to retry.
    if (!provider.shouldConnect) return
    if (event && !provider.shouldReconnect(event, provider)) return
    // Turns the retry y-websocket is about to schedule into a no-op; ours replaces it.
    provider.shouldConnect = false
    attempt += 1
    if (timer !== null) clearTimer(timer)
    timer = setTimer(retryNow, reconnectDelayMs(attempt, random()))
  }
  // Back in view while waiting to retry: the person is looking at "offline" now.
  const onVisibility = () => {
    if (page?.visibilityState !== 'visible' || timer === null) return
    clearTimer(timer)
    retryNow()
  }
  const onSync = (synced: boolean) => {
    if (synced) attempt = 0
  }
  const onStatus = ({ status }: { status: string }) => {
    // Someone (the browser's "online" event) connected before our timer: drop the timer.
    if (status !== 'disconnected' && timer !== null) {
      clearTimer(timer)
      timer = null
    }
  }

  provider.on('connection-close', onConnectionClose)
  provider.on('sync', onSync)
  provider.on('status', onStatus)
  page?.addEventListener('visibilitychange', onVisibility)
  return () => {
    provider.off('connection-close', onConnectionClose)
    provider.off('sync', onSync)
    provider.off('status', onStatus)
    page?.removeEventListener('visibilitychange', onVisibility)
    if (timer !== null) clearTimer(timer)
    timer = null
  }
}
