/**
 * The servers a benchmark compares, each started as its own child process on a free port with an
 * IPC channel for CPU and memory readings (see `servers/benchServerIpc.ts`).
 *
 * ```ts
 * const server = await startTarget('safetymap', { dataDir })
 * const before = await server.stats(); …; await server.stop()
 * ```
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { REPO_ROOT, freePort } from '../../helpers/servers.ts'
import type { ReadyMessage, ServerStats } from '../servers/benchServerIpc.ts'
import type { WireProtocol } from './benchClient.ts'
import { serverCommand } from './benchProcess.ts'
import { perfNodeArgs, perfWindow } from './perfWindow.ts'

export const TARGETS = {
  safetymap: { label: 'SafetyMap relay', script: 'tests/bench/servers/safetymapServer.ts', protocol: 'y-websocket' },
  'y-websocket-server': { label: '@y/websocket-server 0.1.1', script: 'tests/bench/servers/yWebsocketServer.ts', protocol: 'y-websocket' },
  hocuspocus: { label: '@hocuspocus/server 3.4.4', script: 'tests/bench/servers/hocuspocusServer.ts', protocol: 'hocuspocus' },
  floor: { label: 'floor: forward only, not a Yjs server', script: 'tests/bench/servers/forwardOnlyServer.ts', protocol: 'y-websocket' },
} as const satisfies Record<string, { label: string; script: string; protocol: WireProtocol }>

export type TargetName = keyof typeof TARGETS

export interface RunningTarget {
  readonly name: TargetName
  readonly url: string
  readonly port: number
  readonly token: string | null
  readonly protocol: WireProtocol
  readonly child: ChildProcess
  /** ws URL of a room. */
  roomUrl(room: string): string
  stats(): Promise<ServerStats>
  stop(signal?: NodeJS.Signals): Promise<void>
}

const READY_DEADLINE_MS = 60_000
/** Generous: a peer's event loop can stall for seconds under load, and its reading waits for it. */
const STATS_DEADLINE_MS = 60_000

/** `pin`: run the server on its own core (see `benchProcess.ts`); for one server at a time only. */
export async function startTarget(
  name: TargetName,
  options: { dataDir: string; port?: number; env?: Record<string, string>; pin?: boolean },
): Promise<RunningTarget> {
  const target = TARGETS[name]
  const port = options.port ?? (await freePort())
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the servers.
  const nodeArgs = [...perfNodeArgs, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])]
  const command = serverCommand([process.execPath, ...nodeArgs, '--import', 'tsx', target.script], { pin: options.pin ?? false })
  const child = spawn(command[0]!, command.slice(1), {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env, PORT: String(port), DATA_DIR: options.dataDir },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const ready = await new Promise<ReadyMessage>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${READY_DEADLINE_MS} ms`)), READY_DEADLINE_MS)
    child.once('exit', (code) => reject(new Error(`${name} exited early (${code})`)))
    child.on('message', (message: { ready?: boolean }) => {
      if (!message.ready) return
      clearTimeout(timer)
      resolve(message as ReadyMessage)
    })
  })
  const wsBase = ready.url.replace(/^http/, 'ws')
  const sampled = perfWindow(name, child.pid)
  let readings = 0
  const readStats = (): Promise<ServerStats> =>
    new Promise<ServerStats>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} stats not answered within ${STATS_DEADLINE_MS} ms`)), STATS_DEADLINE_MS)
      const onMessage = (message: { stats?: ServerStats }) => {
        if (!message.stats) return
        clearTimeout(timer)
        child.off('message', onMessage)
        resolve(message.stats)
      }
      child.on('message', onMessage)
      child.send('stats')
    })
  return {
    name,
    url: ready.url,
    port,
    token: ready.token,
    protocol: target.protocol,
    child,
    roomUrl: (room) => (name === 'safetymap' ? `${wsBase}/sync/${room}` : name === 'hocuspocus' ? `${wsBase}/` : `${wsBase}/${room}`),
    async stats() {
      // The measured window lies between the first and the second reading.
      readings++
      if (readings === 2) await sampled?.stop()
      const stats = await readStats()
      if (readings === 1) await sampled?.start()
      return stats
    },
    async stop(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill(signal)
      await exited
    },
  }
}
