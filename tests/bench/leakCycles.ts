/**
 * Leak check (issue 5, relay-notes bar item 13): the real app in this process, then cycles of
 * connect (welcome received, client closes) / reject (bad credential, refused with 401 at the
 * upgrade) / reconnect (sends a malformed frame, the relay closes it with 4400). After a warm-up,
 * the heap is measured after forced GC before and after the cycles; prints one JSON line.
 * Needs `--expose-gc`.
 *
 *   node --expose-gc --import tsx tests/bench/leakCycles.ts [cycles=10000]
 */
import WebSocket from 'ws'
import { createMeeting } from '../helpers/clients.ts'
import { startServer } from '../helpers/servers.ts'

const CYCLES = Number(process.argv[2] ?? 10_000)
const WARMUP_CYCLES = Math.min(1_000, Math.max(200, Math.floor(CYCLES / 5)))
/** Each socket must be done within this long, or the run fails (every wait has a deadline). */
const SOCKET_DEADLINE_MS = 10_000
const MALFORMED = Uint8Array.of(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2)

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')

const server = await startServer({ env: { RATE_LIMIT_SYNC_PER_MINUTE: '1000000' } })
const { apiKey } = await server.addWorker()
const meeting = await createMeeting(server.url, apiKey, 'leak check')
const syncUrl = `${server.url.replace(/^http/, 'ws')}/sync/${meeting.id}`

/** One socket's life; resolves with what ended it. */
function socketLife(token: string, act: 'welcome-then-close' | 'send-malformed' | 'expect-refusal'): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(syncUrl, { headers: { authorization: `Bearer ${token}` } })
    const timer = setTimeout(() => {
      ws.terminate()
      reject(new Error(`socket (${act}) not done within ${SOCKET_DEADLINE_MS} ms`))
    }, SOCKET_DEADLINE_MS)
    const done = (how: string) => {
      clearTimeout(timer)
      resolve(how)
    }
    ws.on('error', () => undefined)
    ws.on('unexpected-response', (_req, res) => {
      ws.terminate()
      done(`http ${res.statusCode}`)
    })
    ws.on('open', () => {
      if (act === 'send-malformed') ws.send(MALFORMED)
    })
    ws.once('message', () => {
      if (act === 'welcome-then-close') ws.close(1000)
    })
    ws.on('close', (code) => done(`close ${code}`))
  })
}

async function cycle(): Promise<void> {
  const connected = await socketLife(apiKey, 'welcome-then-close')
  const refused = await socketLife('smk_not-a-key', 'expect-refusal')
  const rejected = await socketLife(apiKey, 'send-malformed')
  if (connected !== 'close 1000' || refused !== 'http 401' || rejected !== 'close 4400') {
    throw new Error(`unexpected cycle outcome: ${connected} / ${refused} / ${rejected}`)
  }
}

const settledHeap = async (): Promise<number> => {
  let used = Infinity
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    gc()
    used = Math.min(used, process.memoryUsage().heapUsed)
  }
  return used
}

for (let i = 0; i < WARMUP_CYCLES; i++) await cycle()
const baseline = await settledHeap()
const started = performance.now()
for (let i = 0; i < CYCLES; i++) await cycle()
const elapsedMs = performance.now() - started
const after = await settledHeap()
const stats = server.services.relay.stats()
await server.close()
process.stdout.write(
  JSON.stringify({
    cycles: CYCLES,
    warmupCycles: WARMUP_CYCLES,
    baselineHeapBytes: baseline,
    finalHeapBytes: after,
    ratio: after / baseline,
    elapsedMs: Math.round(elapsedMs),
    connectionsLeft: stats.connections,
    rejectedMalformed: stats.counters.rejectedMalformed,
  }) + '\n',
)
