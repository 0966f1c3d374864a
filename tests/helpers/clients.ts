/**
 * Programmatic meeting clients: the HTTP API with a Bearer API key, and the stock y-websocket
 * provider in Node authenticating on the upgrade request (never in the URL).
 *
 *   const meeting = await createMeeting(url, apiKey, 'Family meeting')
 *   const peer = connectPeer({ url, meetingId: meeting.id, token: apiKey })
 */
import * as Y from 'yjs'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { waitFor } from './waitFor.ts'

export async function api<T = unknown>(
  baseUrl: string,
  route: string,
  options: { method?: string; token?: string; cookie?: string; body?: unknown } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = {}
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.cookie) headers.cookie = options.cookie
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${baseUrl}${route}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers }
}

export async function createMeeting(baseUrl: string, apiKey: string, title: string, locale: 'en' | 'es' = 'en') {
  const res = await api<{ id: string; title: string }>(baseUrl, '/api/meetings', { token: apiKey, body: { title, locale } })
  if (res.status !== 201) throw new Error(`create meeting failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Joins by invite as a named person; returns the session token from the cookie. */
export async function joinByInvite(baseUrl: string, apiKey: string, meetingId: string, name: string, role: 'editor' | 'viewer' = 'editor') {
  const invite = await api<{ token: string }>(baseUrl, `/api/meetings/${meetingId}/invites`, { token: apiKey, body: { role } })
  const preview = await api<{ consent: { version: string } }>(baseUrl, '/api/join/preview', { body: { token: invite.body.token } })
  const joined = await api<{ participantId: string }>(baseUrl, '/api/join', {
    body: { token: invite.body.token, name, relationship: 'relative', attendance: 'in-room', consentVersion: preview.body.consent.version },
  })
  const cookie = joined.headers.get('set-cookie') ?? ''
  const session = /sm_session=([^;]+)/.exec(cookie)?.[1]
  if (joined.status !== 200 || !session) throw new Error(`join failed: ${joined.status}`)
  return { participantId: joined.body.participantId, session }
}

export interface Peer {
  doc: Y.Doc
  provider: WebsocketProvider
  synced(): Promise<void>
  destroy(): void
}

/** A stock y-websocket provider whose upgrade request carries `Authorization: Bearer <token>`. */
export function connectPeer(options: { url: string; meetingId: string; token: string; doc?: Y.Doc }): Peer {
  const doc = options.doc ?? new Y.Doc()
  const token = options.token
  class AuthorizedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { authorization: `Bearer ${token}` } })
    }
  }
  const wsUrl = `${options.url.replace(/^http/, 'ws')}/sync`
  const provider = new WebsocketProvider(wsUrl, options.meetingId, doc, {
    WebSocketPolyfill: AuthorizedWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  })
  return {
    doc,
    provider,
    synced: () => waitFor(() => provider.synced, { timeoutMs: 10_000, what: 'the provider to sync' }),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Opens a raw websocket upgrade and reports the HTTP status it was refused with (or 101). */
export function upgradeStatus(url: string, meetingId: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/sync/${meetingId}`, { headers })
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.close()
    })
    ws.on('error', () => undefined)
  })
}
