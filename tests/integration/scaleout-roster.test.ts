/**
 * Scale-out (issue 9) for the roster: with three server processes sharing PostgreSQL and Redis,
 * "Who's here" read from any instance shows people connected to any other, and a roster change
 * made on one instance (a joiner arriving in the lobby, someone's phone connecting or dropping, an
 * instance dying with its phones) reaches roster streams open on another.
 * Runs when `DATABASE_URL` and `REDIS_URL` are set; otherwise skips with the reason printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin, openRawSocket } from '../helpers/accessClients.ts'
import { scaleOutSkipReason, startCluster, type Cluster } from '../helpers/cluster.ts'
import { followRoster, openRosterStream, type FollowedRoster, type RosterStream } from '../helpers/rosterStream.ts'
import { waitFor } from '../helpers/waitFor.ts'

const skipReason = scaleOutSkipReason('the three-instance roster tests')

interface RosterEntry { id: string; status: string; online: boolean }

describe.skipIf(skipReason !== null)('the roster across three relay instances', () => {
  let cluster: Cluster
  const streams: Array<RosterStream | FollowedRoster> = []

  beforeAll(async () => {
    cluster = await startCluster({ size: 3 })
  }, 240_000)
  afterAll(async () => {
    for (const stream of streams) stream.close()
    await cluster?.close()
  })

  const rosterOn = async (server: number, meetingId: string): Promise<RosterEntry[]> => {
    const res = await api<{ participants: RosterEntry[] }>(cluster.servers[server]!.url, `/api/meetings/${meetingId}/participants`, { token: cluster.apiKey })
    expect(res.status).toBe(200)
    return res.body.participants
  }
  const onlineOn = async (server: number, meetingId: string, participantId: string) =>
    (await rosterOn(server, meetingId)).find((entry) => entry.id === participantId)?.online

  it('someone connected to instance B shows online in the roster read from instance A, and offline once they leave', async () => {
    const [a, b] = cluster.servers
    const meeting = await createMeeting(a!.url, cluster.apiKey, 'scale-out roster online')
    const ben = await inviteAndJoin(a!.url, cluster.apiKey, meeting.id, { name: 'Ben' })
    expect(await onlineOn(0, meeting.id, ben.participantId)).toBe(false)

    const socket = await openRawSocket(b!.url, meeting.id, ben.session)
    await waitFor(async () => (await onlineOn(0, meeting.id, ben.participantId)) === true, { timeoutMs: 2_000, what: 'Ben, on B, to show online on A' })
    expect(await onlineOn(2, meeting.id, ben.participantId), 'and on C, which never loaded the meeting').toBe(true)

    socket.ws.close()
    await waitFor(async () => (await onlineOn(0, meeting.id, ben.participantId)) === false, { timeoutMs: 2_000, what: 'Ben to show offline on A after leaving B' })
  }, 30_000)

  /** The facilitator's Who's here, followed on one instance; the person's "online" in its last answer. */
  const boardOn = async (server: number, meetingId: string) => {
    const board = await followRoster(cluster.servers[server]!.url, meetingId, cluster.apiKey)
    streams.push(board)
    return (participantId: string) => board.latest()?.participants.find((entry) => entry.id === participantId)?.online
  }

  it('someone whose phone connects to instance B or drops off shows so within 2 s in the Who’s here followed on A', async () => {
    const [a, b] = cluster.servers
    const meeting = await createMeeting(a!.url, cluster.apiKey, 'scale-out pushed online')
    const dee = await inviteAndJoin(a!.url, cluster.apiKey, meeting.id, { name: 'Dee' })
    const onlineOnA = await boardOn(0, meeting.id)
    await waitFor(() => onlineOnA(dee.participantId) === false, { timeoutMs: 2_000, what: 'Dee offline before she connects' })
    const socket = await openRawSocket(b!.url, meeting.id, dee.session)
    await waitFor(() => onlineOnA(dee.participantId) === true, { timeoutMs: 2_000, what: 'Dee, connecting to B, pushed online to A' })
    socket.ws.close()
    await waitFor(() => onlineOnA(dee.participantId) === false, { timeoutMs: 2_000, what: 'Dee, leaving B, pushed offline to A' })
  }, 30_000)

  it('a joiner waiting in the lobby via instance C reaches the facilitator’s roster stream on instance A within 1 s', async () => {
    const [a, , c] = cluster.servers
    const meeting = await createMeeting(a!.url, cluster.apiKey, 'scale-out lobby')
    const facilitator = await openRosterStream(a!.url, meeting.id, cluster.apiKey)
    streams.push(facilitator)
    expect(facilitator.status).toBe(200)
    // Give the stream a moment to subscribe before the change.
    await new Promise((resolve) => setTimeout(resolve, 100))

    const joinedAt = Date.now()
    const waiting = await inviteAndJoin(c!.url, cluster.apiKey, meeting.id, { name: 'Waiting Wes', kind: 'shared' })
    expect(waiting.status).toBe('waiting')
    await waitFor(() => facilitator.events.length > 0, { timeoutMs: 1_000, what: 'the lobby joiner on C to be pushed to the facilitator on A' })
    expect(facilitator.events[0]! - joinedAt).toBeLessThan(1_000)
    expect((await rosterOn(0, meeting.id)).find((entry) => entry.id === waiting.participantId)?.status).toBe('waiting')
  }, 30_000)

  // Kills instance 1: keep it the last test of the file.
  it('someone connected to an instance that dies (kill -9) shows offline elsewhere once its heartbeats stop', async () => {
    const [a, b] = cluster.servers
    const meeting = await createMeeting(a!.url, cluster.apiKey, 'scale-out roster instance gone')
    const cai = await inviteAndJoin(a!.url, cluster.apiKey, meeting.id, { name: 'Cai' })
    await openRawSocket(b!.url, meeting.id, cai.session)
    await waitFor(async () => (await onlineOn(0, meeting.id, cai.participantId)) === true, { timeoutMs: 2_000, what: 'Cai, on B, to show online on A' })
    const onlineOnA = await boardOn(0, meeting.id)
    await waitFor(() => onlineOnA(cai.participantId) === true, { timeoutMs: 2_000, what: 'Cai online in the Who’s here followed on A' })
    await cluster.kill(1)
    await waitFor(async () => (await onlineOn(0, meeting.id, cai.participantId)) === false, { timeoutMs: 6_000, what: 'Cai to show offline on A once B is gone' })
    await waitFor(() => onlineOnA(cai.participantId) === false, { timeoutMs: 1_000, what: 'B’s death pushed to the Who’s here followed on A' })
  }, 30_000)
})
