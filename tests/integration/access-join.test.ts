/**
 * Joining with consent, invites and the lobby, over real sockets and a real SQLite file: the
 * preview shows the agreement and nothing of the meeting; joining needs the current agreement
 * version and records it; personal invites work once, revoked ones never; shared links wait in
 * the lobby until the facilitator admits or declines.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'
import { api, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin, joinBody, upgradeRefusal } from '../helpers/accessClients.ts'

const start = useServers()
let server: TestServer
let apiKey: string
let meetingId: string

beforeAll(async () => {
  server = await start()
  apiKey = (await server.addWorker('Ana Ruiz')).apiKey
  meetingId = (await createMeeting(server.url, apiKey, 'Rivera family safety map')).id
})

const newInvite = async (body: Record<string, unknown>) => {
  const res = await api<{ id: string; token: string; url: string; expiresAt: string; kind: string; role: string; lobby: boolean }>(
    server.url,
    `/api/meetings/${meetingId}/invites`,
    { token: apiKey, body },
  )
  expect(res.status).toBe(201)
  return res.body
}

describe('join preview and consent', () => {
  it('the preview shows the role, the lobby and the agreement in English and Spanish, and nothing of the meeting', async () => {
    const invite = await newInvite({ role: 'editor' })
    const preview = await api<{ role: string; lobby: boolean; consent: { version: string; text: { en: string; es: string } } }>(
      server.url,
      '/api/join/preview',
      { body: { token: invite.token } },
    )
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ role: 'editor', lobby: false })
    expect(preview.body.consent.version).toMatch(/\S/)
    expect(preview.body.consent.text.en).toMatch(/private/i)
    expect(preview.body.consent.text.es).toMatch(/privado/i)
    expect(JSON.stringify(preview.body)).not.toContain('Rivera')
    expect(JSON.stringify(preview.body)).not.toContain(meetingId)
  })

  it('joining without the current agreement version is refused with CONSENT_REQUIRED and leaves a personal invite unused', async () => {
    const invite = await newInvite({ role: 'editor', kind: 'personal' })
    const body = await joinBody(server.url, invite.token, 'Tío Marco')
    const { consentVersion: _accepted, ...withoutConsent } = body
    const missing = await api<{ code: string; message: string }>(server.url, '/api/join', { body: withoutConsent })
    expect(missing.status).toBe(400)
    expect(missing.body.code).toBe('CONSENT_REQUIRED')
    expect(missing.body.message).toMatch(/agreement/i)
    const old = await api<{ code: string }>(server.url, '/api/join', { body: { ...body, consentVersion: '2001-01-1' } })
    expect(old.status).toBe(400)
    expect(old.body.code).toBe('CONSENT_REQUIRED')
    expect(missing.headers.get('set-cookie')).toBeNull()

    const joined = await api<{ status: string }>(server.url, '/api/join', { body })
    expect(joined.status).toBe(200)
    expect(joined.body.status).toBe('admitted')
  })

  it('records who consented, when and to which version, and audits the consent with ids only', async () => {
    const joiner = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Grandma Lorna' })
    const stored = await server.services.meetings.getParticipant(joiner.participantId)
    expect(stored).toMatchObject({ relationship: 'friend', attendance: 'video', status: 'admitted' })
    expect(stored?.consentVersion).toMatch(/\S/)
    expect(stored?.consentedAt).toBeGreaterThan(0)
    const trail = await server.services.audit.forMeeting(meetingId)
    const consent = trail.find((e) => e.action === 'participant.consented' && e.actor.id === joiner.participantId)
    expect(consent?.details.version).toBe(stored?.consentVersion)
    expect(JSON.stringify(trail)).not.toMatch(/Lorna|Marco|Rivera/)
  })

  it('refuses a relationship longer than 60 characters and an unknown way of attending', async () => {
    const invite = await newInvite({ role: 'editor' })
    const body = await joinBody(server.url, invite.token, 'Sam')
    expect((await api(server.url, '/api/join', { body: { ...body, relationship: 'x'.repeat(61) } })).status).toBe(400)
    expect((await api(server.url, '/api/join', { body: { ...body, attendance: 'carrier pigeon' } })).status).toBe(400)
  })
})

describe('invites', () => {
  it('a personal invite works once; the second use answers 410 AUTH_INVITE_USED and is audited', async () => {
    const invite = await newInvite({ role: 'viewer', kind: 'personal', label: 'Projector' })
    expect(invite).toMatchObject({ kind: 'personal', role: 'viewer', lobby: false })
    expect(invite.url).toBe(`${server.url}/join#${invite.token}`)
    expect((await api(server.url, '/api/join', { body: await joinBody(server.url, invite.token, 'Projector') })).status).toBe(200)
    const consentVersion = (await server.services.meetings.getParticipant(
      (await api<{ participants: { id: string; name: string }[] }>(server.url, `/api/meetings/${meetingId}/participants`, { token: apiKey }))
        .body.participants.find((p) => p.name === 'Projector')?.id ?? '',
    ))?.consentVersion
    const again = await api<{ code: string }>(server.url, '/api/join', {
      body: { token: invite.token, name: 'Eve', relationship: 'other', attendance: 'video', consentVersion },
    })
    expect(again.status).toBe(410)
    expect(again.body.code).toBe('AUTH_INVITE_USED')
    const preview = await api<{ code: string }>(server.url, '/api/join/preview', { body: { token: invite.token } })
    expect(preview.body.code).toBe('AUTH_INVITE_USED')
    const refusals = (await server.services.audit.forMeeting(meetingId)).filter((e) => e.action === 'join.refused' && e.details.reason === 'used')
    expect(refusals.length).toBeGreaterThanOrEqual(2)
  })

  it('a shared link works for several people and goes through the lobby by default', async () => {
    const invite = await newInvite({ role: 'editor', kind: 'shared', label: 'Room link' })
    expect(invite.lobby).toBe(true)
    for (const name of ['Ana P', 'Beto']) {
      const joined = await api<{ status: string }>(server.url, '/api/join', { body: await joinBody(server.url, invite.token, name) })
      expect(joined.body.status).toBe('waiting')
    }
    const list = await api<{ invites: { id: string; kind: string; label: string; uses: number; revoked: boolean; lobby: boolean }[] }>(
      server.url,
      `/api/meetings/${meetingId}/invites`,
      { token: apiKey },
    )
    expect(list.body.invites.find((i) => i.id === invite.id)).toMatchObject({ kind: 'shared', label: 'Room link', uses: 2, revoked: false, lobby: true })
  })

  it('a revoked invite answers 410 AUTH_INVITE_REVOKED; only the facilitator can list or revoke', async () => {
    const invite = await newInvite({ role: 'editor', kind: 'shared', lobby: false })
    const member = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Jess' })
    expect((await api(server.url, `/api/meetings/${meetingId}/invites/${invite.id}`, { method: 'DELETE', token: member.session })).status).toBe(403)
    expect((await api(server.url, `/api/meetings/${meetingId}/invites`, { token: member.session })).status).toBe(403)

    expect((await api(server.url, `/api/meetings/${meetingId}/invites/${invite.id}`, { method: 'DELETE', token: apiKey })).status).toBe(204)
    const res = await api<{ code: string }>(server.url, '/api/join/preview', { body: { token: invite.token } })
    expect(res.status).toBe(410)
    expect(res.body.code).toBe('AUTH_INVITE_REVOKED')
    expect((await api(server.url, `/api/meetings/${meetingId}/invites/no-such-invite`, { method: 'DELETE', token: apiKey })).status).toBe(404)
    const actions = (await server.services.audit.forMeeting(meetingId)).filter((e) => e.subjectId === invite.id).map((e) => e.action)
    expect(actions).toEqual(['invite.created', 'invite.revoked'])
  })

  it('keeps invite labels and tokens out of the logs and tokens out of the database', async () => {
    const invite = await newInvite({ role: 'editor', label: 'For Aunt Rosa' })
    const files = readdirSync(server.dataDir).map((f) => readFileSync(path.join(server.dataDir, f)))
    expect(files.some((bytes) => bytes.includes(Buffer.from(invite.token)))).toBe(false)
    expect(JSON.stringify(await server.services.audit.forMeeting(meetingId))).not.toContain('Rosa')
  })
})

describe('the lobby', () => {
  it('a waiting joiner sees only "waiting" until admitted, then gets the map', async () => {
    const joiner = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Neighbour Kim', kind: 'shared' })
    expect(joiner.status).toBe('waiting')
    const cookie = `sm_session=${joiner.session}`

    const me = await api<{ participant: { status: string } }>(server.url, '/api/me', { cookie })
    expect(me.body.participant.status).toBe('waiting')
    expect((await api<{ status: string }>(server.url, '/api/lobby', { cookie })).body).toEqual({ status: 'waiting' })
    const meeting = await api<{ code: string; title?: string }>(server.url, `/api/meetings/${meetingId}`, { cookie })
    expect(meeting.status).toBe(403)
    expect(meeting.body.code).toBe('LOBBY_WAITING')
    expect(JSON.stringify(meeting.body)).not.toContain('Rivera')
    expect(await upgradeRefusal(server.url, meetingId, { authorization: `Bearer ${joiner.session}` })).toEqual({ status: 403, code: 'LOBBY_WAITING' })

    // The facilitator sees them waiting (family members do not) and lets them in.
    const roster = await api<{ participants: { id: string; status: string }[] }>(server.url, `/api/meetings/${meetingId}/participants`, { token: apiKey })
    expect(roster.body.participants.find((p) => p.id === joiner.participantId)?.status).toBe('waiting')
    const admit = await api(server.url, `/api/meetings/${meetingId}/participants/${joiner.participantId}/admit`, { method: 'POST', token: apiKey })
    expect(admit.status).toBe(204)

    expect((await api<{ status: string }>(server.url, '/api/lobby', { cookie })).body).toEqual({ status: 'admitted' })
    expect((await api<{ title: string }>(server.url, `/api/meetings/${meetingId}`, { cookie })).body.title).toBe('Rivera family safety map')
    expect((await upgradeRefusal(server.url, meetingId, { authorization: `Bearer ${joiner.session}` })).status).toBe(101)
    expect((await server.services.audit.forMeeting(meetingId)).some((e) => e.action === 'participant.admitted' && e.subjectId === joiner.participantId)).toBe(true)
  })

  it('a declined joiner gets "declined" and nothing else', async () => {
    const joiner = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Unknown caller', kind: 'shared' })
    const cookie = `sm_session=${joiner.session}`
    const member = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Family member' })
    // A family member cannot admit or decline.
    expect((await api(server.url, `/api/meetings/${meetingId}/participants/${joiner.participantId}/decline`, { method: 'POST', token: member.session })).status).toBe(403)
    expect((await api(server.url, `/api/meetings/${meetingId}/participants/${joiner.participantId}/decline`, { method: 'POST', token: apiKey })).status).toBe(204)

    expect((await api<{ status: string }>(server.url, '/api/lobby', { cookie })).body).toEqual({ status: 'declined' })
    const meeting = await api<{ code: string }>(server.url, `/api/meetings/${meetingId}`, { cookie })
    expect(meeting.status).toBe(403)
    expect(meeting.body.code).toBe('LOBBY_DECLINED')
    expect((await api<{ code: string }>(server.url, `/api/meetings/${meetingId}/participants`, { cookie })).body.code).toBe('LOBBY_DECLINED')
    expect(await upgradeRefusal(server.url, meetingId, { authorization: `Bearer ${joiner.session}` })).toEqual({ status: 403, code: 'LOBBY_DECLINED' })
    const trail = await server.services.audit.forMeeting(meetingId)
    expect(trail.some((e) => e.action === 'participant.declined' && e.subjectId === joiner.participantId)).toBe(true)
    expect(trail.some((e) => e.action === 'access.refused' && e.actor.id === joiner.participantId && e.details.reason === 'declined')).toBe(true)
    // Declining someone already let in is not a decline: it answers 409 (remove them instead).
    const res = await api<{ code: string }>(server.url, `/api/meetings/${meetingId}/participants/${member.participantId}/decline`, { method: 'POST', token: apiKey })
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('PARTICIPANT_NOT_WAITING')
  })

  it('a personal invite can be sent through the lobby, and a shared one can skip it', async () => {
    const personal = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'P', kind: 'personal', lobby: true })
    expect(personal.status).toBe('waiting')
    const shared = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'S', kind: 'shared', lobby: false })
    expect(shared.status).toBe('admitted')
  })
})
