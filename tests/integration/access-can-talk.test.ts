/**
 * The talk check (guide §9 participant safety): a remote member's "not right now" reaches the
 * facilitator's roster and never another participant's, who may be the person causing harm; only
 * the person themselves may answer, and a bad answer is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'
import { api, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin } from '../helpers/accessClients.ts'

const start = useServers()
let server: TestServer
beforeAll(async () => {
  server = await start()
})

type Entry = { id: string; canTalk?: string | null }

describe('the talk check', () => {
  it("shows a participant's 'not right now' to facilitators only, and only she can give it", async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Talk check meeting')
    const lorna = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Grandma Lorna' })
    const wes = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Wes' })
    const answer = (token: string, participantId: string, body: unknown) =>
      api<{ canTalk?: string; code?: string }>(server.url, `/api/meetings/${meeting.id}/participants/${participantId}/can-talk`, { method: 'PUT', token, body })
    const roster = async (token: string) =>
      (await api<{ participants: Entry[] }>(server.url, `/api/meetings/${meeting.id}/participants`, { token })).body.participants

    expect((await roster(apiKey)).find((p) => p.id === lorna.participantId)?.canTalk).toBeNull()
    expect((await answer(lorna.session, lorna.participantId, { canTalk: 'not-now' })).body).toEqual({ canTalk: 'not-now' })

    expect((await roster(apiKey)).find((p) => p.id === lorna.participantId)?.canTalk).toBe('not-now')
    const seenByWes = await roster(wes.session)
    expect(seenByWes.map((p) => p.id)).toContain(lorna.participantId)
    expect(JSON.stringify(seenByWes)).not.toContain('not-now')
    expect(seenByWes.every((p) => !('canTalk' in p))).toBe(true)
    // Her own view of the roster does not carry it either: what is on her screen, anyone near her can read.
    expect(JSON.stringify(await roster(lorna.session))).not.toContain('not-now')

    // Nobody answers for someone else: not another participant, not the facilitator.
    const byWes = await answer(wes.session, lorna.participantId, { canTalk: 'yes' })
    expect(byWes.status).toBe(403)
    expect(byWes.body.code).toBe('CAN_TALK_SELF_ONLY')
    expect((await answer(apiKey, lorna.participantId, { canTalk: 'yes' })).status).toBe(403)
    expect((await answer(lorna.session, lorna.participantId, { canTalk: 'maybe' })).status).toBe(400)
    expect((await roster(apiKey)).find((p) => p.id === lorna.participantId)?.canTalk).toBe('not-now')

    // She can change it later.
    expect((await answer(lorna.session, lorna.participantId, { canTalk: 'yes' })).status).toBe(200)
    expect((await roster(apiKey)).find((p) => p.id === lorna.participantId)?.canTalk).toBe('yes')
    // Her page learns her own answer, to ask only when she has not answered.
    const me = await api<{ participant: { canTalk: string | null; attendance: string } }>(server.url, '/api/me', { token: lorna.session })
    expect(me.body.participant).toMatchObject({ canTalk: 'yes', attendance: 'video' })
  })
})
