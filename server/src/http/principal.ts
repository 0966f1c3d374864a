/**
 * Who is calling: resolves the session cookie or `Authorization: Bearer` token of a request into
 * a worker or a meeting participant, and says what role that principal has in a meeting.
 *
 *   app.register(principalPlugin, services)   // then request.principal in every route
 */
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Services } from './services.ts'
import type { Meeting, Participant, ParticipantRole } from '../meetings/MeetingStore.ts'
import type { Worker } from '../access/WorkerStore.ts'
import { SECRET_PREFIX } from '../access/secrets.ts'
import { AuthOriginMismatch, AuthRequired, AuthWorkerOnly } from '../errors.ts'

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = 'sm_session'

export type Principal =
  | { kind: 'worker'; worker: Worker; via: 'cookie' | 'bearer' }
  | { kind: 'participant'; participant: Participant; via: 'cookie' | 'bearer' }

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
  }
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match?.[1] ?? null
}

function resolve(services: Services, token: string, via: 'cookie' | 'bearer'): Principal | null {
  if (via === 'bearer' && token.startsWith(`${SECRET_PREFIX.apiKey}_`)) {
    const worker = services.workers.workerForApiKey(token)
    return worker ? { kind: 'worker', worker, via } : null
  }
  const owner = services.sessions.resolve(token, services.now())
  if (!owner) return null
  if (owner.kind === 'worker') {
    const worker = services.workers.getWorker(owner.workerId)
    return worker ? { kind: 'worker', worker, via } : null
  }
  const participant = services.meetings.getParticipant(owner.participantId)
  return participant ? { kind: 'participant', participant, via } : null
}

/** The origin browsers must send from: PUBLIC_URL when set, else the request's own host. */
export function expectedOrigin(services: Services, request: FastifyRequest): string {
  return services.config.publicUrl?.origin ?? `${request.protocol}://${request.host}`
}

/**
 * Cookie-authenticated requests that change state (and websocket upgrades) must come from our
 * own pages: a mismatching `Origin` is refused. Bearer clients are not browsers and carry no cookie.
 */
function checkOrigin(services: Services, request: FastifyRequest): void {
  const origin = request.headers.origin
  const changesState = request.method !== 'GET' && request.method !== 'HEAD'
  const isUpgrade = request.headers.upgrade?.toLowerCase() === 'websocket'
  if (origin === undefined || !(changesState || isUpgrade)) return
  if (origin !== expectedOrigin(services, request)) throw new AuthOriginMismatch()
}

/** The role a principal holds in a meeting, or null when it has none. */
export function roleInMeeting(principal: Principal | null, meeting: Meeting): ParticipantRole | null {
  if (!principal) return null
  if (principal.kind === 'worker') return principal.worker.id === meeting.ownerWorkerId ? 'facilitator' : null
  return principal.participant.meetingId === meeting.id ? principal.participant.role : null
}

/** Throws unless the request is a signed-in worker; returns that worker. */
export function requireWorker(request: FastifyRequest): Worker {
  const principal = request.principal
  if (!principal) throw new AuthRequired()
  if (principal.kind !== 'worker') throw new AuthWorkerOnly()
  return principal.worker
}

/** Resolves `request.principal` for API and sync routes. */
export const principalPlugin = fp(async (app: FastifyInstance, services: Services) => {
  app.decorateRequest('principal', null)
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/sync/')) return
    const bearer = bearerToken(request)
    const cookie = request.cookies[SESSION_COOKIE]
    if (bearer) request.principal = resolve(services, bearer, 'bearer')
    else if (cookie) {
      request.principal = resolve(services, cookie, 'cookie')
      if (request.principal) checkOrigin(services, request)
    }
  })
}, { name: 'principal', dependencies: ['@fastify/cookie'] })
