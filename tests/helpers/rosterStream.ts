/**
 * A reader of the roster event stream (`GET /api/meetings/:id/roster/events`) as a page holds it:
 * open with a Bearer token, recording when each `roster` event arrives.
 *
 *   const stream = await openRosterStream(server.url, meetingId, apiKey)
 *   await waitFor(() => stream.events.length > 0, …)
 *   stream.close()
 *
 * And "Who's here" as the board keeps it (`useMeetingAccess`): asked at once, then at every event.
 *
 *   const board = await followRoster(server.url, meetingId, apiKey)
 *   await waitFor(() => board.latest()?.participants.find((p) => p.id === lorna)?.online === true, …)
 */
import { api } from './clients.ts'

export interface RosterStream {
  status: number
  /** Times (ms since epoch) at which each `roster` event arrived. */
  readonly events: number[]
  readonly ended: () => boolean
  close(): void
}

/** Opens the roster stream with a Bearer token and records its events as they arrive. */
export async function openRosterStream(baseUrl: string, meetingId: string, token: string, onRoster?: () => void): Promise<RosterStream> {
  const abort = new AbortController()
  const res = await fetch(`${baseUrl}/api/meetings/${meetingId}/roster/events`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  })
  const events: number[] = []
  let ended = false
  const stream: RosterStream = { status: res.status, events, ended: () => ended, close: () => abort.abort() }
  if (res.status !== 200 || !res.body) {
    ended = true
    return stream
  }
  const type = res.headers.get('content-type') ?? ''
  if (!type.startsWith('text/event-stream')) {
    abort.abort()
    throw new Error(`roster stream answered ${type}, not text/event-stream`)
  }
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  void (async () => {
    let buffered = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffered += decoder.decode(value, { stream: true })
        let end: number
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          if (buffered.slice(0, end).split('\n').includes('event: roster')) {
            events.push(Date.now())
            onRoster?.()
          }
          buffered = buffered.slice(end + 2)
        }
      }
    } catch {
      // aborted by the test
    }
    ended = true
  })()
  return stream
}

export interface FollowedRosterEntry {
  id: string
  status: string
  online: boolean
}

/** A board's roster: the last answer of `GET …/participants`, and when that ask started. */
export interface FollowedRoster {
  readonly stream: RosterStream
  latest(): { participants: FollowedRosterEntry[]; askedAt: number } | null
  close(): void
}

/** Follows the roster as the board does: asks at once and after every `roster` event, one ask at a time. */
export async function followRoster(baseUrl: string, meetingId: string, token: string): Promise<FollowedRoster> {
  let latest: { participants: FollowedRosterEntry[]; askedAt: number } | null = null
  let asking = Promise.resolve()
  const ask = () => {
    asking = asking.then(async () => {
      const askedAt = Date.now()
      const res = await api<{ participants: FollowedRosterEntry[] }>(baseUrl, `/api/meetings/${meetingId}/participants`, { token })
      if (res.status === 200) latest = { participants: res.body.participants, askedAt }
    }).catch(() => {
      // The server stopped at the end of the test; the next ask tries again.
    })
  }
  const stream = await openRosterStream(baseUrl, meetingId, token, ask)
  ask()
  return { stream, latest: () => latest, close: () => stream.close() }
}
