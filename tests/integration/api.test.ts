/**
 * The HTTP surface a worker, a family member and an integration use: accounts, meetings,
 * invites, joining, OpenAPI and the security headers (HT-1..HT-6).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'
import { storedNeedles } from '../helpers/storedNeedles.ts'
import { api, createMeeting } from '../helpers/clients.ts'
import { CONSENT_AGREEMENT } from '@safetymap/server'

/** What the join page sends besides the token and name: relationship, attendance, accepted agreement. */
const joinDetails = { relationship: 'grandparent', attendance: 'in-room', consentVersion: CONSENT_AGREEMENT.version }

const start = useServers()
let server: TestServer
let clock = Date.parse('2026-11-25T10:00:00Z')

beforeAll(async () => {
  server = await start({ now: () => clock })
})

const cookieFrom = (headers: Headers) => /sm_session=[^;]+/.exec(headers.get('set-cookie') ?? '')?.[0] ?? ''

describe('first worker setup and sign-in', () => {
  it('a one-time setup code creates the first worker, signs them in, and cannot be reused', async () => {
    const code = await server.services.workers.issueSetupCode(null, clock)
    const info = await api(server.url, '/api/auth/setup-info', { body: { code } })
    expect(info.body).toEqual({ email: null, name: null, passwordMinLength: 10 })

    const setup = await api<{ worker: { name: string } }>(server.url, '/api/auth/setup', {
      body: { code, name: 'Ana Ruiz', email: 'ana.setup@example.org', password: 'correct horse battery' },
    })
    expect(setup.status).toBe(200)
    const setCookie = setup.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const me = await api<{ kind: string; worker: { name: string } }>(server.url, '/api/me', { cookie: cookieFrom(setup.headers) })
    expect(me.body).toMatchObject({ kind: 'worker', worker: { name: 'Ana Ruiz' } })

    const again = await api<{ code: string }>(server.url, '/api/auth/setup', {
      body: { code, name: 'Mallory', email: 'm@example.org', password: 'another password' },
    })
    expect(again.status).toBe(400)
    expect(again.body.code).toBe('AUTH_SETUP_INVALID')
  })

  it('signs in with the right password only, and signing out ends the session', async () => {
    const wrong = await api<{ code: string }>(server.url, '/api/auth/signin', { body: { email: 'ana.setup@example.org', password: 'wrong password!' } })
    expect(wrong.status).toBe(401)
    expect(wrong.body.code).toBe('AUTH_BAD_CREDENTIALS')
    const right = await api(server.url, '/api/auth/signin', { body: { email: 'ANA.SETUP@example.org', password: 'correct horse battery' } })
    expect(right.status).toBe(200)
    const cookie = cookieFrom(right.headers)
    expect((await api(server.url, '/api/me', { cookie })).status).toBe(200)
    await api(server.url, '/api/auth/signout', { method: 'POST', cookie })
    expect((await api(server.url, '/api/me', { cookie })).status).toBe(401)
  })
})

