/**
 * Real SafetyMap servers for tests: in-process on port 0 (fast, with access to the stores), or
 * as a child process (for restarts and `kill -9`). Each gets its own temporary DATA_DIR and its
 * SQLite file there — the product's default — unless the run sets `SAFETYMAP_TEST_STORE=postgres`
 * (with `DATABASE_URL`, a PostgreSQL server where databases may be created): then each gets its
 * own fresh PostgreSQL database, kept for that DATA_DIR so a restarted server finds its data again.
 * Several instances share one database by passing the same `databaseUrl` (or `env.DATABASE_URL`;
 * see `freshDatabaseUrl`).
 *
 *   const server = await startServer()
 *   const { apiKey } = await server.addWorker()
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildApp, loadConfig, type SafetyMapServer } from '@safetymap/server'
import { createTestDatabase } from '../../server/src/storage/postgres/testing/testDatabase.ts'
import { waitFor } from './waitFor.ts'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'safetymap-test-'))
}

export interface TestServer extends SafetyMapServer {
  url: string
  dataDir: string
  addWorker(name?: string): Promise<{ workerId: string; apiKey: string }>
  close(): Promise<void>
}

let workerCount = 0

/** A fresh PostgreSQL database for servers that should share one; null when the run has no DATABASE_URL. */
export async function freshDatabaseUrl(): Promise<string | null> {
  const adminUrl = process.env.DATABASE_URL
  return adminUrl ? (await createTestDatabase(adminUrl)).url : null
}

const databaseByDataDir = new Map<string, Promise<string | null>>()

/** Whether this run puts every test server on PostgreSQL (otherwise only tests that ask for it). */
const serversOnPostgres = process.env.SAFETYMAP_TEST_STORE === 'postgres'

/**
 * The database settings of the server (or CLI) on `dataDir`: `shared` when given, else this data
 * folder's own fresh database when the run puts servers on PostgreSQL, else none (the SQLite file).
 * Always sets DATABASE_URL, so a child process never inherits the run's server-wide URL.
 */
export async function databaseEnv(dataDir: string, shared?: string): Promise<{ DATA_DIR: string; DATABASE_URL: string }> {
  if (shared) return { DATA_DIR: dataDir, DATABASE_URL: shared }
  if (!serversOnPostgres) return { DATA_DIR: dataDir, DATABASE_URL: '' }
  let url = databaseByDataDir.get(dataDir)
  if (!url) {
    url = freshDatabaseUrl()
    databaseByDataDir.set(dataDir, url)
  }
  return { DATA_DIR: dataDir, DATABASE_URL: (await url) ?? '' }
}

/**
 * Every test client comes from 127.0.0.1, so tests that reconnect a lot (fuzz, restarts) would
 * trip the production per-IP limits; tests of the limits themselves pass their own values in `env`.
 */
export const TEST_RATE_LIMITS = {
  RATE_LIMIT_SIGNIN_PER_MINUTE: '100000',
  RATE_LIMIT_JOIN_PER_MINUTE: '100000',
  RATE_LIMIT_SYNC_PER_MINUTE: '100000',
} as const

/** Starts the real app in this process, on an ephemeral port unless `port` is given. */
export async function startServer(
  options: { dataDir?: string; port?: number; env?: Record<string, string>; now?: () => number; databaseUrl?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir()
  const database = await databaseEnv(dataDir, options.databaseUrl ?? options.env?.DATABASE_URL)
  const config = loadConfig({ ...TEST_RATE_LIMITS, ...options.env, ...database, PORT: '0', HOST: '127.0.0.1' })
  const server = await buildApp({ config, logger: false, ...(options.now ? { now: options.now } : {}) })
  const address = await server.app.listen({ port: options.port ?? 0, host: '127.0.0.1' })
  let closed: Promise<void> | undefined
  return {
    ...server,
    url: address,
    dataDir,
    async addWorker(name = 'Test Worker') {
      workerCount += 1
      const added = await server.services.workers.addWorker({ email: `worker${workerCount}-${Date.now()}@example.org`, name, now: Date.now() })
      if (!added) throw new Error('worker email collision')
      return { workerId: added.worker.id, apiKey: added.apiKey }
    },
    // Once only: a test may close a server to restart on its DATA_DIR and `useServers` closes it
    // again after the file; fastify happens to answer a second close too, but does not promise it.
    close: () => (closed ??= server.app.close()),
  }
}

export interface ServerProcess {
  url: string
  child: ChildProcess
  output: () => string
  /** Sends a signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** Runs `server/src/main.ts` as its own process, as `pnpm start` does after building. */
export async function spawnServer(options: {
  dataDir: string
  port: number
  env?: Record<string, string>
  databaseUrl?: string
  /** How long start-up may take (several processes starting at once on a busy machine take longer). */
  readyTimeoutMs?: number
}): Promise<ServerProcess> {
  const database = await databaseEnv(options.dataDir, options.databaseUrl ?? options.env?.DATABASE_URL)
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...TEST_RATE_LIMITS, ...options.env, ...database, PORT: String(options.port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d) => (output += String(d)))
  child.stderr?.on('data', (d) => (output += String(d)))
  const url = `http://127.0.0.1:${options.port}`
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
      try {
        return (await fetch(`${url}/healthz`)).ok
      } catch {
        return false
      }
    },
    { timeoutMs: options.readyTimeoutMs ?? 20_000, intervalMs: 100, what: 'the server process to answer /healthz' },
  )
  return {
    url,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill(signal)
      await exited
    },
  }
}

/** Picks a free TCP port by binding port 0 and releasing it. */
export async function freePort(): Promise<number> {
  const net = await import('node:net')
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => resolve(port))
    })
  })
}
