/**
 * `GET /sync/:meetingId`: the y-websocket endpoint. An ordinary route, so the same principal
 * hook guards it; everything is checked before the upgrade completes, so a refused client gets
 * a plain 401/403/404 and never a half-open socket.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Services } from './services.ts'
import { roleInMeeting } from './principal.ts'
import { AuthRequired, MeetingNotAMember, MeetingNotFound } from '../errors.ts'
import type { ParticipantRole } from '../meetings/MeetingStore.ts'

type SyncRequest = FastifyRequest<{ Params: { meetingId: string } }>

declare module 'fastify' {
  interface FastifyRequest {
    syncPeer: { meetingId: string; participantId: string; role: ParticipantRole } | null
  }
}

export async function syncRoute(app: FastifyInstance, services: Services): Promise<void> {
  app.decorateRequest('syncPeer', null)

  const admit = async (request: SyncRequest) => {
    const principal = request.principal
    if (!principal) throw new AuthRequired()
    const meeting = services.meetings.get(request.params.meetingId)
    if (!meeting) throw new MeetingNotFound()
    const role = roleInMeeting(principal, meeting)
    if (!role) throw new MeetingNotAMember()
    const participantId = principal.kind === 'worker' ? principal.worker.id : principal.participant.id
    request.syncPeer = { meetingId: meeting.id, participantId, role }
  }

  app.get<{ Params: { meetingId: string } }>('/sync/:meetingId', {
    websocket: true,
    preValidation: admit,
    schema: { hide: true, params: { type: 'object', properties: { meetingId: { type: 'string', maxLength: 64 } } } },
  }, (socket, request) => {
    const peer = request.syncPeer
    if (!peer) return socket.close(1011, 'not admitted')
    request.log.info({ meetingId: peer.meetingId, participantId: peer.participantId, role: peer.role }, 'sync connected')
    services.relay.acceptWebSocket(socket, peer)
  })
}
