/**
 * Meetings and invites: a worker creates a meeting (its doc is seeded with the safety-map
 * template before we answer), lists their meetings, and invites people by role.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as Y from 'yjs'
import { writeSafetyMapTemplate, type Locale } from '@safetymap/map-model'
import type { Services } from './services.ts'
import { expectedOrigin, requireWorker, roleInMeeting } from './principal.ts'
import { MeetingForbidden, MeetingNotFound } from '../errors.ts'
import { errorSchema, meetingSchema } from './schemas.ts'
import { inviteExpiry } from '../meetings/inviteExpiry.ts'
import type { InviteRole, Meeting } from '../meetings/MeetingStore.ts'

const toApi = (m: Meeting) => ({
  id: m.id,
  title: m.title,
  locale: m.locale,
  status: m.status,
  createdAt: new Date(m.createdAt).toISOString(),
})

const meetingIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const

export async function meetingRoutes(app: FastifyInstance, services: Services): Promise<void> {
  /** The meeting named in the URL, if the caller has a role in it (404 otherwise, to not reveal it). */
  const meetingFor = (request: FastifyRequest<{ Params: { id: string } }>) => {
    const meeting = services.meetings.get(request.params.id)
    const role = meeting ? roleInMeeting(request.principal, meeting) : null
    if (!meeting || !role) throw new MeetingNotFound()
    return { meeting, role }
  }

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
        404: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting, role } = meetingFor(request)
    return { ...toApi(meeting), role }
  })

  app.post<{ Params: { id: string }; Body: { role: InviteRole } }>('/api/meetings/:id/invites', {
    schema: {
      tags: ['meetings'],
      params: meetingIdParams,
      body: { type: 'object', required: ['role'], properties: { role: { type: 'string', enum: ['editor', 'viewer'] } } },
      response: {
        201: {
          type: 'object',
          required: ['url', 'token', 'expiresAt'],
          properties: { url: { type: 'string' }, token: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } },
        },
        403: errorSchema,
        404: errorSchema,
      },
    },
  }, async (request, reply) => {
    const { meeting, role } = meetingFor(request)
    if (role !== 'facilitator' || request.principal?.kind !== 'worker') throw new MeetingForbidden()
    const now = services.now()
    const expiresAt = inviteExpiry(now)
    const token = services.meetings.createInvite({
      meetingId: meeting.id,
      role: request.body.role,
      createdBy: request.principal.worker.id,
      expiresAt,
      now,
    })
    services.audit.record({
      action: 'invite.created',
      actor: { kind: 'worker', id: request.principal.worker.id },
      meetingId: meeting.id,
      details: { role: request.body.role },
      now,
    })
    request.log.info({ meetingId: meeting.id, role: request.body.role }, 'invite created')
    // The token rides in the fragment: browsers never send it to a server or in a Referer.
    const url = `${expectedOrigin(services, request)}/join#${token}`
    return reply.code(201).send({ url, token, expiresAt: new Date(expiresAt).toISOString() })
  })
}
