/**
 * `GET /sync/:meetingId`: the y-websocket endpoint. An ordinary route, so the same principal
 * hook guards it; everything is checked before the upgrade completes, so a refused client gets
 * a plain 401/403/404 and never a half-open socket.
 */
import { holdEarlyMessages } from './holdEarlyMessages.ts'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Services } from './services.ts'
import { accessToMeeting, requirePrincipal } from './principal.ts'
import { LobbyDeclined, LobbyWaiting, MeetingNotAMember, MeetingNotFound, ParticipantRemoved } from '../errors.ts'
import type { ParticipantRole } from '../meetings/MeetingStore.ts'
import { rateLimitFor } from './rateLimits.ts'
import { currentSyncRole } from './currentSyncRole.ts'
import { ACCESS_CLOSE } from '../access/accessCloseCodes.ts'

type SyncRequest = FastifyRequest<{ Params: { meetingId: string } }>

declare module 'fastify' {
  interface FastifyRequest {
    syncPeer: { meetingId: string; participantId: string; role: ParticipantRole } | null
  }
}

export async function syncRoute(app: FastifyInstance, services: Services): Promise<void> {
  app.decorateRequest('syncPeer', null)

  /** Audits a refused upgrade by a known principal or an ended session (an attempt); ids only. */
  const refused = async (request: SyncRequest, reason: string, meetingId: string | null, error: Error): Promise<Error> => {
    const principal = request.principal
    await services.audit.record({
      action: 'access.refused',
      actor: principal
        ? { kind: principal.kind, id: principal.kind === 'worker' ? principal.worker.id : principal.participant.id }
        : { kind: 'anonymous', id: '-' },
      meetingId,
      details: { reason, door: 'sync' },
      now: services.now(),
    })
    return error
  }

  const admit = async (request: SyncRequest) => {
    if (!request.principal && request.revokedSession) {
      try {
        requirePrincipal(request)
      } catch (error) {
        throw await refused(request, request.revokedSession, null, error as Error)
      }
    }
    if (!request.principal && (request.headers.authorization || request.headers.cookie)) {
      // A credential was presented but is unknown, expired or tampered with: an attempt.
      try {
        requirePrincipal(request)
      } catch (error) {
        throw await refused(request, 'bad-credential', null, error as Error)
      }
    }
    const principal = requirePrincipal(request)
    const meeting = await services.meetings.get(request.params.meetingId)
    if (!meeting) throw new MeetingNotFound()
    const access = accessToMeeting(principal, meeting)
    if (!access.ok) {
      const error =
        access.reason === 'waiting' ? new LobbyWaiting()
        : access.reason === 'declined' ? new LobbyDeclined()
        : access.reason === 'removed' ? new ParticipantRemoved()
        : new MeetingNotAMember()
      throw await refused(request, access.reason, meeting.id, error)
    }
    // A finalized map is read-only for everyone: the relay drops viewers' updates (RL-4) and
    // refuses a finished map's changes with 4002.
    const role = meeting.status === 'finalized' ? 'viewer' : access.role
    const participantId = principal.kind === 'worker' ? principal.worker.id : principal.participant.id
    request.syncPeer = { meetingId: meeting.id, participantId, role }
  }

  app.get<{ Params: { meetingId: string } }>('/sync/:meetingId', {
    websocket: true,
    config: { rateLimit: rateLimitFor(services, 'sync') },
    preValidation: admit,
    schema: { hide: true, params: { type: 'object', properties: { meetingId: { type: 'string', maxLength: 64 } } } },
  }, async (socket, request) => {
    const peer = request.syncPeer
    if (!peer) return socket.close(1011, 'not admitted')
    const release = holdEarlyMessages(socket)
    // Access may have changed during the handshake (removal, role change, finalize): decide again.
    const role = await currentSyncRole(services, peer.meetingId, peer.participantId)
    if (!role) return socket.close(ACCESS_CLOSE.PARTICIPANT_REMOVED.code, ACCESS_CLOSE.PARTICIPANT_REMOVED.reason)
    // On a finished map, changes (made offline before the finalize) are refused with its close
    // code rather than dropped silently, so the client can tell its user they were not kept.
    const finalized = role === 'viewer' && (await services.meetings.get(peer.meetingId))?.status === 'finalized'
    if (socket.readyState !== socket.OPEN) return
    request.log.info({ meetingId: peer.meetingId, participantId: peer.participantId, role }, 'sync connected')
    // `?epoch=` (RL-13): the doc epoch the client's local copy belongs to, so stale copies reset.
    const { epoch } = request.query as { epoch?: unknown }
    services.relay.acceptWebSocket(socket, {
      ...peer,
      role,
      ...(finalized ? { readOnlyRefusal: ACCESS_CLOSE.FINALIZED_EDITS_REFUSED } : {}),
      ...(typeof epoch === 'string' ? { knownEpoch: epoch.slice(0, 64) } : {}),
    })
    release()
  })
}
