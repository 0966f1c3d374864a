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
import { beforeAll, describe, expect, it } from 'vitest'
import { connectPeer, createMeeting, type Peer } from '../helpers/clients.ts'
import { expectServerCopyToMatch, runFuzzOperations, sameStateVector, waitForConvergence } from '../helpers/convergenceFuzz.ts'
import type { TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'
import { createSeededRandom, fuzzSeeds, type SeededRandom } from '../bench/lib/seededRandom.ts'

const SEEDS = fuzzSeeds(process.env, 8)
const CLIENTS = 4
const OPERATIONS = 100
/** Reconnects are the point here; the per-IP upgrade limit (30/min) is tested elsewhere. */
const SERVER_ENV = { RATE_LIMIT_SYNC_PER_MINUTE: '1000000' }

process.stdout.write(`relay convergence fuzz seeds: ${SEEDS.join(',')} (replay one with RELAY_FUZZ_SEED=n)\n`)

describe('seeded convergence fuzz against the real server', () => {
  const start = useServers()
  let server: TestServer
  let apiKey = ''
  let port = 0
  let dataDir = ''

  beforeAll(async () => {
    server = await start({ env: SERVER_ENV })
    apiKey = (await server.addWorker()).apiKey
    port = Number(new URL(server.url).port)
    dataDir = server.dataDir
  })

  /** Closes the app (flush, close sockets) and starts it again on the same port and DATA_DIR. */
  const restart = async (): Promise<void> => {
    await server.close()
    server = await start({ dataDir, port, env: SERVER_ENV })
  }

  const runSeed = async (random: SeededRandom): Promise<void> => {
    const meeting = await createMeeting(server.url, apiKey, `fuzz ${random.seed}`)
    const peers: Peer[] = Array.from({ length: CLIENTS }, () => connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey }))
    try {
      await Promise.all(peers.map((peer) => peer.synced()))
      let restarts = 0
      const log = await runFuzzOperations({
        random,
        peers,
        operations: OPERATIONS,
        disrupt: async () => {
          if (restarts >= 2) return null
          restarts++
          await restart()
          return 'restart'
        },
      })
      await waitForConvergence(peers, `seed ${random.seed} (ops ${log.join(' ')})`)
      const refused = Object.entries(server.services.relay.stats().counters).filter(([name, count]) => name.startsWith('rejected') && count > 0)
      expect(refused, `seed ${random.seed}: honest clients are never refused`).toEqual([])
      await expectServerCopyToMatch(() => server.services.relay.readDocState(meeting.id), peers[0]!, `seed ${random.seed}: the relay's doc equals the clients'`)

      // What the store holds (no room loaded after a restart) equals what every client holds.
      for (const peer of peers) peer.provider.disconnect()
      await restart()
      const storedDoc = await expectServerCopyToMatch(() => server.services.relay.readDocState(meeting.id), peers[0]!, `seed ${random.seed}: the stored doc equals the clients'`)
      expect(sameStateVector(storedDoc, peers[0]!.doc), `seed ${random.seed}: the stored doc holds every update`).toBe(true)
    } finally {
      for (const peer of peers) peer.destroy()
    }
  }

  it.each(SEEDS)('seed %i: 4 clients, 100 ops, disconnects and restarts converge, and the store holds the same doc', async (seed) => {
    await runSeed(createSeededRandom(seed))
  }, 60_000)
})
