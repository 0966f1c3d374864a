/**
 * Scale-out (issue 9): three server processes on their own ports sharing one PostgreSQL database
 * and one Redis, with clients spread across them as a load balancer would spread them. Runs when
 * `DATABASE_URL` and `REDIS_URL` are set (`.ci/run` sets both and requires them); otherwise skips
 * with the reason printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { SECTION_KEYS } from '@safetymap/map-model'
import { api, createMeeting, joinByInvite, type Peer } from '../helpers/clients.ts'
import { connectClusterPeer, scaleOutSkipReason, startCluster, type Cluster } from '../helpers/cluster.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { openBoard } from '../bench/lib/whiteboardOps.ts'

const skipReason = scaleOutSkipReason('the three-instance scale-out tests')

/** The doc as compared: records array (order included) and meta map, as JSON. */
const snapshotOf = (doc: Y.Doc): string => JSON.stringify({ records: doc.getArray('records').toJSON(), meta: doc.getMap('meta').toJSON() })
const docOf = (state: Uint8Array | null): Y.Doc => {
  const doc = new Y.Doc()
  if (state) Y.applyUpdate(doc, state)
  return doc
}
const converged = (peers: readonly Peer[]): boolean =>
  peers.every((peer) => peer.provider.synced) && new Set(peers.map((peer) => snapshotOf(peer.doc))).size === 1
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.skipIf(skipReason !== null)('three relay instances sharing PostgreSQL and Redis', () => {
  let cluster: Cluster
  const peers: Peer[] = []

  beforeAll(async () => {
    cluster = await startCluster({ size: 3 })
  }, 240_000)
  afterAll(async () => {
    for (const peer of peers.splice(0)) peer.destroy()
    await cluster?.close()
  })

  const spread = (meetingId: string, onServers: readonly number[]): Peer[] => {
    const made = onServers.map((prefer) => connectClusterPeer({ cluster, prefer, meetingId, token: cluster.apiKey }))
    peers.push(...made)
    return made
  }

  it('clients spread across the instances converge, see each other’s presence, and the store holds their doc', async () => {
    const meeting = await createMeeting(cluster.servers[0]!.url, cluster.apiKey, 'scale-out convergence')
    const clients = spread(meeting.id, [0, 1, 2, 0, 1, 2])
    await Promise.all(clients.map((client) => client.synced()))
    const boards = clients.map((client) => openBoard(client.doc))
    for (let round = 0; round < 8; round++) {
      boards.forEach((board, c) => {
        const id = board.addNote(SECTION_KEYS[(c + round) % SECTION_KEYS.length]!, `note ${c}-${round}`, `shape:c${c}r${round}`)
        board.move(id, 3, -2)
      })
      await pause(20)
    }
    await waitFor(() => converged(clients), { timeoutMs: 20_000, intervalMs: 50, what: 'six clients on three instances to converge' })
    expect(boards[0]!.noteIds().filter((id) => id.startsWith('shape:c'))).toHaveLength(48)

    clients[0]!.provider.awareness.setLocalStateField('user', { name: 'Ana' })
    await waitFor(() => clients[2]!.provider.awareness.getStates().has(clients[0]!.provider.awareness.clientID), {
      timeoutMs: 5_000,
      what: 'a client on instance 2 to see the presence of a client on instance 0',
    })

    const stored = docOf(await cluster.storedDoc(meeting.id))
    expect(snapshotOf(stored), 'the stored doc equals the clients’ doc').toBe(snapshotOf(clients[0]!.doc))
    for (const client of clients) client.destroy()
  }, 60_000)

  it('removing a participant on instance A closes their socket on instance C within 1 s', async () => {
    const [a, , c] = cluster.servers
    const meeting = await createMeeting(a!.url, cluster.apiKey, 'scale-out revocation')
    const ben = await joinByInvite(a!.url, cluster.apiKey, meeting.id, 'Ben')
    const socket = new WebSocket(`${c!.url.replace(/^http/, 'ws')}/sync/${meeting.id}`, { headers: { authorization: `Bearer ${ben.session}` } })
    socket.on('error', () => undefined)
    const firstFrame = new Promise((resolve) => socket.once('message', resolve))
    const closed = new Promise<{ code: number; at: number }>((resolve) => socket.once('close', (code) => resolve({ code, at: Date.now() })))
    await firstFrame
    const startedAt = Date.now()
    const removed = await api(a!.url, `/api/meetings/${meeting.id}/participants/${ben.participantId}`, { method: 'DELETE', token: cluster.apiKey })
    expect(removed.status).toBe(204)
    const { code, at } = await closed
    expect(code).toBe(4403)
    expect(at - startedAt, 'from the request on A to the close on C').toBeLessThan(1_000)
  }, 30_000)

  // Kills instance 1: keep it the last test of the file.
  it('kill -9 of an instance mid-edit: its clients reconnect to another, no edit is lost, its cursors vanish', async () => {
    const meeting = await createMeeting(cluster.servers[0]!.url, cluster.apiKey, 'scale-out failover')
    const clients = spread(meeting.id, [0, 1, 1, 2])
    // Someone on the instance that dies who does not come back (closed the laptop at that moment).
    const [leaver] = spread(meeting.id, [1])
    await Promise.all([...clients, leaver!].map((client) => client.synced()))
    leaver!.provider.awareness.setLocalStateField('user', { name: 'Lee' })
    const seesLeaver = () => clients[0]!.provider.awareness.getStates().has(leaver!.provider.awareness.clientID)
    await waitFor(seesLeaver, { timeoutMs: 5_000, what: 'a client on instance 0 to see the presence of one on instance 1' })
    const boards = clients.map((client) => openBoard(client.doc))
    const written: string[] = []
    const writeRound = (round: number) =>
      boards.forEach((board, c) => written.push(board.addNote('strengths', `edit ${c}-${round}`, `shape:k${c}r${round}`)))
    for (let round = 0; round < 40; round++) {
      writeRound(round)
      if (round === 20) {
        await cluster.kill(1)
        leaver!.provider.disconnect()
      }
      await pause(25)
    }
    await waitFor(() => converged(clients), { timeoutMs: 30_000, intervalMs: 100, what: 'every client, two of them moved off the killed instance, to converge' }).catch((error: Error) => {
      const states = clients.map((client, c) => `client ${c}: synced ${client.provider.synced}, connected ${client.provider.wsconnected}, notes ${openBoard(client.doc).noteIds().length}`)
      throw new Error(`${error.message} (${states.join('; ')})`)
    })
    for (const [c, client] of clients.entries()) {
      const held = new Set(openBoard(client.doc).noteIds())
      expect(written.filter((id) => !held.has(id)), `client ${c} lacks no edit`).toEqual([])
    }
    const stored = docOf(await cluster.storedDoc(meeting.id))
    expect(snapshotOf(stored), 'the stored doc equals the clients’ doc').toBe(snapshotOf(clients[0]!.doc))
    // Gone with its instance: heartbeats stop, every other instance drops its presence (not after awareness's 30 s).
    await waitFor(() => !seesLeaver(), { timeoutMs: 8_000, what: 'the presence of a client of the killed instance to disappear' })
  }, 90_000)
})
