/**
 * Setting and clearing the session cookie: HttpOnly, SameSite=Lax, Secure behind https.
 */
import type { FastifyReply } from 'fastify'
import type { Services } from './services.ts'
import { SESSION_COOKIE } from './principal.ts'

export function setSessionCookie(reply: FastifyReply, services: Services, token: string, expiresAt: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.publicUrl?.protocol === 'https:',
    path: '/',
    expires: new Date(expiresAt),
  })
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}
