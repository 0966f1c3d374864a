/**
 * The operator's command line: `safetymap worker add --email <e> --name <n> [--json]` creates a
 * worker account and prints its API key (shown once) and a one-time link to set a password.
 *
 *   pnpm safetymap worker add --email ana@county.gov --name "Ana Ruiz" --json
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from './config.ts'
import { DATABASE_FILE } from './app.ts'
import { openDatabase } from './storage/index.ts'
import { createWorkerStore } from './access/WorkerStore.ts'

const USAGE = `Usage:
  pnpm safetymap worker add --email <email> --name <name> [--json]

Creates a worker account and prints its API key once, with a link to set a password.
Uses DATA_DIR (default ./data) like the server; the server may keep running.`

function fail(message: string, code = 64): never {
  process.stderr.write(`${message}\n`)
  process.exit(code)
}

function workerAdd(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  })
  const email = values.email?.trim()
  const name = values.name?.trim()
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) fail(`Give the worker's email with --email.\n\n${USAGE}`)
  if (!name) fail(`Give the worker's name with --name.\n\n${USAGE}`)

  const config = loadConfig(process.env)
  mkdirSync(config.dataDir, { recursive: true })
  const database = openDatabase(path.join(config.dataDir, DATABASE_FILE))
  try {
    const workers = createWorkerStore(database)
    const now = Date.now()
    const added = workers.addWorker({ email, name, now })
    if (!added) fail(`A worker with the email ${email} already exists.`, 65)
    const base = config.publicUrl?.origin ?? `http://localhost:${config.port}`
    const setupUrl = `${base}/setup#${workers.issueSetupCode(added.worker.id, now)}`
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ workerId: added.worker.id, apiKey: added.apiKey, setupUrl })}\n`)
    } else {
      process.stdout.write(
        `Worker created: ${added.worker.id}\n` +
          `API key (shown only now; store it safely): ${added.apiKey}\n` +
          `Link to set a password (valid 24 hours, once): ${setupUrl}\n`,
      )
    }
  } finally {
    database.close()
  }
}

function main(argv: string[]): void {
  const [area, action, ...rest] = argv
  if (area === 'worker' && action === 'add') return workerAdd(rest)
  fail(USAGE)
}

try {
  main(process.argv.slice(2))
} catch (err) {
  if (err instanceof ConfigError || (err instanceof TypeError && 'code' in err)) fail(err.message)
  throw err
}
