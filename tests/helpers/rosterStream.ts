/**
 * A reader of the roster event stream (`GET /api/meetings/:id/roster/events`) as a page holds it:
 * open with a Bearer token, recording when each `roster` event arrives.
 *
 *   const stream = await openRosterStream(server.url, meetingId, apiKey)
 *   await waitFor(() => stream.events.length > 0, …)
 *   stream.close()
 */

export interface RosterStream {
  status: number
  /** Times (ms since epoch) at which each `roster` event arrived. */
  readonly events: number[]
  readonly ended: () => boolean
  close(): void
}

/** Opens the roster stream with a Bearer token and records its events as they arrive. */
export async function openRosterStream(baseUrl: string, meetingId: string, token: string): Promise<RosterStream> {
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
          if (buffered.slice(0, end).split('\n').includes('event: roster')) events.push(Date.now())
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
