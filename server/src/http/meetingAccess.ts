/**
 * Route guards for `/api/meetings/:id/…`: find the meeting and check the caller's place in it,
 * answering with the precise refusal (not signed in, removed, waiting, declined, not a member,
 * not the facilitator). A meeting the caller has no part in answers 404, so ids reveal nothing.
 *
 *   const { meeting, role } = await memberOf(services, request)
 *   const { meeting, role } = await memberOf(services, request, 'journal')   // journal links too
 *   const { meeting, worker } = await facilitatorOf(services, request)
 *   refuseNewPeople(meeting)   // before letting anyone new in: an invite, a co-facilitator, a lobby admit
 */
import type { FastifyRequest } from 'fastify'
import type { Services } from './services.ts'
import type { Meeting, ParticipantRole } from '../meetings/MeetingStore.ts'
import type { Worker } from '../access/WorkerStore.ts'
import { accessToMeeting, requirePrincipal, type MeetingAccess, type MeetingPart } from './principal.ts'
import {
  JournalLinkOnly,
  LobbyDeclined,
  LobbyWaiting,
  MeetingEndedNoNewPeople,
  MeetingForbidden,
  MeetingNotFound,
  ParticipantRemoved,
} from '../errors.ts'

type MeetingRequest = FastifyRequest<{ Params: { id: string } }>

/** JSON schema of `:id` in meeting routes. */
export const meetingIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const

/**
 * The meeting in the URL and the caller's role in `part` of it (the whole meeting unless the route
 * opens only its journal); throws the right refusal otherwise.
 */
export async function memberOf(
  services: Services,
  request: MeetingRequest,
  part: MeetingPart = 'meeting',
): Promise<{ meeting: Meeting; role: ParticipantRole }> {
  const principal = requirePrincipal(request)
  const meeting = await services.meetings.get(request.params.id)
  if (!meeting) throw new MeetingNotFound()
  const access = accessToMeeting(principal, meeting, part)
  if (access.ok) return { meeting, role: access.role }
  throw accessRefusal(access.reason, new MeetingNotFound())
}

/** The error for a refused access; `notAMember` is what this door says to strangers (404 or 403). */
export function accessRefusal(reason: Extract<MeetingAccess, { ok: false }>['reason'], notAMember: Error): Error {
  switch (reason) {
    case 'waiting':
      return new LobbyWaiting()
    case 'declined':
      return new LobbyDeclined()
    case 'removed':
      return new ParticipantRemoved()
    case 'journal-only':
      return new JournalLinkOnly()
    case 'not-a-member':
      return notAMember
  }
}

/** The meeting in the URL when the caller is one of its facilitating workers. */
export async function facilitatorOf(services: Services, request: MeetingRequest): Promise<{ meeting: Meeting; worker: Worker }> {
  const { meeting, role } = await memberOf(services, request)
  const principal = request.principal
  if (role !== 'facilitator' || principal?.kind !== 'worker') throw new MeetingForbidden()
  return { meeting, worker: principal.worker }
}

/**
 * Nobody new comes into a meeting that has ended: that is for good, and the way on is a new
 * meeting. A finished map still takes people (a supervisor to review it, a relative to read it).
 */
export function refuseNewPeople(meeting: Meeting): void {
  if (meeting.endedAt !== null) throw new MeetingEndedNoNewPeople()
}
