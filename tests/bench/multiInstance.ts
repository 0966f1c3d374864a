/**
 * Scale-out benchmark (issue 9): the whiteboard workload (`whiteboardWorkload.ts`) against one
 * SafetyMap instance and against `instances` instances, all on one fresh PostgreSQL database and
 * Redis. With several instances each room's clients are dealt round-robin over them, so most
 * deliveries cross an instance (append → Redis → the other instance → its socket). The difference
 * in fan-out latency between the two rows is the cost of that hop.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
 *     pnpm bench --instances 3 --rooms 20 --clients 10 --seconds 10
 *
 * Every server process and the load generator share the machine's cores: compare the rows.
 */
import { tempDataDir } from '../helpers/servers.ts'
import { createTestDatabase } from '../../server/src/storage/postgres/testing/testDatabase.ts'
import { startTarget, type RunningTarget } from './lib/benchTargets.ts'
import type { ServerStats } from './servers/benchServerIpc.ts'
import { runWhiteboardWorkload, type WorkloadOptions, type WorkloadResult } from './whiteboardWorkload.ts'

/** Starts `count` instances on one database and Redis, seen by the workload as one target. */
async function startInstances(count: number): Promise<RunningTarget> {
  const { DATABASE_URL, REDIS_URL } = process.env
  if (!DATABASE_URL || !REDIS_URL) throw new Error('the multi-instance bench needs DATABASE_URL and REDIS_URL')
  const database = await createTestDatabase(DATABASE_URL)
  const env = { BENCH_DATABASE_URL: database.url, BENCH_REDIS_URL: REDIS_URL }
  const dataDir = tempDataDir()
  // The first migrates the fresh database; the rest start together.
  const first = await startTarget('safetymap', { dataDir, env })
  const targets = [first, ...(await Promise.all(Array.from({ length: count - 1 }, () => startTarget('safetymap', { dataDir, env }))))]
  let dealt = 0
  return {
    ...first,
    // Each connection goes to the next instance, as a least-connections balancer would.
    roomUrl: (room) => targets[dealt++ % targets.length]!.roomUrl(room),
    stats: async () => sumStats(await Promise.all(targets.map((target) => target.stats()))),
    async stop(signal) {
      await Promise.all(targets.map((target) => target.stop(signal)))
      await database.drop()
    },
  }
}

/** CPU adds up across processes; memory and event-loop delay are reported for the worst one. */
const sumStats = (all: readonly ServerStats[]): ServerStats => ({
  cpuMicros: all.reduce((sum, s) => sum + s.cpuMicros, 0),
  cpuSystemMicros: all.reduce((sum, s) => sum + s.cpuSystemMicros, 0),
  rssBytes: Math.max(...all.map((s) => s.rssBytes)),
  peakRssBytes: Math.max(...all.map((s) => s.peakRssBytes)),
  loopDelayP99Ms: Math.max(...all.map((s) => s.loopDelayP99Ms)),
  loopDelayMaxMs: Math.max(...all.map((s) => s.loopDelayMaxMs)),
})

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')
const pct = (value: number) => `${(value * 100).toFixed(2)} %`
const signed = (value: number) => `${value >= 0 ? '+' : ''}${ms(value)}`

/** Runs the workload on 1 and on `instances` instances and prints the comparison. */
export async function runMultiInstanceComparison(options: WorkloadOptions, instances: number): Promise<WorkloadResult[]> {
  const rows: { label: string; result: WorkloadResult }[] = []
  for (const count of [1, instances]) {
    const label = count === 1 ? '1 instance' : `${count} instances`
    process.stdout.write(`running ${label} (PostgreSQL + Redis)…\n`)
    const target = await startInstances(count)
    try {
      rows.push({ label, result: await runWhiteboardWorkload(target, options) })
    } finally {
      await target.stop('SIGTERM')
    }
  }
  const header = ['servers', 'delivered msg/s', 'fan-out p50 / p99 ms', 'cursor p50 / p99 ms', 'delivered', 'CPU µs / delivered msg (all processes)', 'worst loop delay p99 ms', 'late join ms']
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const body = rows.map(({ label, result: r }) =>
    line([
      label,
      (r.delivered / options.seconds).toFixed(0),
      `${ms(r.updateP50Ms)} / ${ms(r.updateP99Ms)}`,
      `${ms(r.cursorP50Ms)} / ${ms(r.cursorP99Ms)}`,
      `${pct(r.completeness)} (updates ${pct(r.updateCompleteness)}, cursors ${pct(r.cursorCompleteness)}, last cursor position ${pct(r.latestCursorCompleteness)})`,
      r.serverCpuMicrosPerDelivered.toFixed(1),
      ms(r.loopDelayP99Ms),
      ms(r.lateJoinMs),
    ]),
  )
  process.stdout.write(`\n${line(header)}\n${line(header.map(() => '---'))}\n${body.join('\n')}\n`)
  const [one, many] = rows.map((row) => row.result) as [WorkloadResult, WorkloadResult]
  process.stdout.write(
    `cross-instance hop (${instances} vs 1, ${((1 - 1 / instances) * 100).toFixed(0)} % of deliveries cross): ` +
      `fan-out p50 ${signed(many.updateP50Ms - one.updateP50Ms)} ms, p99 ${signed(many.updateP99Ms - one.updateP99Ms)} ms; ` +
      `cursor p50 ${signed(many.cursorP50Ms - one.cursorP50Ms)} ms; CPU per delivered ×${(many.serverCpuMicrosPerDelivered / one.serverCpuMicrosPerDelivered).toFixed(2)}\n`,
  )
  return rows.map((row) => row.result)
}
