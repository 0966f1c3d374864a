/**
 * The seeded convergence fuzz (`relay-convergence-fuzz.test.ts`, same generator) in multi-instance
 * mode (issue 9): per seed, 4 stock y-websocket providers spread over three server processes that
 * share PostgreSQL and Redis make 100 random operations while clients disconnect, reconnect and
 * move to another instance. Afterwards every client holds the same doc and the shared store holds
 * it too. Runs when `DATABASE_URL` and `REDIS_URL` are set; otherwise skips with the reason printed.
 *
 * `RELAY_FUZZ_SEEDS=50` runs seeds 1..50; `RELAY_FUZZ_SEED=n` replays one seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMeeting } from '../helpers/clients.ts'
import { connectClusterPeer, scaleOutSkipReason, startCluster, type Cluster, type ClusterPeer } from '../helpers/cluster.ts'
import { expectServerCopyToMatch, runFuzzOperations, sameStateVector, waitForConvergence } from '../helpers/convergenceFuzz.ts'
import { createSeededRandom, fuzzSeeds, type SeededRandom } from '../bench/lib/seededRandom.ts'

const skipReason = scaleOutSkipReason('the multi-instance convergence fuzz')
const SEEDS = fuzzSeeds(process.env, 4)
const CLIENTS = 4
const INSTANCES = 3
const OPERATIONS = 100

if (!skipReason) process.stdout.write(`multi-instance convergence fuzz seeds: ${SEEDS.join(',')} (replay one with RELAY_FUZZ_SEED=n)\n`)

describe.skipIf(skipReason !== null)('seeded convergence fuzz across three relay instances', () => {
  let cluster: Cluster

  beforeAll(async () => {
    cluster = await startCluster({ size: INSTANCES })
  }, 240_000)
  afterAll(async () => {
    await cluster?.close()
  })

  const runSeed = async (random: SeededRandom): Promise<void> => {
    const meeting = await createMeeting(cluster.servers[0]!.url, cluster.apiKey, `fuzz ${random.seed}`)
    const peers: ClusterPeer[] = Array.from({ length: CLIENTS }, (_, c) =>
      connectClusterPeer({ cluster, prefer: c % INSTANCES, meetingId: meeting.id, token: cluster.apiKey }),
    )
    try {
      await Promise.all(peers.map((peer) => peer.synced()))
      const log = await runFuzzOperations({
        random,
        peers,
        operations: OPERATIONS,
        // The disruption here: a client's next connection lands on another instance.
        disrupt: async () => {
          const c = random.int(CLIENTS)
          const to = random.int(INSTANCES)
          peers[c]!.moveTo(to)
          return `${c}:to-${to}`
        },
      })
      await waitForConvergence(peers, `seed ${random.seed} (ops ${log.join(' ')})`)
      const stored = await expectServerCopyToMatch(() => cluster.storedDoc(meeting.id), peers[0]!, `seed ${random.seed}: the stored doc equals the clients'`)
      expect(sameStateVector(stored, peers[0]!.doc), `seed ${random.seed}: the stored doc holds every update`).toBe(true)
    } finally {
      for (const peer of peers) peer.destroy()
    }
  }

  it.each(SEEDS)('seed %i: 4 clients on 3 instances, 100 ops, disconnects and moves converge, and the store holds the same doc', async (seed) => {
    await runSeed(createSeededRandom(seed))
  }, 60_000)
})
