/**
 * Our relay as shipped: the real app from `buildApp` (auth on the upgrade, record validation,
 * template protection, durable SQLite append before broadcast), logging at `warn`. Creates a
 * worker API key for the load generator. SIGTERM closes the app gracefully (reconnect storm).
 *
 *   PORT=… DATA_DIR=… node --import tsx tests/bench/servers/safetymapServer.ts   (spawned by run.ts)
 */
import { buildApp, loadConfig } from '@safetymap/server'
import { readPort, reportReady } from './benchServerIpc.ts'

const port = readPort()
const config = loadConfig({
  DATA_DIR: process.env.DATA_DIR,
  PORT: String(port),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  // 2,000 clients come from one IP; the per-IP upgrade limit would refuse them.
  RATE_LIMIT_SYNC_PER_MINUTE: '1000000',
  // Set only by `pnpm bench --instances n` (several instances on one database and Redis), so an
  // exported DATABASE_URL never changes what the default comparison measures (SQLite, alone).
  DATABASE_URL: process.env.BENCH_DATABASE_URL,
  REDIS_URL: process.env.BENCH_REDIS_URL,
})
const { app, services } = await buildApp({ config, logger: { level: 'warn' } })
await app.listen({ port, host: '127.0.0.1' })
const added = await services.workers.addWorker({ email: `bench-${Date.now()}-${process.pid}@example.org`, name: 'Bench', now: Date.now() })
if (!added) throw new Error('could not add the bench worker')
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0))
})
reportReady({ url: `http://127.0.0.1:${port}`, token: added.apiKey })
