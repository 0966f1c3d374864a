/**
 * Leak check in the default suite (issue 5, relay-notes bar item 13): 2,000 connect / reject /
 * reconnect cycles against the real app, in a child process with `--expose-gc`, leave the heap
 * within 5 % of its post-warm-up baseline and no connection behind. The full 10,000 cycles:
 * `node --expose-gc --import tsx tests/bench/leakCycles.ts 10000`.
 */
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/servers.ts'

const CYCLES = 2_000
const DEADLINE_MS = 170_000

interface LeakReport {
  cycles: number
  baselineHeapBytes: number
  finalHeapBytes: number
  ratio: number
  connectionsLeft: number
  rejectedMalformed: number
}

function runLeakCycles(cycles: number): Promise<LeakReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'tests/bench/leakCycles.ts', String(cycles)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += String(d)))
    child.stderr.on('data', (d) => (output += String(d)))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`leak cycles not done within ${DEADLINE_MS} ms:\n${output}`))
    }, DEADLINE_MS)
    child.on('exit', (code) => {
      clearTimeout(timer)
      const line = output.split('\n').find((l) => l.startsWith('{"cycles"'))
      if (code !== 0 || !line) reject(new Error(`leak cycles failed (exit ${code}):\n${output}`))
      else resolve(JSON.parse(line) as LeakReport)
    })
  })
}

describe('connect / reject / reconnect cycles', () => {
  it(`return the heap to within 5 % of its baseline after ${CYCLES} cycles`, async () => {
    const report = await runLeakCycles(CYCLES)
    expect(report.cycles).toBe(CYCLES)
    expect(report.connectionsLeft).toBe(0)
    expect(report.rejectedMalformed).toBeGreaterThanOrEqual(CYCLES)
    expect(report.ratio, JSON.stringify(report)).toBeLessThanOrEqual(1.05)
  }, DEADLINE_MS + 10_000)
})
