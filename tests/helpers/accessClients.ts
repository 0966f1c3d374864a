/**
 * Clients for access-control scenarios: a worker who invites and a joiner who previews, consents
 * and joins (optionally through the lobby); a raw websocket that reports how it was closed; and
 * the refusal (status and error code) of an upgrade.
 *
 *   const joiner = await inviteAndJoin(server.url, apiKey, meetingId, { name: 'Lorna', kind: 'shared' })
 *   const socket = await openRawSocket(server.url, meetingId, joiner.session)
 *   expect((await socket.closed(2000)).code).toBe(4403)
 */
import WebSocket from 'ws'
import { api } from './clients.ts'

export interface Joined {
  participantId: string
  session: string
  status: 'admitted' | 'waiting'
  role: string
  inviteId: string
  token: string
}

export const sessionFrom = (headers: Headers) => /sm_session=([^;]+)/.exec(headers.get('set-cookie') ?? '')?.[1] ?? ''

/** What the join page sends besides token and name. */
export async function joinBody(baseUrl: string, token: string, name: string) {
  const preview = await api<{ consent: { version: string } }>(baseUrl, '/api/join/preview', { body: { token } })
  if (preview.status !== 200) throw new Error(`preview failed: ${preview.status}`)
  return { token, name, relationship: 'friend', attendance: 'video', consentVersion: preview.body.consent.version }
}

/** Creates an invite and joins with it, consenting to the current agreement. */
export async function inviteAndJoin(
  baseUrl: string,
  apiKey: string,
  meetingId: string,
  options: { name: string; role?: 'editor' | 'viewer'; kind?: 'personal' | 'shared'; lobby?: boolean },
): Promise<Joined> {
  const invite = await api<{ id: string; token: string }>(baseUrl, `/api/meetings/${meetingId}/invites`, {
    token: apiKey,
    body: { role: options.role ?? 'editor', kind: options.kind ?? 'personal', ...(options.lobby === undefined ? {} : { lobby: options.lobby }) },
  })
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status}`)
  const joined = await api<{ participantId: string; status: 'admitted' | 'waiting'; role: string }>(baseUrl, '/api/join', {
    body: await joinBody(baseUrl, invite.body.token, options.name),
  })
  if (joined.status !== 200) throw new Error(`join failed: ${joined.status} ${JSON.stringify(joined.body)}`)
  return { ...joined.body, session: sessionFrom(joined.headers), inviteId: invite.body.id, token: invite.body.token }
}

export interface RawSocket {
  ws: WebSocket
  /** Resolves with the close code and reason, or rejects after `timeoutMs`. */
  closed(timeoutMs: number): Promise<{ code: number; reason: string; afterMs: number }>
}

/** Opens a sync socket with a Bearer token and waits until it is open. */
export function openRawSocket(baseUrl: string, meetingId: string, token: string): Promise<RawSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync/${meetingId}`, { headers: { authorization: `Bearer ${token}` } })
  let closedAt: { code: number; reason: string; at: number } | null = null
  ws.on('close', (code, reason) => (closedAt = { code, reason: reason.toString(), at: Date.now() }))
  ws.on('error', () => undefined)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not open within 5 s')), 5000)
    ws.once('unexpected-response', (_req, res) => {
      clearTimeout(timer)
      reject(new Error(`upgrade refused with ${res.statusCode}`))
    })
    ws.once('open', () => {
      clearTimeout(timer)
      resolve({
        ws,
        closed(timeoutMs) {
          const started = Date.now()
          return new Promise((done, fail) => {
            const check = setInterval(() => {
              if (closedAt) {
                clearInterval(check)
                done({ code: closedAt.code, reason: closedAt.reason, afterMs: closedAt.at - started })
              } else if (Date.now() - started > timeoutMs) {
                clearInterval(check)
                fail(new Error(`socket still open after ${timeoutMs} ms`))
              }
            }, 5)
          })
        },
      })
    })
  })
}

/** Opens an upgrade that should be refused; reports the HTTP status and error code (101 when it opened). */
export function upgradeRefusal(baseUrl: string, meetingId: string, headers: Record<string, string>): Promise<{ status: number; code: string | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync/${meetingId}`, { headers })
    ws.on('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => {
        let code: string | null = null
        try {
          code = (JSON.parse(body) as { code?: string }).code ?? null
        } catch {
          code = null
        }
        resolve({ status: res.statusCode ?? 0, code })
        ws.terminate()
      })
    })
    ws.on('open', () => {
      resolve({ status: 101, code: null })
      ws.close()
    })
    ws.on('error', () => undefined)
  })
}
