/**
 * Where the benchmark's processes run. On a machine with two or more cores (and `taskset`), the
 * load generator runs on core 0 and the server under test on core 1, every server alike: left to
 * the scheduler, the two moved between cores and their event-loop delays doubled.
 *
 * The load generator also runs with a 64 MiB young generation. Its 500 sockets allocate ~50 MB/s;
 * with V8's default it paused 3–6 ms for a scavenge every 100–300 ms, and each pause delayed every
 * delivery behind it, whichever server ran: those pauses were most of everyone's fan-out p99.
 *
 *   relaunchAsLoadGenerator()                  // first thing in a benchmark script: may re-run it
 *   spawn(...serverCommand([node, script]))    // pinned to the server's core when possible
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'

const RELAUNCHED = 'SAFETYMAP_BENCH_LOAD_GENERATOR'
const LOAD_GENERATOR_FLAGS = ['--max-semi-space-size=64']
const LOAD_GENERATOR_CORE = '0'
const SERVER_CORE = '1'

/**
 * Whether the load generator and each server get a core of their own. Decided before the relaunch
 * and passed on: once pinned, the load generator sees one core.
 */
export const canPin = process.env[RELAUNCHED]
  ? process.env[RELAUNCHED] === 'pinned'
  : os.availableParallelism() >= 2 && spawnSync('taskset', ['--version']).status === 0

/** Re-runs this script as the load generator (pinned, larger young generation) unless it already is one; exits with its status. */
export function relaunchAsLoadGenerator(): void {
  if (process.env[RELAUNCHED]) return
  const command = [process.execPath, ...LOAD_GENERATOR_FLAGS, ...process.execArgv, ...process.argv.slice(1)]
  const pinned = canPin ? ['taskset', '-c', LOAD_GENERATOR_CORE, ...command] : command
  const run = spawnSync(pinned[0]!, pinned.slice(1), { stdio: 'inherit', env: { ...process.env, [RELAUNCHED]: canPin ? 'pinned' : 'shared' } })
  process.exit(run.status ?? 1)
}

/**
 * `command` run on the server's core (`pin`), or on every core: a child inherits the load
 * generator's core otherwise, and several instances (or a restarted one) would share it with the
 * load generator while the other core idles.
 */
export function serverCommand(command: readonly string[], options: { pin: boolean }): string[] {
  if (!canPin) return [...command]
  return ['taskset', '-c', options.pin ? SERVER_CORE : `0-${os.cpus().length - 1}`, ...command]
}
