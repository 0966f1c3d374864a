/**
 * Security headers for every response, led by a strict Content-Security-Policy: scripts,
 * styles, fonts, images and connections only from our own origin, so a deployment cannot
 * quietly talk to a third party (tldraw's CDN, a font host, an analytics script).
 */
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import type { IncomingMessage } from 'node:http'
import fp from 'fastify-plugin'
import type { Services } from './services.ts'

export const securityHeaders = fp(async (app: FastifyInstance, services: Services) => {
  const https = services.config.publicUrl?.protocol === 'https:'
  // Older browsers do not let 'self' cover ws(s):, so name our own socket origin explicitly.
  const ownSocketOrigin = (req: IncomingMessage) => {
    if (services.config.publicUrl) return `${https ? 'wss' : 'ws'}://${services.config.publicUrl.host}`
    const host = (req.headers.host ?? '').replace(/[^A-Za-z0-9.:\-[\]]/g, '')
    return `ws://${host}`
  }
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // tldraw injects <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ownSocketOrigin],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: https ? { maxAge: 31536000 } : false,
    referrerPolicy: { policy: 'no-referrer' },
  })
})
