import Fastify from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RelayHarness, synced, waitFor } from '../relay/testing/RelayHarness.ts'
import { metricsPlugin } from './metricsPlugin.ts'

describe('metricsPlugin', () => {
  let h: RelayHarness

  beforeEach(async () => {
    h = new RelayHarness()
    await h.start()
  })
  afterEach(async () => {
    await h.dispose()
  })

  it('reports relay connections, rooms, bytes and rejects by reason, with no ids or content in labels (bar item 20)', async () => {
    const app = Fastify()
    await app.register(metricsPlugin, { relay: h.relay })
    const a = h.provider('meeting-secret-id', 'participant-secret-id')
    await synced(a)
    a.doc.getMap('notes').set('k', 'grandmother visits daily')
    await waitFor(() => h.relay.stats().counters.updatesAccepted === 1, 'appended')
    const raw = await h.raw('meeting-secret-id', 'p-bad')
    raw.send(Uint8Array.of(0, 2, 5, 1))
    await raw.closeCode

    const response = await app.inject({ method: 'GET', url: '/metrics' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/plain/)
    const text = response.body
    expect(text).toMatch(/^safetymap_relay_connections 1$/m)
    expect(text).toMatch(/^safetymap_relay_rooms_loaded 1$/m)
    expect(text).toMatch(/^safetymap_relay_updates_accepted_total 1$/m)
    expect(text).toMatch(/^safetymap_relay_rejects_total\{reason="malformed"\} 1$/m)
    expect(text).toMatch(/^safetymap_relay_bytes_in_total [1-9]\d*$/m)
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m)
    expect(text).not.toMatch(/secret-id|grandmother/)
    await app.close()
  })

  it('answers /readyz 200 while the relay accepts connections and 503 once it is closing', async () => {
    const app = Fastify()
    await app.register(metricsPlugin, { relay: h.relay })
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)
    await h.relay.close()
    const closing = await app.inject({ method: 'GET', url: '/readyz' })
    expect(closing.statusCode).toBe(503)
    expect(closing.json()).toEqual({ ready: false })
    await app.close()
  })
})
