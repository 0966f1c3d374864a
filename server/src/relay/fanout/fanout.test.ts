/**
 * Two relays in one process, each with its own Redis fan-out (real Redis at `REDIS_URL`), over one
 * SQLite file opened twice — as two relay instances sharing one database. Skipped, with the
 * reason printed, when `REDIS_URL` is not set.
 */
import { createServer, connect, type Server, type Socket } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import * as Y from 'yjs'
import { createSqliteDocStore, openDatabase } from '../../storage/index.ts'
import { RelayHarness, notesOf, waitFor } from '../testing/RelayHarness.ts'
import { createRedisFanout, INSTANCE_GONE_AFTER_MS, PEERS_REPAIR_INTERVAL_MS } from './createRedisFanout.ts'
import { CONTROL_CHANNEL, encodeControlMessage } from './fanoutWire.ts'
import { FANOUT_REPAIR_INTERVAL_MS } from './RoomLink.ts'
import type { RelayFanout } from './RelayFanout.ts'
import type { RelayOptions } from '../createRelay.ts'
import { createMeetingEvents } from '../../access/meetingEvents.ts'

const REDIS_URL = process.env.REDIS_URL
if (!REDIS_URL) {
  const reason = 'the relay fan-out tests need REDIS_URL (e.g. redis://127.0.0.1:6379)'
  if (process.env.CI_REQUIRE_SCALEOUT === '1') throw new Error(`${reason}; CI_REQUIRE_SCALEOUT=1 requires it`)
  console.log(`skipping: ${reason}`)
}

/**
 * A TCP proxy to Redis that can be cut (every connection dropped, new ones refused) and restored,
 * as a network outage between one instance and Redis.
 */
const redisProxy = async (target: URL) => {
  const sockets = new Set<Socket>()
  let cut = false
  const server: Server = createServer((client) => {
    if (cut) return client.destroy()
    const upstream = connect(Number(target.port || 6379), target.hostname)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => undefined)
      socket.on('close', () => {
        sockets.delete(socket)
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `redis://127.0.0.1:${(server.address() as { port: number }).port}`,
    cut() {
      cut = true
      for (const socket of sockets) socket.destroy()
    },
    restore() {
      cut = false
    },
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    }),
  }
}

