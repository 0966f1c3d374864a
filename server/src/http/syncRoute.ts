/**
 * `GET /sync/:meetingId`: the y-websocket endpoint. An ordinary route, so the same principal
 * hook guards it; everything is checked before the upgrade completes, so a refused client gets
 * a plain 401/403/404 and never a half-open socket.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Services } from './services.ts'
import { accessToMeeting, auditActorOf, principalId, requirePrincipal } from './principal.ts'
import { MeetingNotAMember, MeetingNotFound } from '../errors.ts'
import { accessRefusal } from './meetingAccess.ts'
import { rateLimitFor } from './rateLimits.ts'
import { joinRelay } from './joinRelay.ts'

export type SyncRequest = FastifyRequest<{ Params: { meetingId: string } }>

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the upgrade admitted, to which doc; the role is decided again as the socket joins. */
    syncPeer: { meetingId: string; participantId: string } | null
  }
}

export async function syncRoute(app: FastifyInstance, services: Services): Promise<void> {
  app.decorateRequest('syncPeer', null)

  /** Audits a refused upgrade by a known principal or an ended session (an attempt); ids only. */
  const refused = async (request: SyncRequest, reason: string, meetingId: string | null, error: Error): Promise<Error> => {
    const principal = request.principal
    await services.audit.record({
      action: 'access.refused',
      actor: auditActorOf(principal),
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
    if (!access.ok) throw await refused(request, access.reason, meeting.id, accessRefusal(access.reason, new MeetingNotAMember()))
    const participantId = principalId(principal)
    request.syncPeer = { meetingId: meeting.id, participantId }
  }

  addSyncSocketRoute(app, { services, url: '/sync/:meetingId', admit })
}

/**
 * A y-websocket endpoint at `url` (with a `:meetingId`): `admit` runs before the upgrade and sets
 * `request.syncPeer` or throws the refusal; the admitted socket then joins the relay.
 */
export function addSyncSocketRoute(
  app: FastifyInstance,
  { services, url, admit }: { services: Services; url: string; admit: (request: SyncRequest) => Promise<void> },
): void {
  app.get<{ Params: { meetingId: string } }>(url, {
    websocket: true,
    config: { rateLimit: rateLimitFor(services, 'sync') },
    preValidation: admit,
    schema: { hide: true, params: { type: 'object', properties: { meetingId: { type: 'string', maxLength: 64 } } } },
  }, async (socket, request) => {
    const peer = request.syncPeer
    if (!peer) return socket.close(1011, 'not admitted')
    await joinRelay(services, socket, request, peer)
  })
}
