/**
 * What every benchmarked server process shares: it tells the parent (over the IPC channel) that it
 * listens, and answers `stats` with its own CPU time and memory, so the load generator can divide
 * server CPU by delivered messages.
 *
 *   reportReady({ url, token })   // once listening
 */
import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import path from 'node:path'
import { watchLoopDelay } from '../lib/loopDelay.ts'

export interface ServerStats {
  /** process.cpuUsage() user + system, µs. */
  readonly cpuMicros: number
  /** The system (kernel) part of cpuMicros: socket writes and loopback delivery are charged here. */
  readonly cpuSystemMicros: number
  readonly rssBytes: number
  /** Peak resident set size (getrusage maxrss), bytes. */
  readonly peakRssBytes: number
  /** Event-loop delay since the previous reading: p99 and max, ms. */
  readonly loopDelayP99Ms: number
  readonly loopDelayMaxMs: number
}

export interface ReadyMessage {
  readonly ready: true
  readonly url: string
  /** Bearer token clients send (our server only). */
  readonly token: string | null
}

export function reportReady(message: Omit<ReadyMessage, 'ready'>): void {
  const loopDelay = watchLoopDelay()
  process.on('message', (request: unknown) => {
    if (request !== 'stats') return
    const cpu = process.cpuUsage()
    const stats: ServerStats = {
      cpuMicros: cpu.user + cpu.system,
      cpuSystemMicros: cpu.system,
      rssBytes: process.memoryUsage.rss(),
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      loopDelayP99Ms: loopDelay.p99Ms(),
      loopDelayMaxMs: loopDelay.maxMs(),
    }
    loopDelay.reset()
    void profileWindow().then(() => process.send?.({ stats }))
  })
  process.send?.({ ready: true, ...message } satisfies ReadyMessage)
}

/**
 * With `BENCH_PROFILE_DIR` set, the CPU profile of exactly the measured window: started at the
 * first `stats` reading, written at the second (`<dir>/<pid>.cpuprofile`).
 */
let profiler: Session | null = null
let readings = 0
async function profileWindow(): Promise<void> {
  const dir = process.env.BENCH_PROFILE_DIR
  readings++
  if (!dir || readings > 2) return
  if (readings === 1) {
    profiler = new Session()
    profiler.connect()
    await profiler.post('Profiler.enable')
    await profiler.post('Profiler.start')
    return
  }
  const { profile } = await profiler!.post('Profiler.stop')
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(profile))
  profiler!.disconnect()
}

export function readPort(): number {
  const port = Number(process.env.PORT)
  if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set')
  return port
}
