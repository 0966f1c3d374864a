/**
 * Per-IP rate limits (@fastify/rate-limit) on the doors an attacker would knock on: sign-in
 * (per IP and email, checked after the body is parsed), join and join preview (per IP), and the
 * sync upgrade (per IP). Limits come from configuration so tests can lower them. Exceeding one
 * answers 429 `RATE_LIMITED` and writes one audit entry per key and window (never the key).
 *
 *   await app.register(rateLimits, services)                     // before the routes
 *   app.post('/api/join', { config: { rateLimit: rateLimitFor(services, 'join') } }, …)
 */
import fp from 'fastify-plugin'
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Services } from './services.ts'
import { RateLimited } from '../errors.ts'

/** The rate-limited doors. */
export type RateLimitedDoor = 'signIn' | 'join' | 'sync'

const WINDOW_MS = 60_000
/** Keys remembered for "already audited this window"; past this the memory starts afresh. */
const AUDITED_KEYS_MAX = 10_000

const auditedKeys = new WeakMap<Services, Map<string, number>>()

function auditOnce(services: Services, request: FastifyRequest, door: RateLimitedDoor, key: string): void {
  let seen = auditedKeys.get(services)
  if (!seen) auditedKeys.set(services, (seen = new Map()))
  const now = services.now()
  const last = seen.get(key)
  if (last !== undefined && now - last < WINDOW_MS) return
  if (seen.size >= AUDITED_KEYS_MAX) seen.clear()
  seen.set(key, now)
  // The limiter's callback is synchronous: the entry is written without holding up the refusal.
  services.audit.record({ action: 'rate.limited', actor: { kind: 'anonymous', id: '-' }, details: { door }, now })
    .catch((error: unknown) => request.log.error({ err: error, door }, 'audit entry for a rate limit failed'))
  request.log.warn({ door }, 'rate limit exceeded')
}

/** Route-level `config.rateLimit` for a door. */
export function rateLimitFor(services: Services, door: RateLimitedDoor): RateLimitOptions {
  const max = services.config.rateLimits[door]
  const base: RateLimitOptions = {
    max,
    timeWindow: WINDOW_MS,
    groupId: door,
    onExceeded: (request, key) => auditOnce(services, request, door, `${door}:${key}`),
  }
  if (door !== 'signIn') return base
  return {
    ...base,
    hook: 'preHandler',
    keyGenerator: (request) => {
      const email = (request.body as { email?: unknown } | undefined)?.email
      return `${request.ip}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`
    },
  }
}

/** Registers the limiter (off by default; only routes that ask for a limit get one). */
export const rateLimits = fp(async (app: FastifyInstance) => {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new RateLimited(),
  })
}, { name: 'rate-limits' })
