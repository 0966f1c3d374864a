/**
 * What only a meeting's facilitators reach besides the roster: adding a co-facilitator (another
 * worker, by email; they then see the meeting in their list and facilitate it fully), taking one
 * off again (the meeting's owner only), and reading
 * the meeting's audit trail (ids, actions and times; never names or map text).
 *
 *   POST /api/meetings/:id/facilitators { email } → 201 { id, name } (409 once the meeting ended)
 *   DELETE /api/meetings/:id/facilitators/:workerId → 204 (the owner only; their sockets for this meeting close)
 *   GET  /api/meetings/:id/audit → { entries: [...] }
 */
import type { FastifyInstance } from 'fastify'
import type { Services } from './services.ts'
import { FacilitatorNotFound, MeetingOwnerOnly, MeetingOwnerStays, WorkerNotFound } from '../errors.ts'
import { ACCESS_CLOSE } from '../access/accessCloseCodes.ts'
import { meetingDocIds } from '../meetings/restrictedDoc.ts'
import { errorSchema } from './schemas.ts'
import { facilitatorOf, meetingIdParams, refuseNewPeople } from './meetingAccess.ts'

const auditEntrySchema = {
  type: 'object',
  properties: {
    seq: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    action: { type: 'string' },
    actor: { type: 'object', properties: { kind: { type: 'string' }, id: { type: 'string' } } },
    meetingId: { type: ['string', 'null'] },
    subjectId: { type: ['string', 'null'] },
    details: { type: 'object', additionalProperties: true },
  },
} as const

export async function facilitatorRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Params: { id: string }; Body: { email: string } }>('/api/meetings/:id/facilitators', {
    schema: {
      tags: ['meetings'],
      params: meetingIdParams,
      body: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email', maxLength: 254 } } },
      response: {
        201: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
        401: errorSchema,
        403: errorSchema,
        404: errorSchema,
        409: errorSchema,
      },
    },
  }, async (request, reply) => {
    const { meeting, worker } = await facilitatorOf(services, request)
    refuseNewPeople(meeting)
    const added = await services.workers.findByEmail(request.body.email)
    if (!added) throw new WorkerNotFound()
    const now = services.now()
    if (added.id !== meeting.ownerWorkerId && await services.meetings.addFacilitator({ meetingId: meeting.id, workerId: added.id, addedBy: worker.id, now })) {
      await services.audit.record({
        action: 'meeting.facilitator-added',
        actor: { kind: 'worker', id: worker.id },
        meetingId: meeting.id,
        subjectId: added.id,
        now,
      })
      request.log.info({ meetingId: meeting.id, workerId: added.id }, 'co-facilitator added')
      services.meetingEvents.rosterChanged(meeting.id)
    }
    return reply.code(201).send({ id: added.id, name: added.name })
  })

  app.delete<{ Params: { id: string; workerId: string } }>('/api/meetings/:id/facilitators/:workerId', {
    schema: {
      tags: ['meetings'],
      params: {
        type: 'object',
        required: ['id', 'workerId'],
        properties: { id: { type: 'string', maxLength: 64 }, workerId: { type: 'string', maxLength: 64 } },
      },
      response: { 204: { type: 'null' }, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
    },
  }, async (request, reply) => {
    const { meeting, worker } = await facilitatorOf(services, request)
    if (worker.id !== meeting.ownerWorkerId) throw new MeetingOwnerOnly()
    const { workerId } = request.params
    if (workerId === meeting.ownerWorkerId) throw new MeetingOwnerStays()
    if (!await services.meetings.removeFacilitator(meeting.id, workerId)) throw new FacilitatorNotFound()
    // Only this meeting's sockets (shared map and restricted doc): their other meetings go on.
    const closed = services.relay.closePeerIn(
      meetingDocIds(meeting.id),
      workerId,
      ACCESS_CLOSE.PARTICIPANT_REMOVED.code,
      ACCESS_CLOSE.PARTICIPANT_REMOVED.reason,
    )
    await services.audit.record({
      action: 'meeting.facilitator-removed',
      actor: { kind: 'worker', id: worker.id },
      meetingId: meeting.id,
      subjectId: workerId,
      details: { sockets: closed },
      now: services.now(),
    })
    request.log.info({ meetingId: meeting.id, workerId, sockets: closed }, 'co-facilitator removed')
    services.meetingEvents.rosterChanged(meeting.id)
    return reply.code(204).send()
  })

  app.get<{ Params: { id: string } }>('/api/meetings/:id/audit', {
    schema: {
      tags: ['meetings'],
      params: meetingIdParams,
      response: {
        200: { type: 'object', required: ['entries'], properties: { entries: { type: 'array', items: auditEntrySchema } } },
        401: errorSchema,
        403: errorSchema,
        404: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting, worker } = await facilitatorOf(services, request)
    const entries = await services.audit.forMeeting(meeting.id)
    await services.audit.record({ action: 'audit.viewed', actor: { kind: 'worker', id: worker.id }, meetingId: meeting.id, now: services.now() })
    return { entries }
  })
}
