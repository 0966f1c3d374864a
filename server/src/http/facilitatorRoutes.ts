/**
 * What only a meeting's facilitators reach besides the roster: adding a co-facilitator (another
 * worker, by email; they then see the meeting in their list and facilitate it fully) and reading
 * the meeting's audit trail (ids, actions and times; never names or map text).
 *
 *   POST /api/meetings/:id/facilitators { email } → 201 { id, name }
 *   GET  /api/meetings/:id/audit → { entries: [...] }
 */
import type { FastifyInstance } from 'fastify'
import type { Services } from './services.ts'
import { WorkerNotFound } from '../errors.ts'
import { errorSchema } from './schemas.ts'
import { facilitatorOf, meetingIdParams } from './meetingAccess.ts'

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
      },
    },
  }, async (request, reply) => {
    const { meeting, worker } = facilitatorOf(services, request)
    const added = services.workers.findByEmail(request.body.email)
    if (!added) throw new WorkerNotFound()
    const now = services.now()
    if (added.id !== meeting.ownerWorkerId && services.meetings.addFacilitator({ meetingId: meeting.id, workerId: added.id, addedBy: worker.id, now })) {
      services.audit.record({
        action: 'meeting.facilitator-added',
        actor: { kind: 'worker', id: worker.id },
        meetingId: meeting.id,
        subjectId: added.id,
        now,
      })
      request.log.info({ meetingId: meeting.id, workerId: added.id }, 'co-facilitator added')
    }
    return reply.code(201).send({ id: added.id, name: added.name })
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
    const { meeting, worker } = facilitatorOf(services, request)
    const entries = services.audit.forMeeting(meeting.id)
    services.audit.record({ action: 'audit.viewed', actor: { kind: 'worker', id: worker.id }, meetingId: meeting.id, now: services.now() })
    return { entries }
  })
}
