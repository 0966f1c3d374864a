/**
 * A real Chromium (Debian's, through playwright-core) for end-to-end tests, with every network
 * request recorded so a test can prove the app talks to no host but ours.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Quiet Chromium's own background traffic: we only want the page's requests.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

// Kept on globalThis, not in this module, so it outlives a module graph that Vitest loads again.
const SHARED_CHROMIUM = Symbol.for('safetymap.tests.sharedChromium')
const holder = globalThis as { [SHARED_CHROMIUM]?: Promise<Browser> }

/**
 * The one Chromium of this test process. The end-to-end files run one after another in one worker
 * (vitest.config.ts: isolate false), so they share it instead of each starting its own; every test
 * still opens its own fresh profile (`newContext`/`newPage`). One that crashed is started again;
 * Playwright kills it when the worker exits.
 */
export function sharedChromium(): Promise<Browser> {
  const running = holder[SHARED_CHROMIUM]
  if (running) return running
  const launching = launchChromium()
  holder[SHARED_CHROMIUM] = launching
  const forget = () => {
    if (holder[SHARED_CHROMIUM] === launching) delete holder[SHARED_CHROMIUM]
  }
  launching.then((browser) => browser.on('disconnected', forget), forget)
  return launching
}

/** Closes every profile a file left open in the shared Chromium, so the next file finds none. */
export async function closeContexts(browser: Browser): Promise<void> {
  if (browser.isConnected()) await Promise.all(browser.contexts().map((context) => context.close()))
}

/** A fresh browser profile that records every request URL any of its pages makes. */
export async function recordingContext(browser: Browser, options: { viewport?: { width: number; height: number } } = {}) {
  const context: BrowserContext = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } })
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  context.on('page', (page) => page.on('websocket', (ws) => requests.push(ws.url())))
  return { context, requests }
}

/** Hosts other than `allowedHost` that appear in recorded URLs (data: and blob: are local). */
export function foreignHosts(requests: string[], allowedHost: string): string[] {
  return [...new Set(requests.filter((u) => /^(https?|wss?):/.test(u)).map((u) => new URL(u).host))].filter((h) => h !== allowedHost)
}
