/**
 * `GET /api/meetings/:id/roster/events`: a server-sent event stream telling a meeting's members
 * the moment its roster changes (a lobby joiner arrives, someone is let in, removed or given a
 * new role, a co-facilitator comes or goes, the map is finished or reopened, someone's phone
 * connects or drops: "Who's here" online, coalesced per meeting by the relay). Each `roster` event
 * is empty; the page then asks `GET …/participants`, which answers with the caller's own view.
 * A member who loses access (removed, or the meeting ended for its participants) gets no more
 * events: their stream ends at the next change.
 *
 *   const events = new EventSource(`/api/meetings/${id}/roster/events`)
 *   events.addEventListener('roster', refreshRoster)
 */
import type { FastifyInstance } from 'fastify'
import type { ServerResponse } from 'node:http'
import type { Services } from './services.ts'
import { errorSchema } from './schemas.ts'
import { meetingIdParams, memberOf } from './meetingAccess.ts'
import { principalId } from './principal.ts'
import { syncDecision } from './syncDecision.ts'

/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 25_000

/** How long the browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000

export async function rosterEventsRoute(app: FastifyInstance, services: Services): Promise<void> {
  const open = new Set<ServerResponse>()
  // Streams never end by themselves; close them so the server can shut down.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end()
  })

  app.get<{ Params: { id: string } }>('/api/meetings/:id/roster/events', {
    schema: {
      tags: ['participants'],
      params: meetingIdParams,
      response: { 401: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (request, reply) => {
    const { meeting } = await memberOf(services, request)
    const principal = request.principal!
    const callerId = principalId(principal)
    reply.hijack()
    const stream = reply.raw
    stream.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    })
    stream.write(`retry: ${RETRY_MS}\n\n`)
    open.add(stream)

    // Removed, or a participant of a meeting that has ended (their sessions end with it): the
    // stream ends, and the browser's reconnect is then refused with the reason.
    const stillBelongs = async () => !('close' in (await syncDecision(services, meeting.id, callerId)))
    let checking = Promise.resolve()
    const unsubscribe = services.meetingEvents.subscribe(meeting.id, () => {
      // In order, one check at a time: the roster changed, but does this caller still belong?
      checking = checking.then(async () => {
        if (stream.writableEnded) return
        if (await stillBelongs()) stream.write('event: roster\ndata: {}\n\n')
        else stream.end()
      }).catch((error: unknown) => {
        request.log.error({ err: error, meetingId: meeting.id }, 'roster event failed')
        stream.end()
      })
    })
    const keepAlive = setInterval(() => stream.write(': keep-alive\n\n'), KEEP_ALIVE_MS)
    keepAlive.unref()
    stream.on('close', () => {
      clearInterval(keepAlive)
      unsubscribe()
      open.delete(stream)
    })
  })
}
