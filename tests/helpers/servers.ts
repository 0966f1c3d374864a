/**
 * Real SafetyMap servers for tests: in-process on port 0 (fast, with access to the stores), or
 * as a child process (for restarts and `kill -9`). Each gets its own temporary DATA_DIR.
 *
 *   const server = await startServer()
 *   const { apiKey } = server.addWorker()
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildApp, loadConfig, type SafetyMapServer } from '@safetymap/server'
import { waitFor } from './waitFor.ts'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'safetymap-test-'))
}

export interface TestServer extends SafetyMapServer {
  url: string
  dataDir: string
  addWorker(name?: string): { workerId: string; apiKey: string }
  close(): Promise<void>
}

let workerCount = 0

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
  options: { dataDir?: string; port?: number; env?: Record<string, string>; now?: () => number } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir()
  const config = loadConfig({ ...TEST_RATE_LIMITS, ...options.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' })
  const server = await buildApp({ config, logger: false, ...(options.now ? { now: options.now } : {}) })
  const address = await server.app.listen({ port: options.port ?? 0, host: '127.0.0.1' })
  return {
    ...server,
    url: address,
    dataDir,
    addWorker(name = 'Test Worker') {
      workerCount += 1
      const added = server.services.workers.addWorker({ email: `worker${workerCount}-${Date.now()}@example.org`, name, now: Date.now() })
      if (!added) throw new Error('worker email collision')
      return { workerId: added.worker.id, apiKey: added.apiKey }
    },
    close: () => server.app.close(),
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
export async function spawnServer(options: { dataDir: string; port: number; env?: Record<string, string> }): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...TEST_RATE_LIMITS, ...options.env, DATA_DIR: options.dataDir, PORT: String(options.port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
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
    { timeoutMs: 20_000, intervalMs: 100, what: 'the server process to answer /healthz' },
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
