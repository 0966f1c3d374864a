/**
 * Rate limits per IP over real sockets (limits lowered through configuration): brute-force
 * sign-in (per IP and email), join and join preview, and the sync upgrade answer 429
 * `RATE_LIMITED` with a plain message, and the first refusal of each key is audited.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../helpers/servers.ts'
import { useServers } from '../helpers/useServers.ts'
import { api, createMeeting } from '../helpers/clients.ts'
import { upgradeRefusal } from '../helpers/accessClients.ts'

const start = useServers()
let server: TestServer

beforeAll(async () => {
  server = await start({ env: { RATE_LIMIT_SIGNIN_PER_MINUTE: '3', RATE_LIMIT_JOIN_PER_MINUTE: '4', RATE_LIMIT_SYNC_PER_MINUTE: '3' } })
})

describe('rate limits', () => {
  it('brute-force sign-in gets 429 after the limit for that email, while another email still gets a normal answer', async () => {
    const email = `limit-${Date.now()}@example.org`
    const added = await server.services.workers.addWorker({ email, name: 'Limited', now: Date.now() })
    expect(added).not.toBeNull()
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      statuses.push((await api(server.url, '/api/auth/signin', { body: { email, password: `wrong password ${i}` } })).status)
    }
    expect(statuses).toEqual([401, 401, 401, 429])
    const limited = await api<{ code: string; message: string }>(server.url, '/api/auth/signin', { body: { email, password: 'still wrong!!' } })
    expect(limited.status).toBe(429)
    expect(limited.body.code).toBe('RATE_LIMITED')
    expect(limited.body.message).toMatch(/wait a minute/i)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await api(server.url, '/api/auth/signin', { body: { email: 'other@example.org', password: 'whatever pass' } })).status).toBe(401)

    const trail = await server.services.audit.all()
    expect(trail.filter((e) => e.action === 'worker.signin-failed' && e.subjectId === added?.worker.id)).toHaveLength(3)
    expect(trail.filter((e) => e.action === 'rate.limited' && e.details.door === 'signIn')).toHaveLength(1)
    expect(JSON.stringify(trail)).not.toContain(email)
  })

  it('join preview and join are each limited per IP', async () => {
    const guess = (i: number) => ({ token: `smi_guess-${i}-xxxxxxxx`, name: 'x', relationship: 'x', attendance: 'phone', consentVersion: 'x' })
    const previews: number[] = []
    const joins: number[] = []
    for (let i = 0; i < 5; i++) previews.push((await api(server.url, '/api/join/preview', { body: { token: guess(i).token } })).status)
    for (let i = 0; i < 5; i++) joins.push((await api(server.url, '/api/join', { body: guess(i) })).status)
    expect(previews).toEqual([404, 404, 404, 404, 429])
    expect(joins).toEqual([404, 404, 404, 404, 429])
    const limited = await api<{ code: string }>(server.url, '/api/join', { body: guess(9) })
    expect(limited.body.code).toBe('RATE_LIMITED')
    expect((await server.services.audit.all()).filter((e) => e.action === 'join.refused' && e.details.reason === 'unknown').length).toBe(8)
  })

  it('sync upgrades from one IP are limited before the websocket opens', async () => {
    const { apiKey } = await server.addWorker()
    const meeting = await createMeeting(server.url, apiKey, 'Limits')
    const results: number[] = []
    for (let i = 0; i < 4; i++) results.push((await upgradeRefusal(server.url, meeting.id, { authorization: `Bearer ${apiKey}` })).status)
    expect(results).toEqual([101, 101, 101, 429])
    expect(await upgradeRefusal(server.url, meeting.id, { authorization: `Bearer ${apiKey}` })).toEqual({ status: 429, code: 'RATE_LIMITED' })
  })

  it('refuses nonsense limits at start-up, naming the variable', async () => {
    await expect(startServer({ env: { RATE_LIMIT_SYNC_PER_MINUTE: 'lots' } })).rejects.toThrow(/RATE_LIMIT_SYNC_PER_MINUTE/)
  })
})
