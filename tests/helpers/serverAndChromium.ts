/**
 * A real server and a real Chromium for one end-to-end file: both start before its first test and
 * close after its last, so each file does not repeat the same setup.
 *
 *   const live = useServerAndChromium()
 *   it('…', async () => { const page = await live.browser.newPage(); await page.goto(live.server.url) })
 */
import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './browser.ts'
import { startServer, type TestServer } from './servers.ts'

type ServerOptions = Parameters<typeof startServer>[0]

export interface ServerAndChromium {
  readonly server: TestServer
  readonly browser: Browser
}

/**
 * Registers the file's `beforeAll`/`afterAll`; the fields are set once `beforeAll` ran. Call it
 * before the file's own hooks, so they run with the server up and close what they opened first.
 */
export function useServerAndChromium(serverOptions?: ServerOptions): ServerAndChromium {
  const live = {} as { server: TestServer; browser: Browser }
  beforeAll(async () => {
    live.server = await startServer(serverOptions)
    live.browser = await launchChromium()
  })
  afterAll(async () => {
    await live.browser?.close()
    await live.server?.close()
  })
  return live
}
