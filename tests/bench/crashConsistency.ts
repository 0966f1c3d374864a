/**
 * Crash consistency (issue 5, relay-notes bar items 11 and 22): a real server process under load
 * from several stock y-websocket providers is killed with SIGKILL at a random moment, restarted on
 * the same DATA_DIR, and checked twice per run:
 *
 * 1. Acknowledged edits: every note a witness client (one that only listens) had received from the
 *    server before the kill — the server broadcast it, so it had appended it first (RL-3, PS-2) —
 *    is in the restarted server's doc *before any writer reconnects*.
 * 2. Held edits: once the writers reconnect (including notes they wrote while the server was
 *    down), a fresh client holds every note any writer holds.
 *
 * Seeded; the seed is printed, and `--seed n` replays a series.
 *
 *   node --import tsx tests/bench/crashConsistency.ts [runs=200] [--seed n]
 */
import { spawnSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { SECTION_KEYS } from '@safetymap/map-model'
import { connectPeer, createMeeting, type Peer } from '../helpers/clients.ts'
import { REPO_ROOT, databaseEnv, freePort, spawnServer, tempDataDir, type ServerProcess } from '../helpers/servers.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { createSeededRandom } from './lib/seededRandom.ts'
import { openBoard } from './lib/whiteboardOps.ts'

export interface CrashRunResult {
  readonly run: number
  /** Notes the witness had received before the kill (acknowledged by the broadcast). */
  readonly acknowledged: number
  /** Of those, missing from the restarted server before writers reconnected. */
  readonly lostAcknowledged: string[]
  /** Notes the writers held after the restart (including offline ones). */
  readonly held: number
  /** Of those, missing from a fresh client after the writers reconnected. */
  readonly lostHeld: string[]
  readonly killAfterMs: number
}

export interface CrashConsistencyOptions {
  readonly runs: number
  readonly seed: number
  readonly writers?: number
  /** Called after each run (progress output). */
  readonly onRun?: (result: CrashRunResult) => void
}

/** Milliseconds between one writer's edits: under the relay's 100 msg/s per-connection limit. */
const EDIT_INTERVAL_MS = 20
/** Reconnects are the point here; the per-IP upgrade limit (30/min) is tested elsewhere. */
const SERVER_ENV = { RATE_LIMIT_SYNC_PER_MINUTE: '1000000' }
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Creates a worker with the documented CLI; its API key authenticates every client. */
async function addWorker(dataDir: string): Promise<string> {
  const env = { ...process.env, ...(await databaseEnv(dataDir)) }
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/src/cli.ts', 'worker', 'add', '--email', 'crash@example.org', '--name', 'Crash Test', '--json'],
    { cwd: REPO_ROOT, env, encoding: 'utf8' },
  )
  if (result.status !== 0) throw new Error(`worker add failed: ${result.stderr}`)
  return (JSON.parse(result.stdout) as { apiKey: string }).apiKey
}

const noteIdsOf = (peer: Peer): Set<string> => new Set(openBoard(peer.doc).noteIds())

export async function runCrashConsistency(options: CrashConsistencyOptions): Promise<CrashRunResult[]> {
  const random = createSeededRandom(options.seed)
  const writerCount = options.writers ?? 3
  const dataDir = tempDataDir()
  const port = await freePort()
  const apiKey = await addWorker(dataDir)
  let server: ServerProcess = await spawnServer({ dataDir, port, env: SERVER_ENV })
  const results: CrashRunResult[] = []
  const peers: Peer[] = []
  try {
    for (let run = 1; run <= options.runs; run++) {
      const meeting = await createMeeting(server.url, apiKey, `crash ${run}`)
      const writers = Array.from({ length: writerCount }, () => connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey }))
      const witness = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
      peers.push(...writers, witness)
      await Promise.all([...writers, witness].map((peer) => peer.synced()))

      // Writers add and move notes until told to stop; the server dies somewhere in between.
      let typing = true
      const load = writers.map(async (writer, w) => {
        const board = openBoard(writer.doc)
        for (let i = 0; typing; i++) {
          const ids = board.noteIds()
          if (ids.length > 0 && i % 3 === 2) board.move(ids[i % ids.length]!, 5, -5)
          else board.addNote(SECTION_KEYS[(w + i) % SECTION_KEYS.length]!, `r${run} w${w} n${i}`, `shape:r${run}w${w}n${i}`)
          await pause(EDIT_INTERVAL_MS)
        }
      })
      const killAfterMs = 50 + random.int(750)
      await pause(killAfterMs)
      await server.stop('SIGKILL')
      const acknowledged = noteIdsOf(witness)
      for (const peer of [...writers, witness]) peer.provider.disconnect()
      await pause(random.int(60)) // writers go on typing offline
      typing = false
      await Promise.all(load)

      server = await spawnServer({ dataDir, port, env: SERVER_ENV })
      const checker = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
      peers.push(checker)
      await checker.synced()
      const stored = noteIdsOf(checker)
      const lostAcknowledged = [...acknowledged].filter((id) => !stored.has(id))

      for (const peer of [...writers, witness]) peer.provider.connect()
      const held = new Set(writers.flatMap((writer) => [...noteIdsOf(writer)]))
      let lostHeld: string[] = []
      try {
        await waitFor(() => [...held].every((id) => noteIdsOf(checker).has(id)), { timeoutMs: 15_000, what: `run ${run}: the writers' notes to reach a fresh client` })
      } catch {
        const merged = noteIdsOf(checker)
        lostHeld = [...held].filter((id) => !merged.has(id))
      }
      const result: CrashRunResult = { run, acknowledged: acknowledged.size, lostAcknowledged, held: held.size, lostHeld, killAfterMs }
      results.push(result)
      options.onRun?.(result)
      for (const peer of peers.splice(0)) peer.destroy()
    }
  } finally {
    for (const peer of peers.splice(0)) peer.destroy()
    await server.stop('SIGKILL')
  }
  return results
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  const args = process.argv.slice(2)
  const seedAt = args.indexOf('--seed')
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : Math.floor(Math.random() * 2 ** 31)
  const runs = Number(args.find((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== '--seed') ?? 200)
  process.stdout.write(`crash consistency: ${runs} runs, seed ${seed} (replay with --seed ${seed})\n`)
  const started = Date.now()
  const results = await runCrashConsistency({
    runs,
    seed,
    onRun: (r) => {
      const bad = r.lostAcknowledged.length + r.lostHeld.length > 0
      if (bad || r.run % 10 === 0) {
        process.stdout.write(
          `run ${r.run}: kill after ${r.killAfterMs} ms, ${r.acknowledged} acknowledged, ${r.held} held, lost ${r.lostAcknowledged.length} acknowledged / ${r.lostHeld.length} held\n`,
        )
      }
    },
  })
  const lostAck = results.reduce((sum, r) => sum + r.lostAcknowledged.length, 0)
  const lostHeld = results.reduce((sum, r) => sum + r.lostHeld.length, 0)
  const ack = results.reduce((sum, r) => sum + r.acknowledged, 0)
  const held = results.reduce((sum, r) => sum + r.held, 0)
  process.stdout.write(
    `\n${results.length} runs in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed}): ` +
      `${ack} acknowledged notes, ${lostAck} lost; ${held} held notes, ${lostHeld} lost\n`,
  )
  process.exit(lostAck + lostHeld === 0 ? 0 : 1)
}
