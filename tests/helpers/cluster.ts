/**
 * Several SafetyMap server processes sharing one PostgreSQL database and one Redis (issue 9), as
 * a deployment behind a load balancer runs them. Each cluster gets a fresh database; a worker
 * account is created with the operator's CLI, as an operator would.
 *
 *   if (scaleOutSkipReason('…')) …                       // skip (or, in CI, fail) without the services
 *   const cluster = await startCluster({ size: 3 })
 *   connectPeer({ url: cluster.servers[2]!.url, meetingId, token: cluster.apiKey })
 *   await cluster.kill(1)                                // SIGKILL
 */
import { spawnSync } from 'node:child_process'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { loadConfig } from '@safetymap/server'
import { openStores } from '../../server/src/openStores.ts'
import { createTestDatabase, type TestDatabase } from '../../server/src/storage/postgres/testing/testDatabase.ts'
import { REPO_ROOT, freePort, spawnServer, tempDataDir, type ServerProcess } from './servers.ts'
import type { Peer } from './clients.ts'
import { waitFor } from './waitFor.ts'

/**
 * Null when `DATABASE_URL` and `REDIS_URL` are both set; otherwise prints why the scale-out tests
 * skip and returns that reason — or throws when `CI_REQUIRE_SCALEOUT=1` (CI must not skip them).
 */
export function scaleOutSkipReason(what: string): string | null {
  const missing = ['DATABASE_URL', 'REDIS_URL'].filter((name) => !process.env[name])
  if (missing.length === 0) return null
  const reason = `${what} need ${missing.join(' and ')} (e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379)`
  if (process.env.CI_REQUIRE_SCALEOUT === '1') throw new Error(`${reason}, and CI_REQUIRE_SCALEOUT=1 forbids skipping them`)
  console.log(`skipping: ${reason}`)
  return reason
}

/** Start-up of several processes at once on 2 busy cores has taken over 20 s. */
const READY_TIMEOUT_MS = 90_000

export interface Cluster {
  readonly servers: ServerProcess[]
  /** A worker's API key: facilitator of every meeting it creates. */
  readonly apiKey: string
  /** The environment every server runs with (shared database, Redis). */
  readonly env: Record<string, string>
  /** Whether server `index` still runs. */
  alive(index: number): boolean
  /** `kill -9` of server `index`. */
  kill(index: number): Promise<void>
  /** The doc as the shared store holds it (snapshot + tail), read directly from the database. */
  storedDoc(meetingId: string): Promise<Uint8Array | null>
  close(): Promise<void>
}

/** Starts `size` server processes on their own ports, sharing a fresh database and Redis. */
export async function startCluster(options: { size: number; env?: Record<string, string> }): Promise<Cluster> {
  const database: TestDatabase = await createTestDatabase(process.env.DATABASE_URL!)
  const dataDir = tempDataDir()
  const env = { DATABASE_URL: database.url, REDIS_URL: process.env.REDIS_URL!, ...options.env }
  const ports = await Promise.all(Array.from({ length: options.size }, () => freePort()))
  const servers: ServerProcess[] = []
  const dead = new Set<number>()
  try {
    // One first, so it migrates the fresh database; the others start together.
    servers.push(await spawnServer({ dataDir, port: ports[0]!, env, readyTimeoutMs: READY_TIMEOUT_MS }))
    servers.push(...(await Promise.all(ports.slice(1).map((port) => spawnServer({ dataDir, port, env, readyTimeoutMs: READY_TIMEOUT_MS })))))
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop('SIGKILL')))
    await database.drop()
    throw error
  }
  const added = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'worker', 'add', '--email', `cluster-${Date.now()}@example.org`, '--name', 'Cluster Worker', '--json'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, DATA_DIR: dataDir },
    encoding: 'utf8',
  })
  if (added.status !== 0) throw new Error(`worker add failed: ${added.stderr}`)
  const { apiKey } = JSON.parse(added.stdout) as { apiKey: string }
  const stores = await openStores(loadConfig({ ...env, DATA_DIR: dataDir }), { onIdleError: () => undefined })

  return {
    servers,
    apiKey,
    env,
    alive: (index) => !dead.has(index),
    async kill(index) {
      dead.add(index)
      await servers[index]!.stop('SIGKILL')
    },
    async storedDoc(meetingId) {
      const loaded = await stores.docs.load(meetingId)
      if (!loaded.ok) throw new Error(loaded.error.code)
      return loaded.value?.state ?? null
    },
    async close() {
      await Promise.all(servers.map((server) => server.stop('SIGTERM')))
      await stores.close()
      await database.drop()
    },
  }
}

export interface ClusterPeer extends Peer {
  /** Reconnects to server `index` (as a load balancer might send the next connection elsewhere). */
  moveTo(index: number): void
}

/**
 * A stock y-websocket provider that, like a load balancer, connects to server `prefer` while it
 * runs and otherwise to the next one still running — so when its server dies it reconnects
 * elsewhere. Authenticates with `Authorization: Bearer <token>` on the upgrade.
 */
export function connectClusterPeer(options: { cluster: Cluster; prefer: number; meetingId: string; token: string }): ClusterPeer {
  const { cluster, token } = options
  let prefer = options.prefer
  const doc = new Y.Doc()
  const pick = (): string => {
    const count = cluster.servers.length
    for (let step = 0; step < count; step++) {
      const index = (prefer + step) % count
      if (cluster.alive(index)) return cluster.servers[index]!.url.replace(/^http/, 'ws')
    }
    throw new Error('no server of the cluster is running')
  }
  class BalancedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      const url = new URL(String(address))
      const target = new URL(pick())
      url.host = target.host
      super(url, protocols, { headers: { authorization: `Bearer ${token}` } })
    }
  }
  const provider = new WebsocketProvider('ws://cluster.invalid/sync', options.meetingId, doc, {
    WebSocketPolyfill: BalancedWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  })
  return {
    doc,
    provider,
    synced: () => waitFor(() => provider.synced, { timeoutMs: 15_000, what: 'the provider to sync' }),
    moveTo(index) {
      prefer = index
      if (!provider.shouldConnect) return
      provider.disconnect()
      provider.connect()
    },
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}
