/**
 * Joining by invite, with consent. The join page first asks what an invite opens
 * (`POST /api/join/preview`: role, lobby, the confidentiality agreement; no meeting content, not
 * even the title), then posts the joiner's name, relationship and attendance with the agreement
 * version they accepted (`POST /api/join`). We record the participant and their consent and start
 * their browser session, which lasts as long as the invite would. A lobby joiner waits
 * (`GET /api/lobby`) until the facilitator admits or declines them. A link of a meeting that has
 * ended answers MEETING_ENDED, whatever else is wrong with it — but a journal link, which outlives
 * the meeting (inviteRoutes.ts), answers for itself. Someone joining by a journal link is not
 * taking part in a meeting, so they are not asked how they attend (`attendance` left out). A
 * one-person link previewed by the person whose session it started answers INVITE_ALREADY_YOURS.
 */
import type { FastifyInstance } from 'fastify'
import type { Services } from './services.ts'
import type { InviteLookup } from '../meetings/MeetingStore.ts'
import { ATTENDANCE_MODES, type Attendance } from '../meetings/MeetingStore.ts'
import { CONSENT_AGREEMENT } from '../meetings/consentAgreement.ts'
import { AuthInviteExpired, AuthInviteInvalid, AuthInviteRevoked, AuthInviteUsed, ConsentRequired, InviteAlreadyYours, JoinAttendanceRequired, MeetingEnded } from '../errors.ts'
import { requirePrincipal } from './principal.ts'
import { setSessionCookie } from './sessionCookie.ts'
import { errorSchema, personNameSchema } from './schemas.ts'
import { rateLimitFor } from './rateLimits.ts'

/** Longest relationship text ("grandparent", "neighbour", "Kai's football coach"). */
export const RELATIONSHIP_MAX_LENGTH = 60

const tokenSchema = { type: 'string', minLength: 10, maxLength: 200 } as const
const consentSchema = {
  type: 'object',
  required: ['version', 'text'],
  properties: {
    version: { type: 'string' },
    text: { type: 'object', required: ['en', 'es'], properties: { en: { type: 'string' }, es: { type: 'string' } } },
  },
} as const

type Refusal = Extract<InviteLookup, { ok: false }>

