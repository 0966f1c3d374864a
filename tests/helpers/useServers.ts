/**
 * The servers and peers of one test file, closed after its last test, so each file does not repeat
 * the same `afterAll`. Kept apart from `servers.ts` so the bench scripts that import that do not
 * load Vitest.
 *
 *   const start = useServers()
 *   const peers = usePeers()
 *   let server: TestServer
 *   beforeAll(async () => { server = await start() })
 *   it('…', async () => { peers.push(connectPeer({ url: server.url, meetingId, token })) })
 */
import { afterAll } from 'vitest'
import type { Peer } from './clients.ts'
import { startServer, type TestServer } from './servers.ts'

type ServerOptions = Parameters<typeof startServer>[0]

/**
 * Returns `start`, which starts a server as `startServer` does and closes it after the file's last
 * test. A test may still close one itself (to restart on its DATA_DIR): closing twice is harmless.
 * Call it before the file's own hooks, so their `afterAll` runs while the servers are up.
 */
export function useServers(): (options?: ServerOptions) => Promise<TestServer> {
  const started: TestServer[] = []
  afterAll(async () => {
    await Promise.all(started.map((server) => server.close()))
  })
  return async (options) => {
    const server = await startServer(options)
    started.push(server)
    return server
  }
}

/**
 * An array for the file's peers, destroyed after its last test. Call it after `useServers`:
 * Vitest runs `afterAll` hooks last-registered first, so the peers go before their servers close.
 */
export function usePeers(): Peer[] {
  const peers: Peer[] = []
  afterAll(() => {
    for (const peer of peers) peer.destroy()
  })
  return peers
}
