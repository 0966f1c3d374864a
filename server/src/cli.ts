/**
 * The operator's command line:
 * - `safetymap worker add --email <e> --name <n> [--json]` creates a worker account and prints its
 *   API key (shown once) and a one-time link to set a password;
 * - `safetymap audit export [--meeting <id>] [--json]` prints the audit trail (ids only) and
 *   whether its hash chain is intact;
 * - `safetymap meeting purge <id>` deletes everything a meeting holds except its audit entries.
 *
 *   pnpm safetymap worker add --email ana@county.gov --name "Ana Ruiz" --json
 *   pnpm safetymap audit export --meeting <id> --json > trail.json
 */
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig, type Config } from './config.ts'
import { openStores, type Stores } from './openStores.ts'
import { purgeMeeting } from './meetings/purgeMeeting.ts'

const USAGE = `Usage:
  pnpm safetymap worker add --email <email> --name <name> [--json]
      Creates a worker account and prints its API key once, with a link to set a password.
  pnpm safetymap audit export [--meeting <id>] [--json]
      Prints the audit trail (all meetings, or one) and whether it is intact.
  pnpm safetymap meeting purge <id>
      Deletes the meeting's map, versions, invites and participants; keeps its audit entries.
      End or finalize the meeting first: a purge does not close live connections.

Uses DATA_DIR (default ./data), or DATABASE_URL when set, like the server; the server may keep running.
Give it the server's PUBLIC_URL (or PORT) too, so the password link points at the server.`

function fail(message: string, code = 64): never {
  process.stderr.write(`${message}\n`)
  process.exit(code)
}

async function workerAdd(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  })
  const email = values.email?.trim()
  const name = values.name?.trim()
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) fail(`Give the worker's email with --email.\n\n${USAGE}`)
  if (!name) fail(`Give the worker's name with --name.\n\n${USAGE}`)

  await withStores(async ({ workers }, config) => {
    const now = Date.now()
    const added = await workers.addWorker({ email, name, now })
    if (!added) fail(`A worker with the email ${email} already exists.`, 65)
    const { base, assumed } = serverAddress(config, process.env)
    const setupUrl = `${base}/setup#${await workers.issueSetupCode(added.worker.id, now)}`
    const note = assumed
      ? `This command does not know where the server runs (PUBLIC_URL and PORT are not set for it), so the link assumes ${base}. ` +
        `If the server runs at another address, change the start of the link (before /setup) to that address, ` +
        `or next time run the command with the server's PUBLIC_URL or PORT, e.g. PORT=8190 pnpm safetymap worker add …\n`
      : ''
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ workerId: added.worker.id, apiKey: added.apiKey, setupUrl })}\n`)
      process.stderr.write(note)
    } else {
      process.stdout.write(
        `Worker created: ${added.worker.id}\n` +
          `API key (shown only now; store it safely): ${added.apiKey}\n` +
          `Link to set a password (valid 24 hours, once): ${setupUrl}\n${note}`,
      )
    }
  })
}

/**
 * The running server's address as this command can know it: PUBLIC_URL, else localhost on the
 * PORT it is given; with neither, the server's default port, `assumed` so the operator is told.
 */
function serverAddress(config: Config, env: NodeJS.ProcessEnv): { base: string; assumed: boolean } {
  if (config.publicUrl) return { base: config.publicUrl.origin, assumed: false }
  return { base: `http://localhost:${config.port}`, assumed: !env.PORT }
}

/** Opens the server's stores (SQLite in DATA_DIR, or PostgreSQL with DATABASE_URL) for a command, then closes them. */
async function withStores<T>(run: (stores: Stores, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env)
  const stores = await openStores(config, { onIdleError: (error) => process.stderr.write(`Database connection lost: ${error.message}\n`) })
  try {
    return await run(stores, config)
  } finally {
    await stores.close()
  }
}

async function auditExport(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { meeting: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true })
  await withStores(async ({ audit }) => {
    const entries = values.meeting ? await audit.forMeeting(values.meeting) : await audit.all()
    const verified = await audit.verify()
    await audit.record({ action: 'audit.exported', actor: { kind: 'system', id: 'cli' }, meetingId: values.meeting ?? null, details: { entries: entries.length }, now: Date.now() })
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ verified: verified.ok, ...(verified.ok ? {} : { brokenAtSeq: verified.brokenAtSeq }), entries })}\n`)
      return
    }
    for (const e of entries) {
      process.stdout.write(`${e.seq}\t${e.at}\t${e.action}\t${e.actor.kind}:${e.actor.id}\t${e.meetingId ?? '-'}\t${e.subjectId ?? '-'}\t${JSON.stringify(e.details)}\n`)
    }
    process.stdout.write(verified.ok ? `${entries.length} entries; the chain is intact.\n` : `The chain is broken at entry ${verified.brokenAtSeq}.\n`)
  })
}

async function meetingPurge(args: string[]): Promise<void> {
  // The command has no options, so its one argument is the id as written, even one that starts
  // with '-' (ids made before createId avoided a leading dash can).
  const given = args[0] === '--' ? args.slice(1) : args
  if (given.length !== 1 || !given[0]) fail(`Give the meeting id, and nothing else.\n\n${USAGE}`)
  const meetingId = given[0]
  const purged = await withStores(({ docs, meetings, sessions, audit, journal }) => {
    return purgeMeeting(
      {
        meetings,
        sessions,
        audit,
        journal,
        deleteDoc: async (id) => {
          const deleted = await docs.delete(id)
          if (!deleted.ok) throw new Error(`could not delete the map: ${deleted.error.code}`)
        },
        now: Date.now,
      },
      meetingId,
      { kind: 'system', id: 'cli' },
    )
  })
  if (!purged) fail(`No meeting has the id ${meetingId}.`, 65)
  process.stdout.write(`Meeting ${meetingId} purged; only its audit entries remain.\n`)
}

async function main(argv: string[]): Promise<void> {
  const [area, action, ...rest] = argv
  if (area === 'worker' && action === 'add') return workerAdd(rest)
  if (area === 'audit' && action === 'export') return auditExport(rest)
  if (area === 'meeting' && action === 'purge') return meetingPurge(rest)
  fail(USAGE)
}

try {
  await main(process.argv.slice(2))
} catch (err) {
  if (err instanceof ConfigError || (err instanceof TypeError && 'code' in err)) fail(err.message)
  throw err
}
