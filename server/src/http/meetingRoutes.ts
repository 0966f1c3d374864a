/**
 * Meetings: a worker creates a meeting (its doc is seeded with the safety-map template before we
 * answer), lists the meetings they facilitate, and any member reads one with their role.
 * Invites live in `inviteRoutes.ts`, the roster in `participantRoutes.ts`.
 */
import type { FastifyInstance } from 'fastify'
import * as Y from 'yjs'
import { writeSafetyMapTemplate, type Locale } from '@safetymap/map-model'
import type { Services } from './services.ts'
import { requireWorker } from './principal.ts'
import { errorSchema, meetingSchema } from './schemas.ts'
import { meetingIdParams, memberOf } from './meetingAccess.ts'
import type { Meeting } from '../meetings/MeetingStore.ts'

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** A meeting as the API shows it. */
export const meetingToApi = (m: Meeting) => ({
  id: m.id,
  title: m.title,
  locale: m.locale,
  status: m.status,
  version: m.version,
  createdAt: new Date(m.createdAt).toISOString(),
  finalizedAt: isoOrNull(m.finalizedAt),
  endedAt: isoOrNull(m.endedAt),
})
const toApi = meetingToApi

export async function meetingRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Body: { title: string; locale?: Locale } }>('/api/meetings', {
    schema: {
      tags: ['meetings'],
      body: {
        type: 'object',
        required: ['title'],
        properties: { title: { type: 'string', minLength: 1, maxLength: 120 }, locale: { type: 'string', enum: ['en', 'es'] } },
      },
      response: { 201: meetingSchema, 401: errorSchema, 403: errorSchema },
    },
  }, async (request, reply) => {
    const worker = requireWorker(request)
    const now = services.now()
    const meeting = services.meetings.create({
      title: request.body.title,
      locale: request.body.locale ?? 'en',
      ownerWorkerId: worker.id,
      now,
    })
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, { title: meeting.title, locale: meeting.locale, schema: services.mapSchema, now: new Date(now) })
    await services.relay.seedDoc(meeting.id, Y.encodeStateAsUpdate(doc))
    doc.destroy()
    services.audit.record({ action: 'meeting.created', actor: { kind: 'worker', id: worker.id }, meetingId: meeting.id, now })
    request.log.info({ meetingId: meeting.id, workerId: worker.id }, 'meeting created')
    return reply.code(201).send(toApi(meeting))
  })

  app.get('/api/meetings', {
    schema: {
      tags: ['meetings'],
      response: { 200: { type: 'object', properties: { meetings: { type: 'array', items: meetingSchema } } }, 401: errorSchema },
    },
  }, async (request) => {
    const worker = requireWorker(request)
    return { meetings: services.meetings.listForWorker(worker.id).map(toApi) }
  })

  app.get<{ Params: { id: string } }>('/api/meetings/:id', {
    schema: {
      tags: ['meetings'],
      params: meetingIdParams,
      response: {
        200: { ...meetingSchema, properties: { ...meetingSchema.properties, role: { type: 'string' } } },
        401: errorSchema,
        403: errorSchema,
        404: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting, role } = memberOf(services, request)
    return { ...toApi(meeting), role }
  })
}
