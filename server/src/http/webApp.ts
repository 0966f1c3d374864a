/**
 * Serves the built web app: hashed assets with long caching, `index.html` for every client-side
 * route (`list.html` for the phone view `/m/:id/list`: the same page with its early start and
 * preload hints, see the web app's vite config), and `GET /api/config` with run-time settings the
 * browser needs (the tldraw licence key and the
 * agency's headings from `LABELS_FILE` are read here, so changing them needs no rebuild).
 */
import fastifyStatic from '@fastify/static'
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Services } from './services.ts'

/** The phone view's page, and the addresses it is sent for. */
const LIST_PAGE = 'list.html'
const LIST_ROUTE = /^\/m\/[^/]+\/list\/?$/

export async function webApp(app: FastifyInstance, services: Services): Promise<void> {
  const root = services.config.webDistDir
  const built = existsSync(path.join(root, 'index.html'))
  if (!built) app.log.warn({ root }, 'web app is not built; run the start command from the README to build it')

  app.get('/api/config', {
    schema: {
      tags: ['config'],
      response: {
        200: {
          type: 'object',
          properties: {
            tldrawLicenseKey: { type: ['string', 'null'] },
            // The agency's own headings (map-model MM-28), checked at start-up.
            labels: { type: 'object', additionalProperties: true },
          },
        },
      },
    },
  }, async () => ({ tldrawLicenseKey: services.config.tldrawLicenseKey, labels: services.config.labels }))

  if (!built) return
  const hasListPage = existsSync(path.join(root, LIST_PAGE))
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each asset; send the smallest the browser accepts.
    preCompressed: true,
    setHeaders(reply, filePath) {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`)
      reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })

  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/') && !request.url.startsWith('/sync/')
    if (!isPage) return reply.code(404).send({ statusCode: 404, code: 'NOT_FOUND', error: 'Not Found', message: 'No such endpoint.' })
    const page = hasListPage && LIST_ROUTE.test(request.url.split('?')[0]!) ? LIST_PAGE : 'index.html'
    return reply.header('Cache-Control', 'no-cache').sendFile(page)
  })
}
