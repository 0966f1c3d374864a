/**
 * Two stock y-websocket providers meet through the real server over real sockets, and the
 * upgrade refuses anyone without the right credentials before a socket exists (HT-4, RL-1).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { addItem, readMap } from '@safetymap/map-model'
import type { TestServer } from '../helpers/servers.ts'
import { useServers, usePeers } from '../helpers/useServers.ts'
import { connectPeer, createMeeting, joinByInvite, upgradeStatus } from '../helpers/clients.ts'
import { waitFor } from '../helpers/waitFor.ts'

const start = useServers()
const peers = usePeers()
let server: TestServer

beforeAll(async () => {
  server = await start()
})

describe('live sync through the relay', () => {
  it('a worker and an invited family member converge on each other\'s notes within a second', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Kai family meeting')
    const grandma = await joinByInvite(server.url, apiKey, meeting.id, 'Grandma Lorna')

    const facilitator = connectPeer({ url: server.url, meetingId: meeting.id, token: apiKey })
    const family = connectPeer({ url: server.url, meetingId: meeting.id, token: grandma.session })
    peers.push(facilitator, family)
    await Promise.all([facilitator.synced(), family.synced()])

    // The seeded template arrives with the meeting's title.
    expect(readMap(family.doc).title).toBe('Kai family meeting')

    const started = Date.now()
    addItem(facilitator.doc, 'danger', 'Kai could be hurt crossing the street alone', { id: 'w1', name: 'Ana Ruiz' })
    await waitFor(() => readMap(family.doc).sections.danger.length === 1, { timeoutMs: 1000, what: 'the worker note on the family screen' })
    addItem(family.doc, 'strengths', 'Lorna walks Kai to school most days', { id: grandma.participantId, name: 'Grandma Lorna' })
    await waitFor(() => readMap(facilitator.doc).sections.strengths.length === 1, { timeoutMs: 1000, what: 'the family note on the worker screen' })
    expect(Date.now() - started).toBeLessThan(2000)

    const strengths = readMap(facilitator.doc).sections.strengths
    expect(strengths[0]).toMatchObject({ text: 'Lorna walks Kai to school most days', authorName: 'Grandma Lorna' })
  })
})

describe('refusals at the upgrade', () => {
  let meetingId: string
  let apiKey: string
  beforeAll(async () => {
    apiKey = (await server.addWorker()).apiKey
    meetingId = (await createMeeting(server.url, apiKey, 'Upgrade checks')).id
  })

  it('sends the whole map on join to a client that has none and asks so in its address, without waiting for its ask', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Whole map at once')
    /** The sync step 2 frames (type 0, step 1) a silent client receives within 1 s. */
    const answersTo = async (query: string) => {
      const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${meeting.id}${query}`, { headers: { authorization: `Bearer ${apiKey}` } })
      const answers: Uint8Array[] = []
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data))
        if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 1) answers.push(decoding.readVarUint8Array(decoder))
      })
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      ws.terminate()
      return answers
    }
    const unasked = await answersTo('?epoch=&whole=1')
    expect(unasked).toHaveLength(1)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, unasked[0]!)
    expect(readMap(doc).title).toBe('Whole map at once')
    expect(await answersTo('?epoch='), 'a client that does not ask so sends its own state first').toHaveLength(0)
  })

  it('refuses an upgrade without credentials with 401', async () => {
    expect(await upgradeStatus(server.url, meetingId, {})).toBe(401)
  })

  it('refuses a made-up token with 401', async () => {
    expect(await upgradeStatus(server.url, meetingId, { authorization: 'Bearer smk_not-a-real-key' })).toBe(401)
  })

  it('refuses an unknown meeting with 404', async () => {
    expect(await upgradeStatus(server.url, 'no-such-meeting', { authorization: `Bearer ${apiKey}` })).toBe(404)
  })

  it('refuses a participant of another meeting with 403', async () => {
    const other = await createMeeting(server.url, apiKey, 'Another family')
    const stranger = await joinByInvite(server.url, apiKey, other.id, 'Sam')
    expect(await upgradeStatus(server.url, meetingId, { authorization: `Bearer ${stranger.session}` })).toBe(403)
  })

  it('refuses another worker who is not on the meeting with 403', async () => {
    const otherWorker = (await server.addWorker('Other Worker')).apiKey
    expect(await upgradeStatus(server.url, meetingId, { authorization: `Bearer ${otherWorker}` })).toBe(403)
  })

  it('accepts a session cookie from our own origin and refuses it from another site', async () => {
    const member = await joinByInvite(server.url, apiKey, meetingId, 'Jess')
    const cookie = `sm_session=${member.session}`
    expect(await upgradeStatus(server.url, meetingId, { cookie, origin: server.url })).toBe(101)
    expect(await upgradeStatus(server.url, meetingId, { cookie, origin: 'https://evil.example' })).toBe(403)
  })
})
