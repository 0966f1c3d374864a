/**
 * Serves the built web app: hashed assets with long caching, `index.html` for every client-side
 * route (`list.html` for the phone view `/m/:id/list`: the list alone on Preact, with its early
 * start and preload hints, see the web app's vite.list.config.ts, and for a member of the meeting
 * the list itself, `phoneListPage.ts`), and `GET /api/config` with run-time settings the
 * browser needs (the tldraw licence key and the
 * agency's headings from `LABELS_FILE` are read here, so changing them needs no rebuild).
 */
import fastifyStatic from '@fastify/static'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { LOCALES, type Locale } from '@safetymap/map-model'
import type { FastifyInstance } from 'fastify'
import type { Catalogue } from './phoneListHtml.ts'
import { canPrerenderInto, LIST_ROUTE, phoneListPage, sendPersonalPage } from './phoneListPage.ts'
import type { Services } from './services.ts'

/** The phone view's page. */
const LIST_PAGE = 'list.html'
/** The web app's message catalogues, written by its build for the list the server writes. */
const CATALOGUES = 'catalogues.json'

/** The list page writer, when the build has the page and the catalogues it needs. */
function listPageWriter(app: FastifyInstance, services: Services, root: string) {
  const template = path.join(root, LIST_PAGE)
  const catalogues = path.join(root, CATALOGUES)
  if (!existsSync(template) || !existsSync(catalogues)) return null
  const html = readFileSync(template, 'utf8')
  const words = JSON.parse(readFileSync(catalogues, 'utf8')) as Partial<Record<Locale, Catalogue>>
  if (!canPrerenderInto(html) || !LOCALES.every((locale) => typeof words[locale] === 'object')) {
    app.log.warn('the built list.html or catalogues.json is not as expected; phones get the list page without the list written in (rebuild the web app)')
    return null
  }
  return phoneListPage(services, html, words as Record<Locale, Catalogue>)
}

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
  const listPage = listPageWriter(app, services, root)
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

  app.setNotFoundHandler(async (request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/') && !request.url.startsWith('/sync/')
    if (!isPage) return reply.code(404).send({ statusCode: 404, code: 'NOT_FOUND', error: 'Not Found', message: 'No such endpoint.' })
    // A file the build did not make (or made after this server started: restart it to serve a new
    // build) is missing, not a page: answering with the app's HTML would hand a browser HTML as a script.
    if (request.url.startsWith('/assets/')) {
      return reply.code(404).header('Cache-Control', 'no-cache').send({ statusCode: 404, code: 'NOT_FOUND', error: 'Not Found', message: 'No such file in this build.' })
    }
    const page = hasListPage && LIST_ROUTE.test(request.url.split('?')[0]!) ? LIST_PAGE : 'index.html'
    if (page === LIST_PAGE && listPage && request.method === 'GET') {
      // The list is a head start only: when it cannot be written, the live list loads as before.
      const html = await listPage.render(request).catch((err: unknown) => {
        request.log.warn({ err }, 'could not write the phone list into its page; sending the page without it')
        return null
      })
      if (html) return sendPersonalPage(request, reply, html)
    }
    return reply.header('Cache-Control', 'no-cache').sendFile(page)
  })
}
