/**
 * `PUT /api/meetings/:id/participants/:pid/can-talk`: a family or network member's own answer to
 * "Can you talk freely where you are right now?" (guide §9 participant safety). Only the person
 * themselves may answer, for nobody else can know; only facilitators see it (participantRoutes.ts
 * roster), and it reaches them live through the roster events stream, whose events carry nothing.
 * The answer is never logged or audited: logs and the audit trail are read by more people.
 *
 *   PUT /api/meetings/:id/participants/:pid/can-talk   { canTalk: 'yes' | 'not-now' }
 */
import type { FastifyInstance } from 'fastify'
import type { Services } from './services.ts'
import { CAN_TALK_ANSWERS, type CanTalk } from '../meetings/MeetingStore.ts'
import { CanTalkSelfOnly } from '../errors.ts'
import { errorSchema } from './schemas.ts'
import { memberOf } from './meetingAccess.ts'

const params = {
  type: 'object',
  required: ['id', 'pid'],
  properties: { id: { type: 'string', maxLength: 64 }, pid: { type: 'string', maxLength: 64 } },
} as const

const answer = { type: 'object', required: ['canTalk'], additionalProperties: false, properties: { canTalk: { type: 'string', enum: CAN_TALK_ANSWERS } } } as const

export async function canTalkRoute(app: FastifyInstance, services: Services): Promise<void> {
  app.put<{ Params: { id: string; pid: string }; Body: { canTalk: CanTalk } }>('/api/meetings/:id/participants/:pid/can-talk', {
    schema: {
      tags: ['participants'],
      params,
      body: answer,
      response: { 200: answer, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const { meeting } = await memberOf(services, request)
    const principal = request.principal
    if (principal?.kind !== 'participant' || principal.participant.id !== request.params.pid) throw new CanTalkSelfOnly()
    const { canTalk } = request.body
    if (principal.participant.canTalk !== canTalk) {
      await services.meetings.setCanTalk(meeting.id, principal.participant.id, canTalk)
      services.meetingEvents.rosterChanged(meeting.id)
    }
    return { canTalk }
  })
}