/** One update that sets `notes[key] = value` on a fresh client. */
const noteUpdate = (key: string, value: string): Uint8Array => {
  const doc = new Y.Doc()
  doc.getMap('notes').set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

describe.skipIf(!REDIS_URL)('relay fan-out between instances over Redis', () => {
  let a: RelayHarness
  let b: RelayHarness
  let fanouts: RelayFanout[]
  let meeting: string

  const start = async (options: { compactAfterUpdates?: number; idleRoomUnloadMs?: number; urlOfA?: string; urlOfB?: string; recheckOnB?: RelayOptions['recheckPeer'] } = {}) => {
    const limits = {
      ...(options.compactAfterUpdates ? { compactAfterUpdates: options.compactAfterUpdates } : {}),
      ...(options.idleRoomUnloadMs ? { idleRoomUnloadMs: options.idleRoomUnloadMs } : {}),
    }
    fanouts = [
      await createRedisFanout({ url: options.urlOfA ?? REDIS_URL!, logger: quiet }),
      await createRedisFanout({ url: options.urlOfB ?? REDIS_URL!, logger: quiet }),
    ]
    await a.start({ fanout: fanouts[0]!, limits })
    // B opens the same file as A: two instances, one database.
    b.db.close()
    b.db = openDatabase(a.file)
    b.store = createSqliteDocStore(b.db)
    await b.start({ fanout: fanouts[1]!, limits, ...(options.recheckOnB ? { recheckPeer: options.recheckOnB } : {}) })
  }
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

  beforeEach(() => {
    a = new RelayHarness()
    b = new RelayHarness()
    meeting = `m-${Math.random().toString(36).slice(2)}`
  })
  afterEach(async () => {
    await a.dispose()
    await b.dispose()
    await Promise.all(fanouts.map((fanout) => fanout.close()))
  })

  it('an edit on one instance reaches the peers of the other, and is stored once', async () => {
    await start()
    const onA = a.provider(meeting, 'ana')
    const onB = b.provider(meeting, 'ben')
    await waitFor(() => onA.synced && onB.synced, 'both providers to sync')
    onA.doc.getMap('notes').set('n1', 'Grandma picks Kai up')
    await waitFor(() => onB.doc.getMap('notes').get('n1') === 'Grandma picks Kai up', 'the edit to cross instances')
    onB.doc.getMap('notes').set('n2', 'Dad calls every night')
    await waitFor(() => onA.doc.getMap('notes').get('n2') === 'Dad calls every night', 'the reply to cross back')
    expect(await a.stored(meeting)).toEqual({ n1: 'Grandma picks Kai up', n2: 'Dad calls every night' })
    // Each edit appended by the instance that accepted it only, never again by the one it reached.
    expect(a.rows(meeting).updates).toBe(2)
  })

  it('presence crosses instances, reaches an instance that loads the meeting later, and goes when its peer leaves', async () => {
    await start()
    const onA = a.provider(meeting, 'ana')
    await waitFor(() => onA.synced, 'A to sync')
    onA.awareness.setLocalStateField('user', { name: 'Ana' })
    const onB = b.provider(meeting, 'ben')
    const seesAna = () => [...onB.awareness.getStates().values()].some((state) => (state as { user?: { name?: string } }).user?.name === 'Ana')
    await waitFor(seesAna, 'B to see the presence of a peer on A (asked for on load)')
    onA.awareness.setLocalStateField('cursor', { x: 5, y: 7 })
    await waitFor(() => [...onB.awareness.getStates().values()].some((state) => (state as { cursor?: { x: number } }).cursor?.x === 5), 'a cursor move to cross')
    onA.destroy()
    await waitFor(() => !seesAna(), 'the presence to go when its peer leaves')
  })

  it("a stopped instance's presence disappears from the other instance's peers", async () => {
    await start()
    const onA = a.provider(meeting, 'ana')
    const onB = b.provider(meeting, 'ben')
    await waitFor(() => onA.synced && onB.synced, 'both providers to sync')
    onA.awareness.setLocalStateField('user', { name: 'Ana' })
    await waitFor(() => onB.awareness.getStates().has(onA.awareness.clientID), 'B to see Ana')
    // Close A's fan-out first, so nothing A's relay does on the way down reaches B: only the goodbye.
    await fanouts[0]!.close()
    await waitFor(() => !onB.awareness.getStates().has(onA.awareness.clientID), 'Ana to vanish on B', INSTANCE_GONE_AFTER_MS + 2_000)
  }, 10_000)

  it('revoking a participant on one instance closes their socket on the other within 1 s', async () => {
    await start()
    const onA = a.provider(meeting, 'ana')
    const raw = await b.raw(meeting, 'ben')
    await waitFor(() => onA.synced, 'A to sync')
    const started = Date.now()
    a.relay.closePeer('ben', 4403, 'PARTICIPANT_REMOVED')
    expect(await raw.closeCode).toBe(4403)
    expect(Date.now() - started).toBeLessThan(1_000)
    a.relay.closeMeeting(meeting, 4410, 'MEETING_ENDED')
    const again = await b.raw(meeting, 'cai')
    b.relay.closeMeeting(meeting, 4410, 'MEETING_ENDED')
    expect(await again.closeCode).toBe(4410)
  })

  it('a revocation given while the instance cannot reach Redis closes the socket on the other instance once it can', async () => {
    const proxy = await redisProxy(new URL(REDIS_URL!))
    try {
      await start({ urlOfA: proxy.url })
      const raw = await b.raw(meeting, 'ben')
      let closedAt = 0
      void raw.closeCode.then(() => (closedAt = Date.now()))
      proxy.cut()
      a.relay.closePeer('ben', 4403, 'PARTICIPANT_REMOVED')
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(closedAt, 'nothing can reach B while A is cut off').toBe(0)
      const restoredAt = Date.now()
      proxy.restore()
      await waitFor(() => closedAt > 0, 'the waiting revocation to reach B', 3_000)
      expect(await raw.closeCode).toBe(4403)
      // ioredis retries every 100–300 ms after a short outage; then the waiting command goes first thing.
      expect(closedAt - restoredAt).toBeLessThan(2_000)
    } finally {
      await proxy.close()
    }
  }, 10_000)

  it('a revocation published while the other instance’s subscription was down closes the socket there once it resubscribes', async () => {
    const proxy = await redisProxy(new URL(REDIS_URL!))
    const revoked = new Set<string>()
    try {
      // B reads access afresh (the database, in the server) for its peers when its subscription comes back.
      await start({ urlOfB: proxy.url, recheckOnB: async ({ participantId }) => (revoked.has(participantId) ? { code: 4403, reason: 'PARTICIPANT_REMOVED' } : null) })
      const kept = await b.raw(meeting, 'cai')
      const raw = await b.raw(meeting, 'ben')
      let closedAt = 0
      void raw.closeCode.then(() => (closedAt = Date.now()))
      proxy.cut()
      revoked.add('ben')
      a.relay.closePeer('ben', 4403, 'PARTICIPANT_REMOVED')
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(closedAt, 'B was not subscribed when A published').toBe(0)
      const restoredAt = Date.now()
      proxy.restore()
      await waitFor(() => closedAt > 0, 'B to recheck its peers once resubscribed', 3_000)
      expect(await raw.closeCode).toBe(4403)
      expect(closedAt - restoredAt).toBeLessThan(2_000)
      expect(kept.readyState, 'a participant whose access did not change stays').toBe(kept.OPEN)
    } finally {
      await proxy.close()
    }
  }, 10_000)

  it('a purge published while the other instance’s subscription was down drops its room there unsaved once it resubscribes', async () => {
    const proxy = await redisProxy(new URL(REDIS_URL!))
    let purged = false
    try {
      // Rooms unload 100 ms after their last peer leaves, and compact as they do.
      await start({ urlOfB: proxy.url, idleRoomUnloadMs: 100, recheckOnB: async () => (purged ? { code: 4410, reason: 'RELAY_MEETING_CLOSED', gone: true } : null) })
      const onB = b.provider(meeting, 'ben')
      await waitFor(() => onB.synced, 'B to sync')
      onB.doc.getMap('notes').set('n1', 'Kai’s school')
      await waitFor(async () => 'n1' in (await a.stored(meeting)), 'the note to be stored')
      proxy.cut()
      purged = true
      await a.relay.purgeMeeting(meeting)
      expect(a.rows(meeting)).toEqual({ updates: 0, snapshots: 0 })
      proxy.restore()
      await waitFor(() => b.relay.stats().rooms === 0, 'B to drop the purged meeting’s room', 3_000)
      // Unloading compacts a room; this one must not have written the purged doc back.
      expect(a.rows(meeting)).toEqual({ updates: 0, snapshots: 0 })
      onB.destroy()
    } finally {
      await proxy.close()
    }
  }, 10_000)

  it.each(['publisher', 'subscriber'] as const)('a roster change reaches the other instance’s roster streams although the %s’s Redis link was down', async (side) => {
    const proxy = await redisProxy(new URL(REDIS_URL!))
    try {
      await start(side === 'publisher' ? { urlOfA: proxy.url } : { urlOfB: proxy.url })
      const onA = createMeetingEvents({ shared: fanouts[0]! })
      const onB = createMeetingEvents({ shared: fanouts[1]! })
      let heard = 0
      onB.subscribe(meeting, () => heard++)
      proxy.cut()
      // As when someone joins the lobby through A while A's (or B's) link to Redis is down.
      onA.rosterChanged(meeting)
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(heard).toBe(0)
      proxy.restore()
      await waitFor(() => heard > 0, `B’s roster stream to hear of it once the ${side} is back`, 3_000)
    } finally {
      await proxy.close()
    }
  }, 10_000)

  it('a lost change of who is connected is put right within the repair interval', async () => {
    await start()
    a.provider(meeting, 'ana')
    await waitFor(() => b.relay.peersOf(meeting).includes('ana'), 'Ana, connected to A, to be online on B')
    // As if A's "Ana left" reached B but not "Ana is back" (a Redis blip): B's view of A goes wrong.
    const impostor = new Redis(REDIS_URL!)
    try {
      const left = encodeControlMessage(fanouts[0]!.instanceId, { kind: 'peers', peers: { complete: false, meetings: [[meeting, []]] } })
      await impostor.publish(CONTROL_CHANNEL, Buffer.from(left))
      await waitFor(() => !b.relay.peersOf(meeting).includes('ana'), 'B to believe Ana left')
      const wrongAt = Date.now()
      await waitFor(() => b.relay.peersOf(meeting).includes('ana'), 'A’s next complete list to show Ana online again', PEERS_REPAIR_INTERVAL_MS * 1.5 + 1_000)
      expect(Date.now() - wrongAt).toBeLessThan(PEERS_REPAIR_INTERVAL_MS * 1.5 + 1_000)
    } finally {
      impostor.disconnect()
    }
  }, 15_000)

  it('an update another instance stored but never published reaches the peers within the repair interval', async () => {
    await start()
    const onB = b.provider(meeting, 'ben')
    await waitFor(() => onB.synced, 'B to sync')
    // As if an instance appended, then died before its publish went out.
    const appended = await a.store.appendUpdate(meeting, noteUpdate('lost', 'found again'))
    expect(appended.ok).toBe(true)
    await waitFor(() => onB.doc.getMap('notes').get('lost') === 'found again', 'the repair from the store', FANOUT_REPAIR_INTERVAL_MS * 2 + 1_000)
  }, 10_000)

  it('compaction keeps an update of another instance that this one had not received yet', async () => {
    await start({ compactAfterUpdates: 3 })
    const onA = a.provider(meeting, 'ana')
    await waitFor(() => onA.synced, 'A to sync')
    onA.doc.getMap('notes').set('first', '1')
    await waitFor(async () => 'first' in (await a.stored(meeting)), 'the first edit to be stored')
    // B's update is stored but A has not applied it; A's next edits pass the compaction threshold.
    expect((await b.store.appendUpdate(meeting, noteUpdate('fromB', 'kept'))).ok).toBe(true)
    onA.doc.getMap('notes').set('second', '2')
    onA.doc.getMap('notes').set('third', '3')
    await waitFor(() => a.rows(meeting).snapshots === 1, 'A to compact')
    const loaded = await a.store.load(meeting)
    expect(loaded.ok && notesOf(loaded.value?.state)).toEqual({ first: '1', second: '2', third: '3', fromB: 'kept' })
  })

  it("who is connected to one instance is online on the others (one started later too) until they leave or their instance stops", async () => {
    await start()
    const onA = a.provider(meeting, 'ana')
    await waitFor(() => b.relay.peersOf(meeting).includes('ana'), 'Ana, connected to A, to be online on B')
    const late = await createRedisFanout({ url: REDIS_URL!, logger: quiet })
    fanouts.push(late)
    await waitFor(() => late.remotePeersOf(meeting).includes('ana'), 'an instance started later to learn Ana is online')
    onA.destroy()
    await waitFor(() => b.relay.peersOf(meeting).length === 0, 'Ana to go offline on B when she leaves')
    a.provider(meeting, 'ana')
    await waitFor(() => b.relay.peersOf(meeting).includes('ana'), 'Ana to be online on B again')
    await fanouts[0]!.close()
    await waitFor(() => !b.relay.peersOf(meeting).includes('ana'), "Ana to go offline on B with A's fan-out")
  }, 10_000)

  it("a roster change signalled on one instance reaches the other's roster listeners", async () => {
    await start()
    const onA = createMeetingEvents({ shared: fanouts[0]! })
    const onB = createMeetingEvents({ shared: fanouts[1]! })
    const heardOnA: string[] = []
    const heardOnB: string[] = []
    onA.subscribe(meeting, () => heardOnA.push(meeting))
    onB.subscribe(meeting, () => heardOnB.push(meeting))
    onB.subscribe('another meeting', () => heardOnB.push('another meeting'))
    onA.rosterChanged(meeting)
    await waitFor(() => heardOnB.length === 1, 'the signal to reach B')
    expect(heardOnA, 'heard once where it happened (not again from Redis)').toEqual([meeting])
    expect(heardOnB).toEqual([meeting])
  })
})

describe('starting the fan-out', () => {
  it('refuses to start without Redis, and never repeats the URL (it may hold a password)', async () => {
    const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
    const started = createRedisFanout({ url: 'redis://:s3cret@127.0.0.1:1', logger: quiet })
    await expect(started).rejects.toThrow(/could not connect to Redis/)
    await expect(started).rejects.toThrow(/^(?!.*s3cret)/)
  })
})
