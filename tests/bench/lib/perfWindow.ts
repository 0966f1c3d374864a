/**
 * With `BENCH_PERF_DIR` set, Linux `perf` samples each server over exactly the measured window
 * (started after the first `stats` reading, stopped before the second) and leaves
 * `<dir>/<target>-<pid>.perf.data` with a text summary beside it (`.txt`: the split by binary —
 * kernel, node, JIT-compiled JS, SQLite — and the top symbols with their callees included).
 *
 * Unlike the V8 profile (`BENCH_PROFILE_DIR`), it sees the whole process: the kernel's share of each
 * socket write, libuv, SQLite, the GC's threads. In the V8 profile of a presence-only run our
 * server was outside "(idle)" 3.5 % of the window while `process.cpuUsage` counted 18 % of a core:
 * the time in syscalls and native code between JS calls does not show there.
 *
 * ```ts
 * const window = perfWindow('safetymap', child.pid)   // null without BENCH_PERF_DIR
 * await window?.start(); …; await window?.stop()
 * ```
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const dir = process.env.BENCH_PERF_DIR || null

/** Node flags a sampled server needs: a symbol map of its JIT-compiled JS for `perf report`. */
export const perfNodeArgs: readonly string[] = dir ? ['--perf-basic-prof'] : []

if (dir && spawnSync('perf', ['--version']).status !== 0) {
  throw new Error('BENCH_PERF_DIR needs Linux perf: install it (Debian: apt-get install linux-perf) or unset BENCH_PERF_DIR')
}

const SAMPLES_PER_SECOND = '999'
const REPORT_LINES = 150

export interface PerfWindow {
  start(): Promise<void>
  stop(): Promise<void>
}

export function perfWindow(target: string, pid: number | undefined): PerfWindow | null {
  if (!dir || pid === undefined) return null
  const data = path.join(dir, `${target}-${pid}.perf.data`)
  let recorder: ReturnType<typeof spawn> | null = null
  return {
    async start() {
      fs.mkdirSync(dir, { recursive: true })
      recorder = spawn('perf', ['record', '-e', 'cpu-clock', '-F', SAMPLES_PER_SECOND, '-g', '-p', String(pid), '-o', data], { stdio: ['ignore', 'ignore', 'inherit'] })
      // perf gives no sign once it is attached: a moment's wait so the window's start is sampled.
      await new Promise((resolve) => setTimeout(resolve, 200))
    },
    async stop() {
      if (!recorder) return
      const exited = new Promise((resolve) => recorder!.once('exit', resolve))
      recorder.kill('SIGINT')
      await exited
      recorder = null
      const report = (args: string[]): string =>
        spawnSync('perf', ['report', '-i', data, '-q', '-g', 'none', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
          .stdout.split('\n')
          .slice(0, REPORT_LINES)
          .join('\n')
      const summary = [
        `# ${target} (pid ${pid}): share of CPU samples by binary`,
        report(['--no-children', '--sort', 'dso']),
        '# by symbol, callees included',
        report(['--children', '--sort', 'sym']),
      ].join('\n')
      fs.writeFileSync(data.replace(/\.perf\.data$/, '.txt'), summary)
    },
  }
}
