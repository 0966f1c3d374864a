/**
 * Seeded convergence fuzzing against the real server (issue 5, relay-notes bar item 22): per seed,
 * 4 stock y-websocket providers make 100 random operations on one meeting — add a note through
 * map-model, move / edit / delete it through the records array with YKeyValue as the canvas
 * binding does — while clients randomly disconnect and reconnect and the server restarts in
 * process on the same port and DATA_DIR. Afterwards every client holds the same doc, and the
 * stored doc (read back after one more restart) equals it.
 *
 * `RELAY_FUZZ_SEEDS=50` runs seeds 1..50; `RELAY_FUZZ_SEED=n` replays one seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SECTION_KEYS } from '@safetymap/map-model'
import { connectPeer, createMeeting, type Peer } from '../helpers/clients.ts'
import { startServer, type TestServer } from '../helpers/servers.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { createSeededRandom, fuzzSeeds, type SeededRandom } from '../bench/lib/seededRandom.ts'
import { openBoard } from '../bench/lib/whiteboardOps.ts'

const SEEDS = fuzzSeeds(process.env, 8)
const CLIENTS = 4
const OPERATIONS = 100
/** Reconnects are the point here; the per-IP upgrade limit (30/min) is tested elsewhere. */
const SERVER_ENV = { RATE_LIMIT_SYNC_PER_MINUTE: '1000000' }

process.stdout.write(`relay convergence fuzz seeds: ${SEEDS.join(',')} (replay one with RELAY_FUZZ_SEED=n)\n`)

/** The doc as compared: records array (order included) and meta map, as JSON. */
const snapshotOf = (doc: Y.Doc): string =>
  JSON.stringify({ records: doc.getArray('records').toJSON(), meta: doc.getMap('meta').toJSON() })

const sameStateVector = (a: Y.Doc, b: Y.Doc): boolean => Buffer.from(Y.encodeStateVector(a)).equals(Y.encodeStateVector(b))

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('seeded convergence fuzz against the real server', () => {
  let server: TestServer
  let apiKey = ''
  let port = 0
  let dataDir = ''

  beforeAll(async () => {
    server = await startServer({ env: SERVER_ENV })
    apiKey = server.addWorker().apiKey
    port = Number(new URL(server.url).port)
    dataDir = server.dataDir
  })
  afterAll(async () => {
    await server.close()
  })

  /** Closes the app (flush, close sockets) and starts it again on the same port and DATA_DIR. */
  const restart = async (): Promise<void> => {
    await server.close()
    server = await startServer({ dataDir, port, env: SERVER_ENV })
  }

  const runSeed = async (random: SeededRandom): Promise<void> => {
    const meeting = await createMeeting(server.url, apiKey, `fuzz ${random.seed}`)
    const peers: Peer[] = Array.from({ length: CLIENTS }, () => connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey }))
    try {
      await Promise.all(peers.map((peer) => peer.synced()))
      const boards = peers.map((peer) => openBoard(peer.doc))
      const log: string[] = []
      let restarts = 0
      for (let op = 0; op < OPERATIONS; op++) {
        const c = random.int(CLIENTS)
        const board = boards[c]!
        const peer = peers[c]!
        const ids = board.noteIds().sort()
        const roll = random.next()
        if (roll < 0.3 || ids.length === 0) {
          board.addNote(random.pick(SECTION_KEYS), `note ${random.seed}-${op}`, `shape:s${random.seed}o${op}`)
          log.push(`${c}:add`)
        } else if (roll < 0.6) {
          board.move(random.pick(ids), random.int(41) - 20, random.int(41) - 20)
          log.push(`${c}:move`)
        } else if (roll < 0.75) {
          board.edit(random.pick(ids), `edited ${random.seed}-${op}`)
          log.push(`${c}:edit`)
        } else if (roll < 0.85) {
          board.remove(random.pick(ids))
          log.push(`${c}:delete`)
        } else if (roll < 0.95) {
          if (peer.provider.shouldConnect) peer.provider.disconnect()
          else peer.provider.connect()
          log.push(`${c}:toggle`)
        } else if (restarts < 2) {
          restarts++
          await restart()
          log.push('restart')
        }
        await pause(random.int(12))
      }

      for (const peer of peers) if (!peer.provider.shouldConnect) peer.provider.connect()
      await waitFor(
        () => peers.every((peer) => peer.provider.synced && sameStateVector(peer.doc, peers[0]!.doc)) && new Set(peers.map((p) => snapshotOf(p.doc))).size === 1,
        { timeoutMs: 20_000, intervalMs: 50, what: `seed ${random.seed}: all ${CLIENTS} clients to converge (ops ${log.join(' ')})` },
      )
      const refused = Object.entries(server.services.relay.stats().counters).filter(([name, count]) => name.startsWith('rejected') && count > 0)
      expect(refused, `seed ${random.seed}: honest clients are never refused`).toEqual([])
      const live = await server.services.relay.readDocState(meeting.id)
      const liveDoc = new Y.Doc()
      Y.applyUpdate(liveDoc, live!)
      expect(snapshotOf(liveDoc), `seed ${random.seed}: the relay's doc equals the clients'`).toBe(snapshotOf(peers[0]!.doc))

      // What the store holds (no room loaded after a restart) equals what every client holds.
      for (const peer of peers) peer.provider.disconnect()
      await restart()
      const stored = await server.services.relay.readDocState(meeting.id)
      const storedDoc = new Y.Doc()
      Y.applyUpdate(storedDoc, stored!)
      expect(snapshotOf(storedDoc), `seed ${random.seed}: the stored doc equals the clients'`).toBe(snapshotOf(peers[0]!.doc))
      expect(sameStateVector(storedDoc, peers[0]!.doc), `seed ${random.seed}: the stored doc holds every update`).toBe(true)
    } finally {
      for (const peer of peers) peer.destroy()
    }
  }

  it.each(SEEDS)('seed %i: 4 clients, 100 ops, disconnects and restarts converge, and the store holds the same doc', async (seed) => {
    await runSeed(createSeededRandom(seed))
  }, 60_000)
})
