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
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from './config.ts'
import { DATABASE_FILE } from './app.ts'
import { createSqliteDocStore, openDatabase } from './storage/index.ts'
import { createWorkerStore } from './access/WorkerStore.ts'
import { createSessionStore } from './access/SessionStore.ts'
import { createMeetingStore } from './meetings/MeetingStore.ts'
import { createAuditLog } from './audit/AuditLog.ts'
import { purgeMeeting } from './meetings/purgeMeeting.ts'

const USAGE = `Usage:
  pnpm safetymap worker add --email <email> --name <name> [--json]
      Creates a worker account and prints its API key once, with a link to set a password.
  pnpm safetymap audit export [--meeting <id>] [--json]
      Prints the audit trail (all meetings, or one) and whether it is intact.
  pnpm safetymap meeting purge <id>
      Deletes the meeting's map, versions, invites and participants; keeps its audit entries.
      End or finalize the meeting first: a purge does not close live connections.

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

/** Opens the server's database for a command and closes it afterwards. */
async function withDatabase<T>(run: (database: ReturnType<typeof openDatabase>) => T | Promise<T>): Promise<T> {
  const config = loadConfig(process.env)
  mkdirSync(config.dataDir, { recursive: true })
  const database = openDatabase(path.join(config.dataDir, DATABASE_FILE))
  try {
    return await run(database)
  } finally {
    database.close()
  }
}

async function auditExport(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { meeting: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true })
  await withDatabase((database) => {
    const audit = createAuditLog(database)
    const entries = values.meeting ? audit.forMeeting(values.meeting) : audit.all()
    const verified = audit.verify()
    audit.record({ action: 'audit.exported', actor: { kind: 'system', id: 'cli' }, meetingId: values.meeting ?? null, details: { entries: entries.length }, now: Date.now() })
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
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true })
  const meetingId = positionals[0]
  if (!meetingId) fail(`Give the meeting id.\n\n${USAGE}`)
  const purged = await withDatabase((database) => {
    const docs = createSqliteDocStore(database)
    return purgeMeeting(
      {
        meetings: createMeetingStore(database),
        sessions: createSessionStore(database),
        audit: createAuditLog(database),
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
