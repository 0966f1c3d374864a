import { afterEach, describe, expect, it, vi } from 'vitest'
import { request } from './request.ts'

function answer(status: number, body?: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status })))
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('request', () => {
  it('returns the parsed body of a successful call, sending JSON with the session cookie', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ meetingId: 'm1' }), { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    const result = await request('POST', '/api/join', { token: 't', name: 'Lorna' })
    expect(result).toEqual({ ok: true, value: { meetingId: 'm1' } })
    expect(fetchMock).toHaveBeenCalledWith('/api/join', expect.objectContaining({
      method: 'POST',
      credentials: 'same-origin',
      body: JSON.stringify({ token: 't', name: 'Lorna' }),
    }))
  })

  it('sends no body and no content type when there is nothing to send', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }))
    vi.stubGlobal('fetch', fetchMock)
    expect(await request('POST', '/api/auth/signout')).toEqual({ ok: true, value: undefined })
    expect(fetchMock).toHaveBeenCalledWith('/api/auth/signout', expect.objectContaining({ body: null, headers: { accept: 'application/json' } }))
  })

  it('turns a fastify error body into its catalogue message', async () => {
    answer(410, { statusCode: 410, code: 'AUTH_INVITE_EXPIRED', message: 'expired' })
    expect(await request('POST', '/api/join', {})).toEqual({
      ok: false,
      error: { status: 410, code: 'AUTH_INVITE_EXPIRED', messageKey: 'error.inviteExpired' },
    })
  })

  it('reports an unreachable server as a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    expect(await request('GET', '/api/me')).toEqual({
      ok: false,
      error: { status: 0, code: 'NETWORK', messageKey: 'error.network' },
    })
  })

  it('reports an answer whose body stops arriving as a network failure, not as a success', async () => {
    const broken = new ReadableStream({ pull: (controller) => controller.error(new TypeError('network error')) })
    vi.stubGlobal('fetch', vi.fn(async () => new Response(broken, { status: 200 })))
    expect(await request('PUT', '/api/meetings/m1/ratings/overall', { value: 7 })).toEqual({
      ok: false,
      error: { status: 0, code: 'NETWORK', messageKey: 'error.network' },
    })
  })

  it('falls back to the generic message for an error page that is not JSON', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })))
    expect(await request('GET', '/api/meetings')).toEqual({
      ok: false,
      error: { status: 502, code: null, messageKey: 'error.generic' },
    })
  })
})
