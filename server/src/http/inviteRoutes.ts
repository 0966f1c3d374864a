/**
 * Invites, made by a meeting's facilitator per role: `personal` (for one named person, usable
 * once, straight in by default) or `shared` (a meeting link, usable until it expires, through the
 * lobby by default). Each expires at the end of the meeting day and can be revoked. None is made
 * once the meeting has ended (409); listing and revoking go on.
 *
 * A `journal` link is for one named person (`label` required), usable once, straight in, and
 * lasts `days` (default 30, 1–90; never past the day retention deletes the meeting): its person may read and add to the meeting's safety journal and
 * nothing else (principal.ts `participantAccess`). Revoking it also ends that person's session.
 *
 *   POST   /api/meetings/:id/invites { role, kind?, label?, lobby? } → 201 { id, url, token, expiresAt, kind, role, lobby, label } | 409
 *   POST   /api/meetings/:id/invites { kind: 'journal', label, days? } → 201 (role editor, no lobby)
 *   GET    /api/meetings/:id/invites
 *   DELETE /api/meetings/:id/invites/:inviteId
 */
import type { FastifyInstance } from 'fastify'
import { JOURNAL_LINK_DAYS } from '@safetymap/map-model'
import type { Services } from './services.ts'
import { expectedOrigin } from './principal.ts'
import { InviteNotFound } from '../errors.ts'
import { errorSchema } from './schemas.ts'
import { facilitatorOf, meetingIdParams, refuseNewPeople } from './meetingAccess.ts'
import { inviteExpiry, journalLinkExpiry } from '../meetings/inviteExpiry.ts'
import { purgeDueAt } from '../meetings/purgeMeeting.ts'
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
    Body: { role?: InviteRole; kind?: InviteKind; label?: string; lobby?: boolean; days?: number }
  }>('/api/meetings/:id/invites', {
    schema: {
      tags: ['invites'],
      params: meetingIdParams,
      body: {
        type: 'object',
        properties: {
          role: { type: 'string', enum: [...INVITE_ROLES] },
          kind: { type: 'string', enum: [...INVITE_KINDS] },
          label: { type: 'string', maxLength: INVITE_LABEL_MAX_LENGTH },
          lobby: { type: 'boolean' },
          /** Journal links only: how many days it works. */
          days: { type: 'integer', minimum: JOURNAL_LINK_DAYS.min, maximum: JOURNAL_LINK_DAYS.max },
        },
        // A journal link names its one person and writes in the journal; meeting invites choose a role.
        if: { required: ['kind'], properties: { kind: { const: 'journal' } } },
        then: {
          required: ['label'],
          properties: { label: { type: 'string', pattern: '\\S' }, role: { type: 'string', const: 'editor' }, lobby: { type: 'boolean', const: false } },
        },
        else: { required: ['role'], not: { required: ['days'] } },
      },
      response: {
        201: {
          type: 'object',
          required: ['id', 'url', 'token', 'expiresAt', 'kind', 'role', 'lobby', 'label'],
          properties: {
            id: { type: 'string' },
            label: { type: ['string', 'null'] },
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
    const kind = request.body.kind ?? 'personal'
    const journal = kind === 'journal'
    // Ending a meeting revoked every invite to it, for good. A journal link is still made then:
    // the journal outlives the meeting (visits go on, and the next meeting reads how they went),
    // and the link lets nobody into the map, the roster or anything else of the ended meeting.
    if (!journal) refuseNewPeople(meeting)
    const now = services.now()
    const label = request.body.label?.trim() || null
    const days = journal ? (request.body.days ?? JOURNAL_LINK_DAYS.default) : null
    const { invite, token } = await services.meetings.createInvite({
      meetingId: meeting.id,
      // The schema allows no other role for a journal link: its person writes in the journal.
      role: request.body.role ?? 'editor',
      kind,
      label,
      lobby: !journal && (request.body.lobby ?? kind === 'shared'),
      createdBy: worker.id,
      expiresAt: days === null ? inviteExpiry(now) : journalLinkExpiry(now, days, purgeDueAt(meeting, services.config.retentionDays)),
      now,
    })
    await services.audit.record({
      action: 'invite.created',
      actor: { kind: 'worker', id: worker.id },
      meetingId: meeting.id,
      subjectId: invite.id,
      details: { role: invite.role, kind: invite.kind, lobby: invite.lobby, ...(days === null ? {} : { days }) },
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
      label: invite.label,
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
      await endJournalLinkSessions(services, meeting.id, request.params.inviteId, now)
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

/**
 * A journal link's session lasts weeks, so stopping the link must also end what it opened: the
 * person who joined with it is taken off (their old cookie answers PARTICIPANT_REMOVED). A meeting
 * invite's session ends with the meeting day anyway, so revoking one leaves its joiners alone.
 */
async function endJournalLinkSessions(services: Services, meetingId: string, inviteId: string, now: number): Promise<void> {
  const joiners = (await services.meetings.listParticipants(meetingId)).filter((p) => p.journalOnly && p.inviteId === inviteId && p.status !== 'removed')
  for (const participant of joiners) await services.meetings.markRemoved(meetingId, participant.id, now)
  await services.sessions.revokeParticipants(joiners.map((p) => p.id), 'removed')
  if (joiners.length > 0) services.meetingEvents.rosterChanged(meetingId)
}
