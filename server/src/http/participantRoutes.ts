/**
 * The roster and the facilitator's control over it: who is in the meeting (and online), changing
 * a participant's role, letting lobby joiners in or turning them away, removing someone, and
 * ending the meeting for everyone. Each change takes effect on live sockets at once: a new role
 * reconnects the participant (non-terminal close), removal and ending close terminally. Once the
 * meeting has ended nobody is let in and roles no longer change (409): those sessions are over.
 *
 *   GET    /api/meetings/:id/participants
 *   PATCH  /api/meetings/:id/participants/:pid          { role }
 *   DELETE /api/meetings/:id/participants/:pid
 *   POST   /api/meetings/:id/participants/:pid/admit | /decline
 *   PUT    /api/meetings/:id/participants/:pid/release-consent  { signed }   (the case file's record of a signed release form)
 *   POST   /api/meetings/:id/end                            (again: nothing changes)
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Services } from './services.ts'
import type { Meeting, Participant } from '../meetings/MeetingStore.ts'
import { ACCESS_CLOSE } from '../access/accessCloseCodes.ts'
import { meetingDocIds } from '../meetings/restrictedDoc.ts'
import { journalLinkEndIso, journalLinkEnds } from '../meetings/journalLinkEnds.ts'
import { MeetingAlreadyFinalized, MeetingEndedNoRoleChanges, ParticipantNotFound, ParticipantNotWaiting } from '../errors.ts'
import { errorSchema } from './schemas.ts'
import { facilitatorOf, meetingIdParams, memberOf, refuseNewPeople } from './meetingAccess.ts'

type ParticipantRequest = FastifyRequest<{ Params: { id: string; pid: string } }>

const participantParams = {
  type: 'object',
  required: ['id', 'pid'],
  properties: { id: { type: 'string', maxLength: 64 }, pid: { type: 'string', maxLength: 64 } },
} as const

const rosterEntrySchema = {
  type: 'object',
  required: ['id', 'name', 'relationship', 'attendance', 'role', 'status', 'online', 'consentedAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    relationship: { type: ['string', 'null'] },
    attendance: { type: ['string', 'null'], enum: ['in-room', 'video', 'phone', null] },
    role: { type: 'string', enum: ['facilitator', 'editor', 'viewer'] },
    status: { type: 'string', enum: ['waiting', 'admitted', 'declined', 'removed'] },
    online: { type: 'boolean' },
    consentedAt: { type: ['string', 'null'], format: 'date-time' },
    /** On facilitators only: whether this worker created the meeting (only they can take co-facilitators off). */
    owner: { type: 'boolean' },
    /** In the facilitators' view only: the person's own talk-check answer (canTalkRoute.ts), `null` before one. */
    canTalk: { type: ['string', 'null'], enum: ['yes', 'not-now', null] },
    /** In the facilitators' view only: whether a facilitator recorded that they signed the release-of-information consent. */
    releaseConsent: { type: 'boolean' },
    /** In the facilitators' view only: joined by a journal link, so in the journal and nowhere else of the meeting. */
    journalOnly: { type: 'boolean' },
    /** In the facilitators' view only: when that journal link, and so their way in, stops working; `null` for everyone else. */
    journalLinkEndsAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const

const noContent = { 204: { type: 'null' }, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema }

