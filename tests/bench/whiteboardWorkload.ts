/**
 * One benchmark pass against one server: N rooms × M clients on a pre-populated map, every client
 * moving one of its own sticky notes once a second and sending its cursor (awareness) 4 times a
 * second; then a late joiner's sync of a 5,000-shape map. Measures fan-out latency, delivery
 * completeness, server CPU per delivered message and peak RSS (see `run.ts` for the table).
 *
 *   const result = await runWhiteboardWorkload(target, { rooms: 50, clients: 10, seconds: 20, … })
 */
import { BenchMetrics, type BenchClient } from './lib/benchClient.ts'
import type { RunningTarget } from './lib/benchTargets.ts'
import { watchLoopDelay } from './lib/loopDelay.ts'
import { SYNC_DEADLINE, connectClient, createRooms, seedRoom, withDeadline } from './lib/rooms.ts'
import { median, percentile } from './lib/stats.ts'

export interface WorkloadOptions {
  readonly rooms: number
  readonly clients: number
  readonly seconds: number
  readonly notesPerRoom: number
  readonly lateJoinShapes: number
  readonly lateJoins: number
  readonly movesPerSecond: number
  readonly cursorsPerSecond: number
  /**
   * The load generator sends what is due every this many ms, in one burst: 10 by default (the
   * figures in the README); 1 spreads sends out, so fan-out p50 shows less of the burst's queueing.
   */
  readonly tickMs: number
}

export interface WorkloadResult {
  readonly target: string
  readonly connections: number
  readonly updatesSent: number
  readonly updateP50Ms: number
  readonly updateP99Ms: number
  readonly cursorP50Ms: number
  readonly cursorP99Ms: number
  /** Received / expected deliveries (updates and cursors together). */
  readonly completeness: number
  readonly updateCompleteness: number
  readonly cursorCompleteness: number
  /** Share of receivers holding each sender's last cursor position (see `latestCursorDelivered`). */
  readonly latestCursorCompleteness: number
  readonly delivered: number
  readonly serverCpuMicrosPerDelivered: number
  /** The kernel's share of serverCpuMicrosPerDelivered. */
  readonly serverSystemMicrosPerDelivered: number
  readonly peakRssBytes: number
  /** The server's event-loop delay during the window: p99 and max, ms. */
  readonly loopDelayP99Ms: number
  readonly loopDelayMaxMs: number
  /**
   * The load generator's own event-loop delay in the window, p99 ms: every delivery waits behind
   * it, whichever server runs, so it is the floor under everyone's fan-out p99.
   */
  readonly loadGeneratorLoopDelayP99Ms: number
  readonly lateJoinMs: number
  readonly lateJoinShapes: number
}

const WARMUP_MS = 2_000
const GRACE_MS = 2_000
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Actor {
  readonly client: BenchClient
  readonly ownNotes: string[]
  nextMoveAt: number
  nextCursorAt: number
  moves: number
}

