/**
 * Worker sign-in, first-time setup and sign-out, and `GET /api/me` for any principal.
 */
import type { FastifyInstance } from 'fastify'
import type { Services } from './services.ts'
import { hashPassword, verifyPassword } from '../access/secrets.ts'
import { WORKER_SESSION_TTL_MS } from '../access/SessionStore.ts'
import { AuthBadCredentials, AuthSetupInvalid } from '../errors.ts'
import { SESSION_COOKIE, requirePrincipal } from './principal.ts'
import { rateLimitFor } from './rateLimits.ts'
import { clearSessionCookie, setSessionCookie } from './sessionCookie.ts'
import { errorSchema, personNameSchema, workerSchema } from './schemas.ts'

const PASSWORD_MIN_LENGTH = 10
const emailSchema = { type: 'string', format: 'email', maxLength: 254 } as const
const passwordSchema = { type: 'string', minLength: PASSWORD_MIN_LENGTH, maxLength: 200 } as const
const codeSchema = { type: 'string', minLength: 10, maxLength: 200 } as const

export async function authRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const startWorkerSession = async (reply: Parameters<typeof setSessionCookie>[0], workerId: string) => {
    const now = services.now()
    const expiresAt = now + WORKER_SESSION_TTL_MS
    setSessionCookie(reply, services, await services.sessions.create({ kind: 'worker', workerId }, expiresAt, now), expiresAt)
  }

  app.post<{ Body: { email: string; password: string } }>('/api/auth/signin', {
    config: { rateLimit: rateLimitFor(services, 'signIn') },
    schema: {
      tags: ['auth'],
      body: { type: 'object', required: ['email', 'password'], properties: { email: emailSchema, password: { type: 'string', maxLength: 200 } } },
      response: { 200: { type: 'object', properties: { worker: workerSchema } }, 401: errorSchema, 429: errorSchema },
    },
  }, async (request, reply) => {
    const found = await services.workers.findForSignIn(request.body.email)
    // Verify even for unknown emails so response time does not reveal which emails exist.
    const ok = await verifyPassword(request.body.password, found?.passwordHash ?? 'scrypt$16384$8$1$AAAA$AAAA')
    if (!found || !found.passwordHash || !ok) {
      // An attempt: audited with the worker's id when the email is known, never the email itself.
      await services.audit.record({
        action: 'worker.signin-failed',
        actor: { kind: 'anonymous', id: '-' },
        subjectId: found?.id ?? null,
        now: services.now(),
      })
      throw new AuthBadCredentials()
    }
    await startWorkerSession(reply, found.id)
    await services.audit.record({ action: 'worker.signed-in', actor: { kind: 'worker', id: found.id }, now: services.now() })
    request.log.info({ workerId: found.id }, 'worker signed in')
    return { worker: { id: found.id, name: found.name, email: found.email } }
  })

  app.post<{ Body: { code: string } }>('/api/auth/setup-info', {
    schema: {
      tags: ['auth'],
      body: { type: 'object', required: ['code'], properties: { code: codeSchema } },
      response: {
        200: {
          type: 'object',
          properties: { email: { type: ['string', 'null'] }, name: { type: ['string', 'null'] }, passwordMinLength: { type: 'integer' } },
        },
        400: errorSchema,
      },
    },
  }, async (request) => {
    const setup = await services.workers.inspectSetupCode(request.body.code, services.now())
    if (!setup) throw new AuthSetupInvalid()
    // The page states the rule and checks it before sending, so a short password is never a generic "not right".
    return { email: setup.email, name: setup.name, passwordMinLength: PASSWORD_MIN_LENGTH }
  })

  app.post<{ Body: { code: string; name?: string; email?: string; password: string } }>('/api/auth/setup', {
    schema: {
      tags: ['auth'],
      body: {
        type: 'object',
        required: ['code', 'password'],
        properties: { code: codeSchema, name: personNameSchema, email: emailSchema, password: passwordSchema },
      },
      response: { 200: { type: 'object', properties: { worker: workerSchema } }, 400: errorSchema },
    },
  }, async (request, reply) => {
    const { code, name, email, password } = request.body
    const worker = await services.workers.redeemSetupCode({
      code,
      passwordHash: await hashPassword(password),
      email: email ?? null,
      name: name ?? null,
      now: services.now(),
    })
    if (!worker) throw new AuthSetupInvalid()
    await startWorkerSession(reply, worker.id)
    await services.audit.record({ action: 'worker.setup-completed', actor: { kind: 'worker', id: worker.id }, now: services.now() })
    request.log.info({ workerId: worker.id }, 'worker completed setup')
    return { worker }
  })

  app.post('/api/auth/signout', { schema: { tags: ['auth'], response: { 204: { type: 'null' } } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE]
    if (token) await services.sessions.end(token)
    if (request.principal?.kind === 'worker' && request.principal.via === 'cookie') {
      await services.audit.record({ action: 'worker.signed-out', actor: { kind: 'worker', id: request.principal.worker.id }, now: services.now() })
    }
    clearSessionCookie(reply)
    return reply.code(204).send()
  })

  app.get('/api/me', {
    schema: {
      tags: ['auth'],
      response: {
        200: {
          type: 'object',
          properties: {
            kind: { type: 'string', enum: ['worker', 'participant'] },
            worker: workerSchema,
            participant: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                name: { type: 'string' },
                meetingId: { type: 'string' },
                role: { type: 'string' },
                status: { type: 'string', enum: ['waiting', 'admitted', 'declined', 'removed'] },
                relationship: { type: ['string', 'null'] },
                attendance: { type: ['string', 'null'] },
                /** Their own talk-check answer (canTalkRoute.ts), so their page knows whether to ask. */
                canTalk: { type: ['string', 'null'] },
                /** Joined by a journal link: their pages show the safety journal and nothing else. */
                journalOnly: { type: 'boolean' },
              },
            },
          },
        },
        401: errorSchema,
        403: errorSchema,
      },
    },
  }, async (request) => {
    const principal = requirePrincipal(request)
    return principal.kind === 'worker'
      ? { kind: 'worker', worker: principal.worker }
      : { kind: 'participant', participant: principal.participant }
  })
}