export async function participantRoutes(app: FastifyInstance, services: Services): Promise<void> {
  /** The participant named in the URL, within a meeting the caller facilitates. */
  const targetOf = async (request: ParticipantRequest): Promise<{ meeting: Meeting; workerId: string; participant: Participant }> => {
    const { meeting, worker } = await facilitatorOf(services, request)
    const participant = await services.meetings.getParticipant(request.params.pid)
    if (!participant || participant.meetingId !== meeting.id) throw new ParticipantNotFound()
    return { meeting, workerId: worker.id, participant }
  }
  const audit = (
    action: 'participant.role-changed' | 'participant.removed' | 'participant.admitted' | 'participant.declined' | 'participant.release-consent-recorded',
    target: { meeting: Meeting; workerId: string; participant: Participant },
    details?: Record<string, string>,
  ) =>
    services.audit.record({
      action,
      actor: { kind: 'worker', id: target.workerId },
      meetingId: target.meeting.id,
      subjectId: target.participant.id,
      ...(details ? { details } : {}),
      now: services.now(),
    })

  app.get<{ Params: { id: string } }>('/api/meetings/:id/participants', {
    schema: {
      tags: ['participants'],
      params: meetingIdParams,
      response: {
        200: { type: 'object', required: ['participants'], properties: { participants: { type: 'array', items: rosterEntrySchema } } },
        401: errorSchema,
        403: errorSchema,
        404: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting, role } = await memberOf(services, request)
    const online = new Set(services.relay.peersOf(meeting.id))
    const workers = await Promise.all(meeting.facilitatorIds.map((workerId) => services.workers.getWorker(workerId)))
    const facilitators = workers.flatMap((worker) => {
      if (!worker) return []
      return [{
        id: worker.id,
        name: worker.name,
        relationship: 'worker',
        attendance: null,
        role: 'facilitator',
        status: 'admitted',
        online: online.has(worker.id),
        consentedAt: null,
        owner: worker.id === meeting.ownerWorkerId,
      }]
    })
    // Family and network see who is in the meeting; only facilitators see the lobby, leavers and
    // the people of journal links (who write in the journal but are not in the meeting).
    const linkEnds = role === 'facilitator' ? await journalLinkEnds(services.meetings, meeting.id) : new Map<string, number>()
    const people = (await services.meetings.listParticipants(meeting.id))
      .filter((p) => role === 'facilitator' || (p.status === 'admitted' && !p.journalOnly))
      .map((p) => ({
        id: p.id,
        name: p.name,
        relationship: p.relationship,
        attendance: p.attendance,
        role: p.role,
        status: p.status,
        online: p.status === 'admitted' && online.has(p.id),
        consentedAt: p.consentedAt === null ? null : new Date(p.consentedAt).toISOString(),
        // Never to other participants: the person causing harm may be one of them (guide §9).
        ...(role === 'facilitator'
          ? {
              canTalk: p.canTalk,
              releaseConsent: p.releaseConsentAt !== null,
              journalOnly: p.journalOnly,
              journalLinkEndsAt: p.journalOnly ? journalLinkEndIso(linkEnds, p.inviteId) : null,
            }
          : {}),
      }))
    return { participants: [...facilitators, ...people] }
  })

  app.patch<{ Params: { id: string; pid: string }; Body: { role: 'editor' | 'viewer' } }>('/api/meetings/:id/participants/:pid', {
    schema: {
      tags: ['participants'],
      params: participantParams,
      body: { type: 'object', required: ['role'], properties: { role: { type: 'string', enum: ['editor', 'viewer'] } } },
      response: {
        200: { type: 'object', required: ['id', 'role'], properties: { id: { type: 'string' }, role: { type: 'string' } } },
        ...noContent,
      },
    },
  }, async (request) => {
    const target = await targetOf(request)
    if (target.participant.status === 'removed') throw new ParticipantNotFound()
    const from = target.participant.role
    const to = request.body.role
    if (from !== to) {
      // Their session ended with the meeting: a new role would show on the roster and do nothing.
      if (target.meeting.endedAt !== null) throw new MeetingEndedNoRoleChanges()
      await services.meetings.setParticipantRole(target.meeting.id, target.participant.id, to)
      // Non-terminal: the client reconnects at once and the upgrade hands it the new role.
      services.relay.closePeer(target.participant.id, ACCESS_CLOSE.ROLE_CHANGED.code, ACCESS_CLOSE.ROLE_CHANGED.reason)
      await audit('participant.role-changed', target, { from, to })
      services.meetingEvents.rosterChanged(target.meeting.id)
      request.log.info({ meetingId: target.meeting.id, participantId: target.participant.id, role: to }, 'participant role changed')
    }
    return { id: target.participant.id, role: to }
  })

  app.delete<{ Params: { id: string; pid: string } }>('/api/meetings/:id/participants/:pid', {
    schema: { tags: ['participants'], params: participantParams, response: noContent },
  }, async (request, reply) => {
    const target = await targetOf(request)
    if (target.participant.status !== 'removed') {
      await services.meetings.markRemoved(target.meeting.id, target.participant.id, services.now())
      await services.sessions.revokeParticipants([target.participant.id], 'removed')
      services.relay.closePeer(target.participant.id, ACCESS_CLOSE.PARTICIPANT_REMOVED.code, ACCESS_CLOSE.PARTICIPANT_REMOVED.reason)
      await audit('participant.removed', target)
      services.meetingEvents.rosterChanged(target.meeting.id)
      request.log.info({ meetingId: target.meeting.id, participantId: target.participant.id }, 'participant removed')
    }
    return reply.code(204).send()
  })

  app.post<{ Params: { id: string; pid: string } }>('/api/meetings/:id/participants/:pid/admit', {
    schema: { tags: ['participants'], params: participantParams, response: noContent },
  }, async (request, reply) => {
    const target = await targetOf(request)
    const { status } = target.participant
    if (status === 'admitted') return reply.code(204).send()
    if (status !== 'waiting' && status !== 'declined') throw new ParticipantNotWaiting()
    // Their session ended with the meeting: "admitted" would show on the roster and let no one in.
    refuseNewPeople(target.meeting)
    await services.meetings.setParticipantStatus(target.meeting.id, target.participant.id, 'admitted')
    await audit('participant.admitted', target)
    services.meetingEvents.rosterChanged(target.meeting.id)
    request.log.info({ meetingId: target.meeting.id, participantId: target.participant.id }, 'participant admitted')
    return reply.code(204).send()
  })

  app.post<{ Params: { id: string; pid: string } }>('/api/meetings/:id/participants/:pid/decline', {
    schema: { tags: ['participants'], params: participantParams, response: noContent },
  }, async (request, reply) => {
    const target = await targetOf(request)
    const { status } = target.participant
    if (status === 'declined') return reply.code(204).send()
    if (status !== 'waiting') throw new ParticipantNotWaiting()
    // Still allowed once the meeting has ended: it only records what is true anyway (they are not let in).
    await services.meetings.setParticipantStatus(target.meeting.id, target.participant.id, 'declined')
    await audit('participant.declined', target)
    services.meetingEvents.rosterChanged(target.meeting.id)
    request.log.info({ meetingId: target.meeting.id, participantId: target.participant.id }, 'participant declined')
    return reply.code(204).send()
  })

  app.put<{ Params: { id: string; pid: string }; Body: { signed: boolean } }>('/api/meetings/:id/participants/:pid/release-consent', {
    schema: {
      tags: ['participants'],
      description: 'Records (or takes back) that the participant signed the release-of-information consent, for the case file. Facilitators, while the map is not finalized.',
      params: participantParams,
      body: { type: 'object', required: ['signed'], additionalProperties: false, properties: { signed: { type: 'boolean' } } },
      response: noContent,
    },
  }, async (request, reply) => {
    const target = await targetOf(request)
    // A finished map is a record: like its details, this changes only after reopening it.
    if (target.meeting.status === 'finalized') throw new MeetingAlreadyFinalized()
    const { signed } = request.body
    if (signed !== (target.participant.releaseConsentAt !== null)) {
      await services.meetings.setReleaseConsent(target.meeting.id, target.participant.id, signed ? services.now() : null)
      await audit('participant.release-consent-recorded', target, { signed: String(signed) })
      services.meetingEvents.rosterChanged(target.meeting.id)
    }
    return reply.code(204).send()
  })

  app.post<{ Params: { id: string } }>('/api/meetings/:id/end', {
    schema: { tags: ['participants'], params: meetingIdParams, response: noContent },
  }, async (request, reply) => {
    const { meeting, worker } = await facilitatorOf(services, request)
    // Once is enough: ending again would move the end time, and retention counts from it.
    if (meeting.endedAt !== null) return reply.code(204).send()
    const now = services.now()
    await services.meetings.markEnded(meeting.id, now)
    // Journal links outlive the meeting (inviteRoutes.ts): their people keep writing in the journal.
    const ended = await services.sessions.revokeParticipants(
      (await services.meetings.listParticipants(meeting.id)).filter((p) => !p.journalOnly).map((p) => p.id),
      'meeting-ended',
    )
    let closed = 0
    for (const docId of meetingDocIds(meeting.id)) {
      closed += services.relay.closeMeeting(docId, ACCESS_CLOSE.MEETING_ENDED.code, ACCESS_CLOSE.MEETING_ENDED.reason)
    }
    await services.audit.record({ action: 'meeting.ended', actor: { kind: 'worker', id: worker.id }, meetingId: meeting.id, details: { sessions: ended, sockets: closed }, now })
    services.meetingEvents.rosterChanged(meeting.id)
    request.log.info({ meetingId: meeting.id, sessions: ended, sockets: closed }, 'meeting ended')
    return reply.code(204).send()
  })
}
