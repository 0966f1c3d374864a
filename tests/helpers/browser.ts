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
