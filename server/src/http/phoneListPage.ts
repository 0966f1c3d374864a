/**
 * `/m/:id/list` with the map already in it: for a signed-in member of the meeting, the server
 * writes the list (`phoneListHtml.ts`) into the phone view's page (whose styles are inline), so a
 * phone on a slow network shows the items as soon as the page arrives, before the app's code, the
 * sync socket and its round trips (issue 7). The live list takes over once it has the doc
 * (apps/web/src/phone/prerenderedList.ts). Anyone else gets the page unchanged. The page is the
 * person's own: never stored by a cache (`no-store`), compressed here (it is not a static file).
 * Writing it costs the server a decode of the whole map, so each person gets a few a minute
 * (reloads, a flaky network), and a very large map none: past those, the plain page, whose live
 * list loads the map over the socket as before.
 *
 *   const page = phoneListPage(services, listHtml, catalogues)
 *   const html = await page.render(request) // null: send the plain page
 */
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import { isLocale, readMap, readZones, type Locale } from '@safetymap/map-model'
import type { FastifyReply, FastifyRequest } from 'fastify'
import * as Y from 'yjs'
import { readStoredDoc } from '../storage/readStoredDoc.ts'
import { accessToMeeting, principalId, resolvePrincipal } from './principal.ts'
import { escapeHtml, renderPhoneListHtml, type Catalogue } from './phoneListHtml.ts'
import type { Services } from './services.ts'
import { TokenBucket } from '../relay/TokenBucket.ts'

/** The phone view's address; the meeting id is its first part. */
export const LIST_ROUTE = /^\/m\/([^/]+)\/list\/?$/

/** The cookie the web app keeps the person's chosen language in (apps/web/src/i18n/chooseLocale.ts). */
const LOCALE_COOKIE = 'sm_locale'

/** Where the list goes in the page: the app's root stays hidden until the live list replaces it. */
const ROOT = '<div id="root"></div>'
/** The element the web app looks for (apps/web/src/phone/prerenderedList.ts). */
const PRERENDER_ID = 'phone-prerender'

/** Lists written into pages per person: a burst of reloads, then one every 10 s. */
const RENDERS_BURST = 10
const RENDERS_PER_SECOND = 0.1
/** People whose render budget is remembered; past this the memory starts afresh. */
const RENDER_BUDGETS_MAX = 10_000
/** A stored map larger than this is not decoded for the page (the event loop must not stall). */
const PRERENDER_MAX_DOC_BYTES = 1024 * 1024

/** The language the web app will choose: the person's saved choice, else the browser's first we speak, else English. */
function pageLocale(request: FastifyRequest): Locale {
  const saved = request.cookies[LOCALE_COOKIE]
  if (saved && isLocale(saved)) return saved
  for (const tag of (request.headers['accept-language'] ?? '').split(',')) {
    const base = tag.split(';')[0]!.trim().toLowerCase().split('-')[0]
    if (isLocale(base)) return base
  }
  return 'en'
}

/** The meeting id in a list address, or null for another or a malformed one. */
function meetingIdOf(url: string): string | null {
  const encoded = LIST_ROUTE.exec(url.split('?')[0]!)?.[1]
  try {
    const id = encoded ? decodeURIComponent(encoded) : ''
    return id && id.length <= 64 ? id : null
  } catch {
    return null
  }
}

/** Whether `template` (the built list.html) has the places the list and its language go. */
export function canPrerenderInto(template: string): boolean {
  return template.includes(ROOT) && template.includes('<html lang="en">') && template.includes('<title>')
}

/** The phone view's page for one request, with the list in it when the person may see it. */
export function phoneListPage(services: Services, template: string, catalogues: Readonly<Record<Locale, Catalogue>>) {
  const budgets = new Map<string, TokenBucket>()
  const mayRender = (personId: string): boolean => {
    let budget = budgets.get(personId)
    if (!budget) {
      if (budgets.size >= RENDER_BUDGETS_MAX) budgets.clear()
      budgets.set(personId, (budget = new TokenBucket({ capacity: RENDERS_BURST, refillPerSecond: RENDERS_PER_SECOND })))
    }
    return budget.take(1, performance.now())
  }
  return {
    async render(request: FastifyRequest): Promise<string | null> {
      const meetingId = meetingIdOf(request.url)
      if (!meetingId) return null
      const principal = await resolvePrincipal(services, request)
      if (!principal || typeof principal === 'string') return null
      const meeting = await services.meetings.get(meetingId)
      if (!meeting) return null
      const access = accessToMeeting(principal, meeting)
      if (!access.ok) return null
      const selfId = principalId(principal)
      if (!mayRender(selfId)) return null
      const state = await services.relay.readDocState(meeting.id)
      if (!state || state.byteLength > PRERENDER_MAX_DOC_BYTES) return null
      return readStoredDoc(state, (doc) => {
        // A map without its sections yet: the live list says "Loading the map…" itself.
        if (readZones(doc).length === 0) return null
        const locale = pageLocale(request)
        const words = catalogues[locale]
        const map = readMap(doc)
        const list = renderPhoneListHtml(map, meeting.title, {
          locale,
          words,
          labels: services.config.labels,
          selfId,
          // A finished map is read-only for everyone, as on the sync socket.
          role: meeting.status === 'finalized' ? 'viewer' : access.role,
        })
        const title = escapeHtml(`${map.title || meeting.title} · ${words['app.name']}`)
        // The state vector tells the app whether its own copy of the map is as new as this list.
        const stateVector = Buffer.from(Y.encodeStateVector(doc)).toString('base64')
        // Replacer functions: people's words may hold `$&` and the like, which a replacement string would expand.
        return template
          .replace('<html lang="en">', () => `<html lang="${locale}">`)
          .replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`)
          .replace(ROOT, () => `<div id="root" hidden></div><div id="${PRERENDER_ID}" data-state-vector="${stateVector}">${list}</div>`)
      })
    },
  }
}

/** Sends a page written for one person: never cached, compressed as the browser accepts. */
export function sendPersonalPage(request: FastifyRequest, reply: FastifyReply, html: string): FastifyReply {
  const accepts = String(request.headers['accept-encoding'] ?? '')
  reply.header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-store').header('Vary', 'Accept-Encoding, Cookie')
  if (/\bbr\b/.test(accepts)) {
    // Quality 5: most of brotli's gain on text for a few milliseconds, paid on every request.
    return reply.header('Content-Encoding', 'br').send(brotliCompressSync(html, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }))
  }
  if (/\bgzip\b/.test(accepts)) return reply.header('Content-Encoding', 'gzip').send(gzipSync(html))
  return reply.send(html)
}