export async function runWhiteboardWorkload(target: RunningTarget, options: WorkloadOptions): Promise<WorkloadResult> {
  const metrics = new BenchMetrics()
  const receivers = options.clients - 1
  const roomIds = await createRooms(target, options.rooms)
  const actors: Actor[] = []
  const clients: BenchClient[] = []
  try {
    for (const room of roomIds) {
      const { client, noteIds } = await seedRoom({ target, room, metrics, notes: options.notesPerRoom, receivers })
      const members = [client]
      for (let c = 1; c < options.clients; c++) members.push(connectClient({ target, room, metrics, receivers }))
      clients.push(...members)
      members.forEach((member, c) =>
        actors.push({ client: member, ownNotes: noteIds.filter((_, n) => n % options.clients === c), nextMoveAt: 0, nextCursorAt: 0, moves: 0 }),
      )
    }
    await withDeadline(Promise.all(clients.map((client) => client.synced)), SYNC_DEADLINE, 'every client to sync')

    const moveEveryMs = 1000 / options.movesPerSecond
    const cursorEveryMs = 1000 / options.cursorsPerSecond
    const start = performance.now()
    for (const actor of actors) {
      actor.nextMoveAt = start + Math.random() * moveEveryMs
      actor.nextCursorAt = start + Math.random() * cursorEveryMs
    }
    const ticker = setInterval(() => {
      const now = performance.now()
      for (const actor of actors) {
        if (now >= actor.nextMoveAt) {
          actor.nextMoveAt += moveEveryMs
          if (actor.ownNotes.length > 0) actor.client.moveNote(actor.ownNotes[actor.moves++ % actor.ownNotes.length]!)
        }
        if (now >= actor.nextCursorAt) {
          actor.nextCursorAt += cursorEveryMs
          actor.client.sendCursor()
        }
      }
    }, options.tickMs)

    await pause(WARMUP_MS)
    metrics.reset()
    const before = await target.stats()
    const ownLoopDelay = watchLoopDelay()
    metrics.windowStart = performance.now()
    metrics.windowEnd = Infinity
    metrics.measuring = true
    metrics.counting = true
    await pause(options.seconds * 1000)
    metrics.measuring = false
    metrics.windowEnd = performance.now()
    const loadGeneratorLoopDelayP99Ms = ownLoopDelay.p99Ms()
    ownLoopDelay.stop()
    clearInterval(ticker)
    await pause(GRACE_MS)
    metrics.counting = false
    const after = await target.stats()

    const { expected: expectedUpdates, received: receivedUpdates } = metrics.updateDeliveries()
    const delivered = metrics.receivedUpdates + metrics.receivedCursors
    const latestCursorCompleteness = metrics.latestCursorDelivered()
    for (const client of clients.splice(0)) client.close()

    const lateJoinMs = await measureLateJoin(target, options)
    return {
      target: target.name,
      connections: options.rooms * options.clients,
      updatesSent: metrics.updatesSent,
      updateP50Ms: median(metrics.updateLatencies.values()),
      updateP99Ms: percentile(metrics.updateLatencies.values(), 99),
      cursorP50Ms: median(metrics.cursorLatencies.values()),
      cursorP99Ms: percentile(metrics.cursorLatencies.values(), 99),
      completeness: (receivedUpdates + Math.min(metrics.receivedCursors, metrics.expectedCursors)) / (expectedUpdates + metrics.expectedCursors),
      updateCompleteness: receivedUpdates / expectedUpdates,
      cursorCompleteness: Math.min(metrics.receivedCursors, metrics.expectedCursors) / metrics.expectedCursors,
      latestCursorCompleteness,
      delivered,
      serverCpuMicrosPerDelivered: (after.cpuMicros - before.cpuMicros) / delivered,
      serverSystemMicrosPerDelivered: (after.cpuSystemMicros - before.cpuSystemMicros) / delivered,
      peakRssBytes: after.peakRssBytes,
      loopDelayP99Ms: after.loopDelayP99Ms,
      loopDelayMaxMs: after.loopDelayMaxMs,
      loadGeneratorLoopDelayP99Ms,
      lateJoinMs,
      lateJoinShapes: options.lateJoinShapes,
    }
  } finally {
    for (const client of clients) client.close()
  }
}

/** Seeds one room with `lateJoinShapes` notes, then times fresh clients from connect to synced (median). */
async function measureLateJoin(target: RunningTarget, options: WorkloadOptions): Promise<number> {
  const metrics = new BenchMetrics()
  const [room] = await createRooms(target, 1)
  const { client: seeder, noteIds } = await seedRoom({ target, room: room!, metrics, notes: options.lateJoinShapes, receivers: 0 })
  try {
    // On a busy machine the server may still be applying the seeder's chunks: wait until a
    // (untimed) joiner gets the whole map, so the timed ones measure sync, not seeding.
    const deadline = performance.now() + SYNC_DEADLINE
    for (;;) {
      const probe = connectClient({ target, room: room!, metrics, receivers: 0 })
      await withDeadline(probe.synced, SYNC_DEADLINE, 'a late-join probe to sync')
      const held = probe.board.noteIds().length
      probe.close()
      if (held >= noteIds.length) break
      if (performance.now() > deadline) throw new Error(`the server holds ${held} of ${noteIds.length} notes after ${SYNC_DEADLINE} ms`)
      await pause(500)
    }
    const times: number[] = []
    for (let i = 0; i < options.lateJoins; i++) {
      const joiner = connectClient({ target, room: room!, metrics, receivers: 0 })
      await withDeadline(joiner.synced, SYNC_DEADLINE, 'a late joiner to sync')
      const held = joiner.board.noteIds().length
      joiner.close()
      if (held < noteIds.length) throw new Error(`late joiner got ${held} of ${noteIds.length} notes`)
      times.push(joiner.syncedAt - joiner.connectStartedAt)
    }
    return median(times)
  } finally {
    seeder.close()
  }
}
