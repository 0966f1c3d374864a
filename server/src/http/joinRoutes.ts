/**
 * Joining by invite: the invite page posts the token and a display name; we record the
 * participant and start their browser session, which lasts as long as the invite would.
 */
import type { FastifyInstance } from 'fastify'
import type { Services } from './services.ts'
import { AuthInviteExpired, AuthInviteInvalid } from '../errors.ts'
import { setSessionCookie } from './sessionCookie.ts'
import { errorSchema, personNameSchema } from './schemas.ts'

export async function joinRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Body: { token: string; name: string } }>('/api/join', {
    schema: {
      tags: ['join'],
      body: {
        type: 'object',
        required: ['token', 'name'],
        properties: { token: { type: 'string', minLength: 10, maxLength: 200 }, name: personNameSchema },
      },
      response: {
        200: {
          type: 'object',
          required: ['meetingId', 'participantId', 'role'],
          properties: { meetingId: { type: 'string' }, participantId: { type: 'string' }, role: { type: 'string' } },
        },
        404: errorSchema,
        410: errorSchema,
      },
    },
  }, async (request, reply) => {
    const now = services.now()
    const invite = services.meetings.findInvite(request.body.token, now)
    if (!invite.ok) throw invite.reason === 'expired' ? new AuthInviteExpired() : new AuthInviteInvalid()
    const participant = services.meetings.addParticipant({
      meetingId: invite.meetingId,
      inviteId: invite.inviteId,
      name: request.body.name,
      role: invite.role,
      now,
    })
    const session = services.sessions.create({ kind: 'participant', participantId: participant.id }, invite.expiresAt, now)
    setSessionCookie(reply, services, session, invite.expiresAt)
    services.audit.record({
      action: 'participant.joined',
      actor: { kind: 'participant', id: participant.id },
      meetingId: invite.meetingId,
      details: { role: participant.role },
      now,
    })
    request.log.info({ meetingId: invite.meetingId, participantId: participant.id, role: participant.role }, 'participant joined')
    return { meetingId: invite.meetingId, participantId: participant.id, role: participant.role }
  })
}
