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
import type { SessionRevokeReason } from '../access/SessionStore.ts'
import type { AuditActor } from '../audit/AuditLog.ts'
import { SECRET_PREFIX } from '../access/secrets.ts'
import { AuthOriginMismatch, AuthRequired, AuthWorkerOnly, MeetingEnded, ParticipantRemoved } from '../errors.ts'

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = 'sm_session'

export type Principal =
  | { kind: 'worker'; worker: Worker; via: 'cookie' | 'bearer' }
  | { kind: 'participant'; participant: Participant; via: 'cookie' | 'bearer' }

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
    /** Set when the presented token was ended by a facilitator: why, so refusals can say so. */
    revokedSession: SessionRevokeReason | null
  }
}

/**
 * What a route opens of a meeting: the meeting itself (its map, roster, ratings, exports…), or
 * only its safety journal. Routes open the meeting unless they say otherwise.
 */
export type MeetingPart = 'meeting' | 'journal'

/** The id a principal acts under: the worker's, or the participant's. */
export const principalId = (principal: Principal): string => (principal.kind === 'worker' ? principal.worker.id : principal.participant.id)

/** The caller as the audit trail names an actor (ids only); nobody signed in is `anonymous`. */
export const auditActorOf = (principal: Principal | null): AuditActor =>
  principal ? { kind: principal.kind, id: principalId(principal) } : { kind: 'anonymous', id: '-' }

/** What a principal may do in one meeting: a role, or why not. */
export type MeetingAccess =
  | { ok: true; role: ParticipantRole }
  | { ok: false; reason: 'not-a-member' | 'waiting' | 'declined' | 'removed' | 'journal-only' }

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match?.[1] ?? null
}

async function resolve(services: Services, token: string, via: 'cookie' | 'bearer'): Promise<Principal | SessionRevokeReason | null> {
  if (via === 'bearer' && token.startsWith(`${SECRET_PREFIX.apiKey}_`)) {
    const worker = await services.workers.workerForApiKey(token)
    return worker ? { kind: 'worker', worker, via } : null
  }
  const owner = await services.sessions.resolve(token, services.now())
  if (!owner) return null
  if (owner.kind === 'revoked') return owner.reason
  if (owner.kind === 'worker') {
    const worker = await services.workers.getWorker(owner.workerId)
    return worker ? { kind: 'worker', worker, via } : null
  }
  const participant = await services.meetings.getParticipant(owner.participantId)
  if (participant?.status === 'removed') return 'removed'
  return participant ? { kind: 'participant', participant, via } : null
}

/** Who sent `request` (its bearer token, else its session cookie), why their session ended, or `null`. */
export async function resolvePrincipal(services: Services, request: FastifyRequest): Promise<Principal | SessionRevokeReason | null> {
  const bearer = bearerToken(request)
  const cookie = request.cookies[SESSION_COOKIE]
  return bearer ? resolve(services, bearer, 'bearer') : cookie ? resolve(services, cookie, 'cookie') : null
}

/** The origin browsers must send from: PUBLIC_URL when set, else the request's own host. */
export function expectedOrigin(services: Services, request: FastifyRequest): string {
  return services.config.publicUrl?.origin ?? `${request.protocol}://${request.host}`
}

/**
 * Cookie-authenticated requests that change state (and websocket upgrades) must come from our
 * own pages: a mismatching `Origin` is refused. Bearer clients are not browsers and carry no cookie.
 */
async function checkOrigin(services: Services, request: FastifyRequest): Promise<void> {
  const origin = request.headers.origin
  const changesState = request.method !== 'GET' && request.method !== 'HEAD'
  const isUpgrade = request.headers.upgrade?.toLowerCase() === 'websocket'
  if (origin === undefined || !(changesState || isUpgrade)) return
  if (origin === expectedOrigin(services, request)) return
  // An attempt (CSRF or cross-site websocket hijacking): audited with ids only, never the origin.
  const principal = request.principal
  await services.audit.record({
    action: 'access.refused',
    actor: auditActorOf(principal),
    details: { reason: 'origin-mismatch', door: isUpgrade ? 'sync' : 'api' },
    now: services.now(),
  })
  throw new AuthOriginMismatch()
}

/**
 * What a principal may do in `part` of a meeting. Workers listed as its facilitators are
 * `facilitator`; a participant has their role only once admitted (a lobby joiner is `waiting`).
 */
export function accessToMeeting(principal: Principal | null, meeting: Meeting, part: MeetingPart = 'meeting'): MeetingAccess {
  if (!principal) return { ok: false, reason: 'not-a-member' }
  if (principal.kind === 'worker') {
    return meeting.facilitatorIds.includes(principal.worker.id) ? { ok: true, role: 'facilitator' } : { ok: false, reason: 'not-a-member' }
  }
  return participantAccess(principal.participant, meeting, part)
}

/**
 * What a participant may do in `part` of a meeting, whether or not they are the one calling (a
 * person a facilitator names). Someone who joined by a journal link reaches the journal and
 * nothing else: the one rule that keeps them off the map, the roster, ratings and exports.
 */
export function participantAccess(participant: Participant, meeting: Meeting, part: MeetingPart = 'meeting'): MeetingAccess {
  if (participant.meetingId !== meeting.id) return { ok: false, reason: 'not-a-member' }
  if (participant.status !== 'admitted') return { ok: false, reason: participant.status }
  if (participant.journalOnly && part !== 'journal') return { ok: false, reason: 'journal-only' }
  return { ok: true, role: participant.role }
}

/** The role a principal holds in a meeting, or null when it has none (yet). */
export function roleInMeeting(principal: Principal | null, meeting: Meeting): ParticipantRole | null {
  const access = accessToMeeting(principal, meeting)
  return access.ok ? access.role : null
}

/** Throws unless someone is signed in (saying why when a facilitator ended their session). */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal) return request.principal
  if (request.revokedSession === 'removed') throw new ParticipantRemoved()
  if (request.revokedSession === 'meeting-ended') throw new MeetingEnded()
  throw new AuthRequired()
}

/** Throws unless the request is a signed-in worker; returns that worker. */
export function requireWorker(request: FastifyRequest): Worker {
  const principal = requirePrincipal(request)
  if (principal.kind !== 'worker') throw new AuthWorkerOnly()
  return principal.worker
}

/** Resolves `request.principal` for API and sync routes. */
export const principalPlugin = fp(async (app: FastifyInstance, services: Services) => {
  app.decorateRequest('principal', null)
  app.decorateRequest('revokedSession', null)
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/sync/')) return
    const resolved = await resolvePrincipal(services, request)
    if (typeof resolved === 'string') request.revokedSession = resolved
    else request.principal = resolved
    if (!bearerToken(request) && request.cookies[SESSION_COOKIE]) await checkOrigin(services, request)
  })
}, { name: 'principal', dependencies: ['@fastify/cookie'] })
