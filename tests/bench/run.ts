/**
 * The relay benchmark (issue 5): the same whiteboard workload against our relay (the real app),
 * the reference relay `@y/websocket-server` and `@hocuspocus/server`, each in its own child
 * process, one after another in one run; prints one table and our ratios against each peer.
 *
 *   pnpm bench                                   # 50 rooms × 10 clients, 20 s each
 *   pnpm bench --rooms 200 --clients 10          # 2,000 connections
 *   pnpm bench --targets safetymap --seconds 10  # just ours
 *   pnpm bench --rounds 3                        # targets in turn, 3 times: medians, and each round's ratios
 *   pnpm bench --tick-ms 1                       # the load generator sends every 1 ms instead of in 10 ms bursts
 *   pnpm bench --storm [--storm-clients 500]     # reconnect storm against our server only
 *   pnpm bench --instances 3                     # ours on 1 vs 3 instances (needs DATABASE_URL, REDIS_URL)
 *
 * On two or more cores the load generator and the server each get one (see `lib/benchProcess.ts`);
 * compare rows, don't quote absolutes.
 */
import { tempDataDir } from '../helpers/servers.ts'
import { canPin, relaunchAsLoadGenerator } from './lib/benchProcess.ts'
import { TARGETS, startTarget, type TargetName } from './lib/benchTargets.ts'
import { runMultiInstanceComparison } from './multiInstance.ts'
import { runReconnectStorm } from './reconnectStorm.ts'
import { runWhiteboardWorkload, type WorkloadOptions, type WorkloadResult } from './whiteboardWorkload.ts'
import { median } from './lib/stats.ts'

relaunchAsLoadGenerator()

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  if (at < 0) return fallback
  const value = Number(process.argv[at + 1])
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`)
  return value
}

const targetsAt = process.argv.indexOf('--targets')
const targets = (targetsAt >= 0 ? process.argv[targetsAt + 1]!.split(',') : Object.keys(TARGETS)) as TargetName[]
for (const name of targets) if (!(name in TARGETS)) throw new Error(`unknown target ${name}`)

const options: WorkloadOptions = {
  rooms: flag('rooms', 50),
  clients: flag('clients', 10),
  seconds: flag('seconds', 20),
  notesPerRoom: flag('notes', 60),
  lateJoinShapes: flag('late-join-shapes', 5_000),
  lateJoins: flag('late-joins', 5),
  movesPerSecond: flag('moves-per-second', 1),
  cursorsPerSecond: flag('cursors-per-second', 4),
  tickMs: flag('tick-ms', 10),
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')
const pct = (value: number) => `${(value * 100).toFixed(2)} %`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`

const userMicros = (r: WorkloadResult) => r.serverCpuMicrosPerDelivered - r.serverSystemMicrosPerDelivered

function printTable(results: readonly WorkloadResult[]): void {
  const header = ['server', 'fan-out p50 ms', 'fan-out p99 ms', 'cursor p50 / p99 ms', 'delivered', 'CPU µs / delivered msg (user + kernel)', 'peak RSS', 'server loop delay p99 / max ms', 'load generator loop delay p99 ms', `late join (${options.lateJoinShapes} shapes) ms`]
  const rows = results.map((r) => [
    TARGETS[r.target as TargetName].label,
    ms(r.updateP50Ms),
    ms(r.updateP99Ms),
    `${ms(r.cursorP50Ms)} / ${ms(r.cursorP99Ms)}`,
    `${pct(r.completeness)} (updates ${pct(r.updateCompleteness)}, cursors ${pct(r.cursorCompleteness)}, last cursor position ${pct(r.latestCursorCompleteness)})`,
    `${r.serverCpuMicrosPerDelivered.toFixed(1)} (${userMicros(r).toFixed(1)} + ${r.serverSystemMicrosPerDelivered.toFixed(1)})`,
    mb(r.peakRssBytes),
    `${ms(r.loopDelayP99Ms)} / ${ms(r.loopDelayMaxMs)}`,
    ms(r.loadGeneratorLoopDelayP99Ms),
    ms(r.lateJoinMs),
  ])
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  process.stdout.write(`\n${line(header)}\n${line(header.map(() => '---'))}\n${rows.map(line).join('\n')}\n`)
  const ours = results.find((r) => r.target === 'safetymap')
  if (!ours) return
  for (const peer of results.filter((r) => r.target !== 'safetymap')) {
    process.stdout.write(
      `ours / ${TARGETS[peer.target as TargetName].label}: CPU per delivered ${(ours.serverCpuMicrosPerDelivered / peer.serverCpuMicrosPerDelivered).toFixed(2)}× ` +
        `(user ${(userMicros(ours) / userMicros(peer)).toFixed(2)}×, kernel ${(ours.serverSystemMicrosPerDelivered / peer.serverSystemMicrosPerDelivered).toFixed(2)}×), ` +
        `p50 ${(ours.updateP50Ms / peer.updateP50Ms).toFixed(2)}×, p99 ${(ours.updateP99Ms / peer.updateP99Ms).toFixed(2)}×, ` +
        `peak RSS ${(ours.peakRssBytes / peer.peakRssBytes).toFixed(2)}×, late join ${(ours.lateJoinMs / peer.lateJoinMs).toFixed(2)}×\n`,
    )
  }
}

