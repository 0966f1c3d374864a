/**
 * A real server for one end-to-end file, started before its first test and closed after its last,
 * and the worker's shared Chromium, left with no profile of this file open once it is done.
 *
 *   const live = useServerAndChromium()
 *   it('…', async () => { const page = await live.browser.newPage(); await page.goto(live.server.url) })
 */
import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'playwright-core'
import { closeContexts, sharedChromium } from './browser.ts'
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
    live.browser = await sharedChromium()
  })
  afterAll(async () => {
    if (live.browser) await closeContexts(live.browser)
    await live.server?.close()
  })
  return live
}
