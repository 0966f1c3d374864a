/**
 * Rooms for benchmarks: created (our server needs a meeting per room), seeded by their first
 * client with the safety-map template and notes, then joined by the rest.
 *
 * ```ts
 * const rooms = await createRooms(target, 50)
 * const seeder = await seedRoom({ target, room, metrics, notes: 60, receivers: 9 })
 * ```
 */
import { RECORDS_ARRAY_NAME, writeSafetyMapTemplate, type RecordEntry } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { createMeeting } from '../../helpers/clients.ts'
import { BenchClient, type BenchMetrics } from './benchClient.ts'
import type { RunningTarget } from './benchTargets.ts'

const SYNC_DEADLINE_MS = 60_000
/** Notes per pushed chunk when seeding big maps: one update stays well under the 2 MiB frame cap. */
const SEED_CHUNK_NOTES = 250
/** Pause between chunks: under our relay's 2 MiB/s per-connection byte rate. */
const SEED_CHUNK_PAUSE_MS = 150

const schema = createSafetyMapSchema().serialize()
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)
  })
  try {
    return await Promise.race([promise, deadline])
  } finally {
    clearTimeout(timer)
  }
}

export async function createRooms(target: RunningTarget, count: number): Promise<string[]> {
  const rooms: string[] = []
  for (let i = 0; i < count; i++) {
    if (target.name === 'safetymap') rooms.push((await createMeeting(target.url, target.token!, `bench ${i}`)).id)
    else rooms.push(`bench-room-${i}`)
  }
  return rooms
}

export function connectClient(options: { target: RunningTarget; room: string; metrics: BenchMetrics; receivers: number; reconnect?: boolean }): BenchClient {
  const { target, room } = options
  return new BenchClient({
    protocol: target.protocol,
    url: target.roomUrl(room),
    room,
    token: target.token,
    metrics: options.metrics,
    receivers: options.receivers,
    ...(options.reconnect ? { reconnect: true } : {}),
  })
}

/**
 * Connects the room's first client, writes the template if the server has none (the reference
 * relays start empty; ours seeds it at meeting creation), then `notes` notes: one real note from
 * map-model, cloned with fresh ids and positions, pushed in chunks.
 */
export async function seedRoom(options: { target: RunningTarget; room: string; metrics: BenchMetrics; notes: number; receivers: number; reconnect?: boolean }): Promise<{ client: BenchClient; noteIds: string[] }> {
  const client = connectClient(options)
  await withDeadline(client.synced, SYNC_DEADLINE_MS, `the seeder of ${options.room} to sync`)
  const records = client.doc.getArray<RecordEntry>(RECORDS_ARRAY_NAME)
  if (records.length === 0) writeSafetyMapTemplate(client.doc, { title: 'Bench', locale: 'en', schema, now: new Date(0) })
  const first = client.board.addNote('strengths', 'Grandma picks Kai up after school', `shape:${options.room}-0`)
  const model = client.board.kv.get(first) as { x: number; y: number } & Record<string, unknown>
  const noteIds = [first]
  for (let start = 1; start < options.notes; start += SEED_CHUNK_NOTES) {
    const entries: RecordEntry[] = []
    for (let n = start; n < Math.min(options.notes, start + SEED_CHUNK_NOTES); n++) {
      const id = `shape:${options.room}-${n}`
      noteIds.push(id)
      entries.push({ key: id, val: { ...model, id, x: model.x + (n % 40) * 12, y: model.y + Math.floor(n / 40) * 12 } })
    }
    client.doc.transact(() => records.push(entries))
    if (options.notes > SEED_CHUNK_NOTES) await pause(SEED_CHUNK_PAUSE_MS)
  }
  return { client, noteIds }
}

export const SYNC_DEADLINE = SYNC_DEADLINE_MS