if (process.argv.includes('--storm')) {
  const clients = flag('storm-clients', 500)
  process.stdout.write(`reconnect storm: ${clients} clients, restarting our server\n`)
  const storm = await runReconnectStorm({ clients })
  process.stdout.write(
    `resynced ${storm.resynced}/${storm.clients}; from restart to resync p50 ${ms(storm.p50Ms)} ms, p99 ${ms(storm.p99Ms)} ms, max ${ms(storm.maxMs)} ms ` +
      `(from the new process listening: p50 ${ms(storm.afterListenP50Ms)} ms, p99 ${ms(storm.afterListenP99Ms)} ms); ` +
      `clients whose note count changed: ${storm.notesChanged}\n`,
  )
  process.exit(storm.resynced === storm.clients && storm.notesChanged === 0 ? 0 : 1)
}

if (process.argv.includes('--instances')) {
  process.stdout.write(`whiteboard workload on 1 vs ${flag('instances', 3)} instances: ${options.rooms} rooms × ${options.clients} clients, ${options.seconds} s measured; node ${process.version}\n`)
  await runMultiInstanceComparison(options, flag('instances', 3))
  process.exit(0)
}

process.stdout.write(
  `whiteboard workload: ${options.rooms} rooms × ${options.clients} clients (${options.rooms * options.clients} connections), ` +
    `${options.notesPerRoom} notes per room, ${options.movesPerSecond} move/s + ${options.cursorsPerSecond} cursor/s per client (sent every ${options.tickMs} ms), ${options.seconds} s measured; ` +
    `${canPin ? 'load generator on core 0, server on core 1' : 'load generator and server share the cores'}; node ${process.version}\n`,
)
// Runs on one shared 2-core machine vary by ±20 % from one to the next: with --rounds the targets
// take turns (so a slow minute hits each of them), and each figure is the median of its rounds.
const rounds = flag('rounds', 1)
const runs = new Map<TargetName, WorkloadResult[]>(targets.map((name) => [name, []]))
for (let round = 1; round <= rounds; round++) {
  for (const name of targets) {
    process.stdout.write(`running ${TARGETS[name].label}${rounds > 1 ? ` (round ${round} of ${rounds})` : ''}…\n`)
    const target = await startTarget(name, { dataDir: tempDataDir(), pin: true })
    try {
      runs.get(name)!.push(await runWhiteboardWorkload(target, options))
    } finally {
      await target.stop(name === 'safetymap' ? 'SIGTERM' : 'SIGKILL')
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000))
  }
}
printTable(targets.map((name) => medianOf(runs.get(name)!)))
if (rounds > 1) printRoundRatios(runs)
process.exit(0)

/** Each numeric figure of `results` (one target's rounds) as its median. */
function medianOf(results: readonly WorkloadResult[]): WorkloadResult {
  const first = results[0]!
  const merged: Record<string, unknown> = { ...first }
  for (const [key, value] of Object.entries(first)) {
    if (typeof value === 'number') merged[key] = median(results.map((r) => (r as unknown as Record<string, number>)[key]!))
  }
  return merged as unknown as WorkloadResult
}

/** Our CPU and p99 ratio against each peer, round by round. */
function printRoundRatios(byTarget: ReadonlyMap<TargetName, readonly WorkloadResult[]>): void {
  const ours = byTarget.get('safetymap')
  if (!ours) return
  for (const [name, peer] of byTarget) {
    if (name === 'safetymap') continue
    const each = ours.map((r, i) => `${(r.serverCpuMicrosPerDelivered / peer[i]!.serverCpuMicrosPerDelivered).toFixed(2)}× / ${(r.updateP99Ms / peer[i]!.updateP99Ms).toFixed(2)}×`)
    process.stdout.write(`rounds, ours / ${TARGETS[name].label} (CPU per delivered / p99): ${each.join(', ')}\n`)
  }
}
