/**
 * The seeded operation generator of the convergence fuzz (relay-notes bar item 22), shared by the
 * single-server run (`relay-convergence-fuzz.test.ts`) and the three-instance run
 * (`scaleout-convergence-fuzz.test.ts`): random clients add a note through map-model, move / edit /
 * delete one through the records array as the canvas binding does, disconnect or reconnect, and
 * now and then the caller disrupts the servers (a restart, a client moving to another instance).
 *
 *   const log = await runFuzzOperations({ random, peers, operations: 100, disrupt: async () => … })
 *   await waitForConvergence(peers, `seed ${random.seed} (ops ${log.join(' ')})`)
 */
import { expect } from 'vitest'
import * as Y from 'yjs'
import { SECTION_KEYS } from '@safetymap/map-model'
import { openBoard } from '../bench/lib/whiteboardOps.ts'
import type { SeededRandom } from '../bench/lib/seededRandom.ts'
import type { Peer } from './clients.ts'
import { waitFor } from './waitFor.ts'

/** The doc as compared: records array (order included) and meta map, as JSON. */
export const snapshotOf = (doc: Y.Doc): string =>
  JSON.stringify({ records: doc.getArray('records').toJSON(), meta: doc.getMap('meta').toJSON() })

export const sameStateVector = (a: Y.Doc, b: Y.Doc): boolean => Buffer.from(Y.encodeStateVector(a)).equals(Y.encodeStateVector(b))

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `operations` seeded operations over `peers`; 5 % of them call `disrupt`, which does its
 * thing and returns a log label (or null when it chose to do nothing). Returns the operation log.
 */
export async function runFuzzOperations(options: {
  random: SeededRandom
  peers: readonly Peer[]
  operations: number
  disrupt: () => Promise<string | null>
}): Promise<string[]> {
  const { random, peers } = options
  const boards = peers.map((peer) => openBoard(peer.doc))
  const log: string[] = []
  for (let op = 0; op < options.operations; op++) {
    const c = random.int(peers.length)
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
    } else {
      const label = await options.disrupt()
      if (label) log.push(label)
    }
    await pause(random.int(12))
  }
  return log
}

/** Reconnects every client and waits until all hold the same doc (state vector and content). */
export async function waitForConvergence(peers: readonly Peer[], what: string): Promise<void> {
  for (const peer of peers) if (!peer.provider.shouldConnect) peer.provider.connect()
  await waitFor(
    () => peers.every((peer) => peer.provider.synced && sameStateVector(peer.doc, peers[0]!.doc)) && new Set(peers.map((p) => snapshotOf(p.doc))).size === 1,
    { timeoutMs: 20_000, intervalMs: 50, what: `${what}: all ${peers.length} clients to converge` },
  )
}

/**
 * Reads a server's copy of the doc until it equals `peer`'s (5 s at most), expects that it does,
 * and returns it. Clients can agree before a server does: each removes a key's older duplicate
 * itself (YKeyValue), so those removals may still be on their way when the clients converge.
 */
export async function expectServerCopyToMatch(read: () => Promise<Uint8Array | null>, peer: Peer, what: string): Promise<Y.Doc> {
  const readDoc = async () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, (await read())!)
    return doc
  }
  const expected = snapshotOf(peer.doc)
  await waitFor(async () => snapshotOf(await readDoc()) === expected, { timeoutMs: 5_000, intervalMs: 100, what }).catch(() => undefined)
  const copy = await readDoc()
  expect(snapshotOf(copy), what).toBe(expected)
  return copy
}
