/**
 * Worker-side access administration over real HTTP and the real database: co-facilitators,
 * API keys (shown once, stored hashed, revocable), the meeting's audit trail for its
 * facilitators, and the operator's `safetymap audit export` command.
 */
import { execFile } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, databaseEnv, type TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'
import { api, createMeeting } from '../helpers/clients.ts'
import { inviteAndJoin, upgradeRefusal } from '../helpers/accessClients.ts'

const run = promisify(execFile)
const start = useServers()
let server: TestServer

beforeAll(async () => {
  server = await start()
})

describe('co-facilitators', () => {
  it('a worker added by email sees and facilitates the meeting; other workers still see nothing', async () => {
    const owner = await server.addWorker('Ana Ruiz')
    const colleague = await server.addWorker('Ben Ortiz')
    const outsider = await server.addWorker('Out Sider')
    const meeting = await createMeeting(server.url, owner.apiKey, 'Shared case')
    const colleagueEmail = (await server.services.workers.getWorker(colleague.workerId))?.email ?? ''

    expect((await api(server.url, `/api/meetings/${meeting.id}`, { token: colleague.apiKey })).status).toBe(404)
    const added = await api<{ id: string; name: string }>(server.url, `/api/meetings/${meeting.id}/facilitators`, { token: owner.apiKey, body: { email: colleagueEmail } })
    expect(added.status).toBe(201)
    expect(added.body).toEqual({ id: colleague.workerId, name: 'Ben Ortiz' })

    const list = await api<{ meetings: { id: string }[] }>(server.url, '/api/meetings', { token: colleague.apiKey })
    expect(list.body.meetings.map((m) => m.id)).toContain(meeting.id)
    expect((await api<{ role: string }>(server.url, `/api/meetings/${meeting.id}`, { token: colleague.apiKey })).body.role).toBe('facilitator')
    expect((await api(server.url, `/api/meetings/${meeting.id}/invites`, { token: colleague.apiKey, body: { role: 'viewer' } })).status).toBe(201)
    expect((await upgradeRefusal(server.url, meeting.id, { authorization: `Bearer ${colleague.apiKey}` })).status).toBe(101)
    const roster = await api<{ participants: { id: string; role: string }[] }>(server.url, `/api/meetings/${meeting.id}/participants`, { token: owner.apiKey })
    expect(roster.body.participants.filter((p) => p.role === 'facilitator').map((p) => p.id)).toEqual([owner.workerId, colleague.workerId])

    expect((await api(server.url, `/api/meetings/${meeting.id}`, { token: outsider.apiKey })).status).toBe(404)
    const unknown = await api<{ code: string }>(server.url, `/api/meetings/${meeting.id}/facilitators`, { token: owner.apiKey, body: { email: 'nobody@example.org' } })
    expect(unknown.status).toBe(404)
    expect(unknown.body.code).toBe('WORKER_NOT_FOUND')
    const member = await inviteAndJoin(server.url, owner.apiKey, meeting.id, { name: 'Family' })
    expect((await api(server.url, `/api/meetings/${meeting.id}/facilitators`, { token: member.session, body: { email: colleagueEmail } })).status).toBe(403)
    expect((await server.services.audit.forMeeting(meeting.id)).some((e) => e.action === 'meeting.facilitator-added' && e.subjectId === colleague.workerId)).toBe(true)
  })
})

describe('API keys', () => {
  it('a key is shown once, stored as a hash, listed without the secret, and stops working when revoked', async () => {
    const { apiKey } = await server.addWorker('Key Owner')
    const created = await api<{ id: string; key: string; label: string }>(server.url, '/api/keys', { token: apiKey, body: { label: 'Case system' } })
    expect(created.status).toBe(201)
    expect(created.body.key).toMatch(/^smk_/)
    expect(created.body.label).toBe('Case system')
    expect((await api(server.url, '/api/meetings', { token: created.body.key })).status).toBe(200)

    const list = await api<{ keys: { id: string; label: string | null; revokedAt: string | null }[] }>(server.url, '/api/keys', { token: apiKey })
    expect(list.body.keys).toHaveLength(2)
    expect(JSON.stringify(list.body)).not.toContain(created.body.key)
    const files = readdirSync(server.dataDir).map((f) => readFileSync(path.join(server.dataDir, f)))
    expect(files.some((bytes) => bytes.includes(Buffer.from(created.body.key)))).toBe(false)

    // Another worker cannot revoke it; a participant cannot list keys.
    const other = await server.addWorker()
    expect((await api(server.url, `/api/keys/${created.body.id}`, { method: 'DELETE', token: other.apiKey })).status).toBe(404)
    expect((await api(server.url, `/api/keys/${created.body.id}`, { method: 'DELETE', token: apiKey })).status).toBe(204)
    const refused = await api<{ code: string }>(server.url, '/api/meetings', { token: created.body.key })
    expect(refused.status).toBe(401)
    expect(refused.body.code).toBe('AUTH_REQUIRED')
    const after = await api<{ keys: { id: string; revokedAt: string | null }[] }>(server.url, '/api/keys', { token: apiKey })
    expect(after.body.keys.find((k) => k.id === created.body.id)?.revokedAt).toMatch(/^\d{4}-/)
    const actions = (await server.services.audit.all()).filter((e) => e.subjectId === created.body.id).map((e) => e.action)
    expect(actions).toEqual(['apikey.created', 'apikey.revoked'])
  })
})

describe('the audit trail', () => {
  let apiKey: string
  let meetingId: string
  beforeAll(async () => {
    apiKey = (await server.addWorker('Ana Ruiz')).apiKey
    meetingId = (await createMeeting(server.url, apiKey, 'Audited Ortega meeting')).id
    await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Grandpa Ortega' })
  })

  it('facilitators read a meeting\'s trail with ids and actions only; members cannot', async () => {
    const member = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Member Ortega' })
    expect((await api(server.url, `/api/meetings/${meetingId}/audit`, { token: member.session })).status).toBe(403)
    const trail = await api<{ entries: { action: string; actor: { kind: string; id: string }; at: string }[] }>(server.url, `/api/meetings/${meetingId}/audit`, { token: apiKey })
    expect(trail.status).toBe(200)
    expect(trail.body.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['meeting.created', 'invite.created', 'participant.consented', 'participant.joined']))
    expect(JSON.stringify(trail.body)).not.toContain('Ortega')
  })

  it('the operator exports it with `safetymap audit export --json`, and the chain verifies', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'audit', 'export', '--meeting', meetingId, '--json'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...(await databaseEnv(server.dataDir)) },
      timeout: 30_000,
    })
    const exported = JSON.parse(stdout) as { verified: boolean; entries: { action: string; meetingId: string }[] }
    expect(exported.verified).toBe(true)
    expect(exported.entries.length).toBeGreaterThanOrEqual(4)
    expect(exported.entries.every((e) => e.meetingId === meetingId)).toBe(true)
    expect(stdout).not.toContain('Ortega')
    expect((await server.services.audit.forMeeting(meetingId)).some((e) => e.action === 'audit.exported')).toBe(true)
  })
})
