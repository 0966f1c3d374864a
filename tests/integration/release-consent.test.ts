/**
 * The record of a member's signed release-of-information form (guide §8): only a facilitator
 * records it, other members never see it in their roster, and a finished map, being a record,
 * refuses the change until it is reopened.
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

type Entry = { id: string; releaseConsent?: boolean }

describe('the release-of-information form', () => {
  it('is recorded by facilitators only, shown to them only, and not changed on a finished map', async () => {
    const { apiKey } = await server.addWorker('Ana Ruiz')
    const meeting = await createMeeting(server.url, apiKey, 'Release form meeting')
    const lorna = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Grandma Lorna' })
    const wes = await inviteAndJoin(server.url, apiKey, meeting.id, { name: 'Wes' })
    const record = (token: string, signed: boolean) =>
      api<{ code?: string }>(server.url, `/api/meetings/${meeting.id}/participants/${lorna.participantId}/release-consent`, { method: 'PUT', token, body: { signed } })
    const lornaIn = async (token: string) =>
      (await api<{ participants: Entry[] }>(server.url, `/api/meetings/${meeting.id}/participants`, { token })).body.participants.find((p) => p.id === lorna.participantId)

    // Members cannot record it, for themselves or anyone else.
    expect((await record(lorna.session, true)).status).toBe(403)
    expect((await record(wes.session, true)).status).toBe(403)
    expect((await lornaIn(apiKey))?.releaseConsent).toBe(false)

    expect((await record(apiKey, true)).status).toBe(204)
    expect((await lornaIn(apiKey))?.releaseConsent).toBe(true)
    // Another member's roster does not say who signed what.
    expect(await lornaIn(wes.session)).not.toHaveProperty('releaseConsent')

    expect((await api(server.url, `/api/meetings/${meeting.id}/finalize`, { method: 'POST', token: apiKey })).status).toBe(200)
    const refused = await record(apiKey, false)
    expect([refused.status, refused.body.code]).toEqual([409, 'MEETING_FINALIZED'])
    expect((await lornaIn(apiKey))?.releaseConsent).toBe(true)
  })
})