describe('meetings, invites and joining', () => {
  let apiKey: string
  let meetingId: string
  beforeAll(async () => {
    apiKey = (await server.addWorker()).apiKey
    meetingId = (await createMeeting(server.url, apiKey, 'Rivera family')).id
  })

  it('refuses to create a meeting without a worker credential', async () => {
    const res = await api<{ code: string }>(server.url, '/api/meetings', { body: { title: 'x' } })
    expect(res.status).toBe(401)
    expect(res.body.code).toBe('AUTH_REQUIRED')
  })

  it('lists only the worker\'s own meetings', async () => {
    const mine = await api<{ meetings: { id: string }[] }>(server.url, '/api/meetings', { token: apiKey })
    expect(mine.body.meetings.map((m) => m.id)).toContain(meetingId)
    const other = await api<{ meetings: { id: string }[] }>(server.url, '/api/meetings', { token: (await server.addWorker()).apiKey })
    expect(other.body.meetings.map((m) => m.id)).not.toContain(meetingId)
  })

  it('an invite link carries its token only in the fragment, and joining sets a participant session', async () => {
    const invite = await api<{ url: string; token: string; expiresAt: string }>(server.url, `/api/meetings/${meetingId}/invites`, {
      token: apiKey,
      body: { role: 'editor' },
    })
    expect(invite.status).toBe(201)
    expect(invite.body.url).toBe(`${server.url}/join#${invite.body.token}`)
    expect(Date.parse(invite.body.expiresAt)).toBeGreaterThan(clock)

    const joined = await api<{ meetingId: string; role: string }>(server.url, '/api/join', { body: { token: invite.body.token, name: 'Grandma Lorna', ...joinDetails } })
    expect(joined.body).toMatchObject({ meetingId, role: 'editor' })
    const cookie = cookieFrom(joined.headers)
    const me = await api<{ participant: { name: string } }>(server.url, '/api/me', { cookie })
    expect(me.body.participant.name).toBe('Grandma Lorna')
    const meeting = await api<{ role: string; title: string }>(server.url, `/api/meetings/${meetingId}`, { cookie })
    expect(meeting.body).toMatchObject({ title: 'Rivera family', role: 'editor' })

    // The audit trail has the meeting, the invite and the join, with ids only.
    const trail = await server.services.audit.forMeeting(meetingId)
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['meeting.created', 'invite.created', 'participant.joined']))
    expect(JSON.stringify(trail)).not.toContain('Grandma Lorna')

    // A family member cannot invite others or create meetings.
    expect((await api(server.url, `/api/meetings/${meetingId}/invites`, { cookie, body: { role: 'editor' } })).status).toBe(403)
    expect((await api(server.url, '/api/meetings', { cookie, body: { title: 'x' } })).status).toBe(403)
  })

  it('an invite stops working when it expires, with a message that says what to do', async () => {
    const invite = await api<{ token: string; expiresAt: string }>(server.url, `/api/meetings/${meetingId}/invites`, {
      token: apiKey,
      body: { role: 'viewer' },
    })
    const saved = clock
    clock = Date.parse(invite.body.expiresAt) + 1
    try {
      const res = await api<{ code: string; message: string }>(server.url, '/api/join', { body: { token: invite.body.token, name: 'Late', ...joinDetails } })
      expect(res.status).toBe(410)
      expect(res.body.code).toBe('AUTH_INVITE_EXPIRED')
      expect(res.body.message).toMatch(/ask the meeting facilitator/i)
    } finally {
      clock = saved
    }
  })

  it('rejects a blank name and an unknown invite clearly', async () => {
    const unknown = await api<{ code: string }>(server.url, '/api/join', { body: { token: 'smi_unknown-token-value', name: 'Sam', ...joinDetails } })
    expect(unknown.status).toBe(404)
    expect(unknown.body.code).toBe('AUTH_INVITE_INVALID')
    const invite = await api<{ token: string }>(server.url, `/api/meetings/${meetingId}/invites`, { token: apiKey, body: { role: 'editor' } })
    const blank = await api(server.url, '/api/join', { body: { token: invite.body.token, name: '   ', ...joinDetails } })
    expect(blank.status).toBe(400)
  })

  it('stores invite tokens and API keys only as hashes', async () => {
    const invite = await api<{ token: string }>(server.url, `/api/meetings/${meetingId}/invites`, { token: apiKey, body: { role: 'editor' } })
    const joined = await api(server.url, '/api/join', { body: { token: invite.body.token, name: 'Hash Check', ...joinDetails } })
    const session = cookieFrom(joined.headers).split('=')[1] ?? ''
    // The check can see plain text: the meeting title is there.
    expect(await storedNeedles(server.dataDir, ['Rivera family'])).toEqual(['Rivera family'])
    expect(session.length).toBeGreaterThan(20)
    expect(await storedNeedles(server.dataDir, [apiKey, invite.body.token, session])).toEqual([])
  })
})

describe('published surface and headers', () => {
  it('publishes the API as OpenAPI 3', async () => {
    const res = await api<{ openapi: string; paths: Record<string, unknown> }>(server.url, '/api/openapi.json')
    expect(res.body.openapi).toMatch(/^3\./)
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/meetings', '/api/meetings/{id}/invites', '/api/join']))
  })

  it('sends a strict Content-Security-Policy that allows only our own origin', async () => {
    const res = await fetch(`${server.url}/api/config`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-src 'none'")
    expect(csp).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/)
  })

  it('hands the tldraw licence key to browsers from run-time configuration', async () => {
    const licensed = await startServer({ env: { TLDRAW_LICENSE_KEY: 'tldraw-test-key' } })
    try {
      const res = await api<{ tldrawLicenseKey: string | null }>(licensed.url, '/api/config')
      expect(res.body.tldrawLicenseKey).toBe('tldraw-test-key')
    } finally {
      await licensed.close()
    }
    expect((await api<{ tldrawLicenseKey: string | null }>(server.url, '/api/config')).body.tldrawLicenseKey).toBeNull()
  })
})