export async function joinRoutes(app: FastifyInstance, services: Services): Promise<void> {
  /** Audits a refused invite token (an attempt) and throws its precise error. */
  const refuse = async (refusal: Refusal, stage: 'preview' | 'join'): Promise<never> => {
    await services.audit.record({
      action: 'join.refused',
      actor: { kind: 'anonymous', id: '-' },
      meetingId: refusal.meetingId,
      details: { reason: refusal.reason, stage },
      now: services.now(),
    })
    // Ending the meeting turned its links off for good: asking for a new one would not help.
    // A journal link was not turned off by it, so a stopped or used one says so instead.
    if (refusal.meetingId !== null && refusal.kind !== 'journal' && (await services.meetings.get(refusal.meetingId))?.endedAt != null) throw new MeetingEnded()
    switch (refusal.reason) {
      case 'expired':
        throw new AuthInviteExpired()
      case 'revoked':
        throw new AuthInviteRevoked()
      case 'used':
        throw new AuthInviteUsed()
      case 'unknown':
        throw new AuthInviteInvalid()
    }
  }

  app.post<{ Body: { token: string } }>('/api/join/preview', {
    config: { rateLimit: rateLimitFor(services, 'join') },
    schema: {
      tags: ['join'],
      body: { type: 'object', required: ['token'], properties: { token: tokenSchema } },
      response: {
        200: {
          type: 'object',
          required: ['role', 'kind', 'lobby', 'consent'],
          properties: { role: { type: 'string' }, kind: { type: 'string' }, lobby: { type: 'boolean' }, consent: consentSchema },
        },
        403: errorSchema,
        404: errorSchema,
        409: errorSchema,
        410: errorSchema,
        429: errorSchema,
      },
    },
  }, async (request) => {
    const found = await services.meetings.findInvite(request.body.token, services.now())
    // A one-person link opened again by the person who used it, on the device they joined from (a
    // journal link tapped in the same text message next week): not an attempt, and their page opens.
    const caller = request.principal
    if (!found.ok && found.reason === 'used' && caller?.kind === 'participant' && caller.participant.inviteId === found.inviteId) throw new InviteAlreadyYours()
    if (!found.ok) return await refuse(found, 'preview')
    return { role: found.invite.role, kind: found.invite.kind, lobby: found.invite.lobby, consent: CONSENT_AGREEMENT }
  })

  app.post<{
    Body: { token: string; name: string; relationship: string; attendance?: Attendance; consentVersion?: string }
  }>('/api/join', {
    config: { rateLimit: rateLimitFor(services, 'join') },
    schema: {
      tags: ['join'],
      body: {
        type: 'object',
        required: ['token', 'name', 'relationship'],
        properties: {
          token: tokenSchema,
          name: personNameSchema,
          relationship: { type: 'string', minLength: 1, maxLength: RELATIONSHIP_MAX_LENGTH, pattern: '\\S' },
          attendance: { type: 'string', enum: [...ATTENDANCE_MODES] },
          consentVersion: { type: 'string', maxLength: 40 },
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['meetingId', 'participantId', 'role', 'status', 'journalOnly'],
          properties: {
            meetingId: { type: 'string' },
            participantId: { type: 'string' },
            role: { type: 'string' },
            journalOnly: { type: 'boolean' },
            status: { type: 'string', enum: ['admitted', 'waiting'] },
          },
        },
        400: errorSchema,
        403: errorSchema,
        404: errorSchema,
        410: errorSchema,
        429: errorSchema,
      },
    },
  }, async (request, reply) => {
    const now = services.now()
    const { token, name, relationship, attendance, consentVersion } = request.body
    // Consent comes first: without it nothing is recorded and a personal invite stays unused.
    if (consentVersion !== CONSENT_AGREEMENT.version) {
      const found = await services.meetings.findInvite(token, now)
      if (!found.ok) return await refuse(found, 'join')
      await services.audit.record({
        action: 'join.refused',
        actor: { kind: 'anonymous', id: '-' },
        meetingId: found.invite.meetingId,
        details: { reason: consentVersion === undefined ? 'consent-missing' : 'consent-outdated', stage: 'join' },
        now,
      })
      throw new ConsentRequired()
    }
    if (attendance === undefined) {
      const found = await services.meetings.findInvite(token, now)
      if (!found.ok) return await refuse(found, 'join')
      if (found.invite.kind !== 'journal') throw new JoinAttendanceRequired()
    }
    const joined = await services.meetings.join({ token, name, relationship, attendance: attendance ?? null, consentVersion, now })
    if (!joined.ok) return await refuse(joined, 'join')
    const { participant, invite } = joined
    const session = await services.sessions.create({ kind: 'participant', participantId: participant.id }, invite.expiresAt, now)
    setSessionCookie(reply, services, session, invite.expiresAt)
    const actor = { kind: 'participant', id: participant.id } as const
    await services.audit.record({
      action: 'participant.consented',
      actor,
      meetingId: participant.meetingId,
      details: { version: consentVersion },
      now,
    })
    await services.audit.record({
      action: 'participant.joined',
      actor,
      meetingId: participant.meetingId,
      subjectId: invite.id,
      details: { role: participant.role, status: participant.status, attendance: attendance ?? null, journalOnly: participant.journalOnly },
      now,
    })
    // The facilitator's lobby (or everyone's roster) shows the newcomer at once.
    services.meetingEvents.rosterChanged(participant.meetingId)
    request.log.info({ meetingId: participant.meetingId, participantId: participant.id, role: participant.role, status: participant.status }, 'participant joined')
    return { meetingId: participant.meetingId, participantId: participant.id, role: participant.role, status: participant.status, journalOnly: participant.journalOnly }
  })

  app.get('/api/lobby', {
    schema: {
      tags: ['join'],
      response: {
        200: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['waiting', 'admitted', 'declined'] } } },
        401: errorSchema,
        403: errorSchema,
      },
    },
  }, async (request) => {
    const principal = requirePrincipal(request)
    if (principal.kind === 'worker') return { status: 'admitted' }
    // A removed participant has no session left (requirePrincipal answered PARTICIPANT_REMOVED).
    return { status: principal.participant.status }
  })
}
