/**
 * Invites, made by a meeting's facilitator per role: `personal` (for one named person, usable
 * once, straight in by default) or `shared` (a meeting link, usable until it expires, through the
 * lobby by default). Each expires at the end of the meeting day and can be revoked. None is made
 * once the meeting has ended (409); listing and revoking go on.
 *
 *   POST   /api/meetings/:id/invites { role, kind?, label?, lobby? } → 201 { id, url, token, expiresAt, kind, role, lobby } | 409
 *   GET    /api/meetings/:id/invites
 *   DELETE /api/meetings/:id/invites/:inviteId
 */
import type { FastifyInstance } from 'fastify'
import type { Services } from './services.ts'
import { expectedOrigin } from './principal.ts'
import { InviteNotFound } from '../errors.ts'
import { errorSchema } from './schemas.ts'
import { facilitatorOf, meetingIdParams, refuseNewPeople } from './meetingAccess.ts'
import { inviteExpiry } from '../meetings/inviteExpiry.ts'
import { INVITE_KINDS, INVITE_ROLES, type InviteKind, type InviteRole } from '../meetings/MeetingStore.ts'

/** Longest "who it is for" label. */
export const INVITE_LABEL_MAX_LENGTH = 60

const inviteSchema = {
  type: 'object',
  required: ['id', 'role', 'kind', 'label', 'lobby', 'expiresAt', 'revoked', 'uses'],
  properties: {
    id: { type: 'string' },
    role: { type: 'string', enum: [...INVITE_ROLES] },
    kind: { type: 'string', enum: [...INVITE_KINDS] },
    label: { type: ['string', 'null'] },
    lobby: { type: 'boolean' },
    expiresAt: { type: 'string', format: 'date-time' },
    revoked: { type: 'boolean' },
    uses: { type: 'integer' },
  },
} as const

export async function inviteRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{
    Params: { id: string }
    Body: { role: InviteRole; kind?: InviteKind; label?: string; lobby?: boolean }
  }>('/api/meetings/:id/invites', {
    schema: {
      tags: ['invites'],
      params: meetingIdParams,
      body: {
        type: 'object',
        required: ['role'],
        properties: {
          role: { type: 'string', enum: [...INVITE_ROLES] },
          kind: { type: 'string', enum: [...INVITE_KINDS] },
          label: { type: 'string', maxLength: INVITE_LABEL_MAX_LENGTH },
          lobby: { type: 'boolean' },
        },
      },
      response: {
        201: {
          type: 'object',
          required: ['id', 'url', 'token', 'expiresAt', 'kind', 'role', 'lobby'],
          properties: {
            id: { type: 'string' },
            url: { type: 'string' },
            token: { type: 'string' },
            expiresAt: { type: 'string', format: 'date-time' },
            kind: { type: 'string' },
            role: { type: 'string' },
            lobby: { type: 'boolean' },
          },
        },
        401: errorSchema,
        403: errorSchema,
        404: errorSchema,
        409: errorSchema,
      },
    },
  }, async (request, reply) => {
    const { meeting, worker } = await facilitatorOf(services, request)
    // Ending a meeting revoked every invite, for good.
    refuseNewPeople(meeting)
    const now = services.now()
    const kind = request.body.kind ?? 'personal'
    const label = request.body.label?.trim() || null
    const { invite, token } = await services.meetings.createInvite({
      meetingId: meeting.id,
      role: request.body.role,
      kind,
      label,
      lobby: request.body.lobby ?? kind === 'shared',
      createdBy: worker.id,
      expiresAt: inviteExpiry(now),
      now,
    })
    await services.audit.record({
      action: 'invite.created',
      actor: { kind: 'worker', id: worker.id },
      meetingId: meeting.id,
      subjectId: invite.id,
      details: { role: invite.role, kind: invite.kind, lobby: invite.lobby },
      now,
    })
    request.log.info({ meetingId: meeting.id, inviteId: invite.id, role: invite.role, kind }, 'invite created')
    // The token rides in the fragment: browsers never send it to a server or in a Referer.
    const url = `${expectedOrigin(services, request)}/join#${token}`
    return reply.code(201).send({
      id: invite.id,
      url,
      token,
      expiresAt: new Date(invite.expiresAt).toISOString(),
      kind: invite.kind,
      role: invite.role,
      lobby: invite.lobby,
    })
  })

  app.get<{ Params: { id: string } }>('/api/meetings/:id/invites', {
    schema: {
      tags: ['invites'],
      params: meetingIdParams,
      response: {
        200: { type: 'object', required: ['invites'], properties: { invites: { type: 'array', items: inviteSchema } } },
        401: errorSchema,
        403: errorSchema,
        404: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting } = await facilitatorOf(services, request)
    const invites = (await services.meetings.listInvites(meeting.id)).map((i) => ({
      id: i.id,
      role: i.role,
      kind: i.kind,
      label: i.label,
      lobby: i.lobby,
      expiresAt: new Date(i.expiresAt).toISOString(),
      revoked: i.revoked,
      uses: i.uses,
    }))
    return { invites }
  })

  app.delete<{ Params: { id: string; inviteId: string } }>('/api/meetings/:id/invites/:inviteId', {
    schema: {
      tags: ['invites'],
      params: {
        type: 'object',
        required: ['id', 'inviteId'],
        properties: { id: { type: 'string', maxLength: 64 }, inviteId: { type: 'string', maxLength: 64 } },
      },
      response: { 204: { type: 'null' }, 401: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (request, reply) => {
    const { meeting, worker } = await facilitatorOf(services, request)
    const now = services.now()
    const result = await services.meetings.revokeInvite(meeting.id, request.params.inviteId, now)
    if (result === 'unknown') throw new InviteNotFound()
    if (result === 'revoked') {
      await services.audit.record({
        action: 'invite.revoked',
        actor: { kind: 'worker', id: worker.id },
        meetingId: meeting.id,
        subjectId: request.params.inviteId,
        now,
      })
      request.log.info({ meetingId: meeting.id, inviteId: request.params.inviteId }, 'invite revoked')
    }
    return reply.code(204).send()
  })
}
