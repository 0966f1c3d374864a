/**
 * Reconnect storm (issue 5, relay-notes bar item 15): `clients` connected clients over rooms of
 * 10 on our server, then the server is stopped (SIGTERM: flush, close sockets) and started again
 * on the same port and DATA_DIR. Clients reconnect with 100–1000 ms jitter; reports how long each
 * took from the restart to a completed resync, and checks none lost or duplicated a note.
 *
 *   const result = await runReconnectStorm({ clients: 500 })
 */
import { tempDataDir } from '../helpers/servers.ts'
import { BenchMetrics, type BenchClient } from './lib/benchClient.ts'
import { startTarget } from './lib/benchTargets.ts'
import { SYNC_DEADLINE, connectClient, createRooms, seedRoom, withDeadline } from './lib/rooms.ts'
import { median, percentile } from './lib/stats.ts'

export interface StormResult {
  readonly clients: number
  readonly resynced: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
  /** The same, counted from when the new process listened (without its start-up time). */
  readonly afterListenP50Ms: number
  readonly afterListenP99Ms: number
  readonly notesChanged: number
}

const CLIENTS_PER_ROOM = 10
const NOTES_PER_ROOM = 60

export async function runReconnectStorm(options: { clients: number }): Promise<StormResult> {
  const dataDir = tempDataDir()
  let target = await startTarget('safetymap', { dataDir })
  const metrics = new BenchMetrics()
  const clients: BenchClient[] = []
  try {
    const rooms = await createRooms(target, Math.ceil(options.clients / CLIENTS_PER_ROOM))
    for (const room of rooms) {
      const { client } = await seedRoom({ target, room, metrics, notes: NOTES_PER_ROOM, receivers: 0, reconnect: true })
      clients.push(client)
      for (let c = 1; c < CLIENTS_PER_ROOM && clients.length < options.clients; c++) {
        clients.push(connectClient({ target, room, metrics, receivers: 0, reconnect: true }))
      }
    }
    await withDeadline(Promise.all(clients.map((client) => client.synced)), SYNC_DEADLINE, 'every client to sync')
    const notesBefore = clients.map((client) => client.board.noteIds().length)

    for (const client of clients) client.expectResync()
    const restartedAt = performance.now()
    await target.stop('SIGTERM')
    target = await startTarget('safetymap', { dataDir, port: target.port })
    const listeningAt = performance.now()
    await withDeadline(Promise.all(clients.map((client) => client.synced)), 60_000, 'every client to resync').catch(() => undefined)
    const times = clients.filter((client) => client.syncedAt > 0).map((client) => client.syncedAt - restartedAt)
    const notesChanged = clients.filter((client, i) => client.board.noteIds().length !== notesBefore[i]).length
    return {
      clients: clients.length,
      resynced: times.length,
      p50Ms: median(times),
      p99Ms: percentile(times, 99),
      maxMs: Math.max(...times),
      afterListenP50Ms: median(times.map((t) => t - (listeningAt - restartedAt))),
      afterListenP99Ms: percentile(times.map((t) => t - (listeningAt - restartedAt)), 99),
      notesChanged,
    }
  } finally {
    for (const client of clients) client.close()
    await target.stop('SIGKILL')
  }
}
