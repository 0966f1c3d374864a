/**
 * The export API, as a fastify plugin:
 *
 *   GET  /api/meetings/:id/export?format=pdf|family-pdf|docx|json[&version=N][&language=en|es]
 *        `language` is for the family copy only (default: the map's language — a finalized
 *        version's own, as it was finalized); the case-file record stays in the map's language, so
 *        asking for it in another is a 400
 *   POST /api/meetings/:id/export?format=…   body: the canvas PNG (Content-Type: image/png)
 *   POST /api/meetings/:id/export/pictures   body: a PNG or SVG of the map the facilitator's browser
 *        made with tldraw; recorded (SHA-256 in the audit log) and answered with its checksum; the
 *        browser then saves its own copy, so every picture that leaves the app is on record
 *
 * Only the meeting's facilitating workers (session cookie or API key) may export; members who are
 * not facilitators get 403, everyone else 404. Every file is recorded in the audit log (who,
 * format, the family copy's language, map version, export id, SHA-256) and its SHA-256 is
 * returned in `X-Content-SHA256`.
 * Rendering is CPU work, so at most {@link MAX_CONCURRENT_EXPORTS} run at once.
 *
 *   await app.register(exportRoutes, services)
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify'
import { LOCALES, type Locale } from '@safetymap/map-model'
import type { Services } from '../http/services.ts'
import { facilitatorOf, meetingIdParams } from '../http/meetingAccess.ts'
import { errorSchema } from '../http/schemas.ts'
import { ExportBusy, ExportLanguageFamilyOnly, ExportMapMissing, ExportPictureInvalid, ExportVersionUnknown } from '../errors.ts'
import { EXPORT_FORMATS, sha256Hex, type ExportFormat } from './CaseFileExport.ts'
import { MAX_CANVAS_PICTURE_BYTES, readCanvasPicture, type CanvasPicture } from './canvasPicture.ts'
import { createExport, type ExportAsk } from './createExport.ts'

/** A PNG of any size: a saved picture is only hashed, never embedded, so only its kind matters. */
const isPng = (body: Buffer): boolean => {
  const read = readCanvasPicture(body)
  return read.ok || read.reason === 'bad-dimensions'
}

/** An SVG document, as tldraw writes one (an `<svg` root, optionally after an XML declaration). */
const isSvg = (body: Buffer): boolean => /^\s*(?:<\?xml[^>]*>\s*)?<svg[\s>]/.test(body.toString('utf8', 0, 512))

/** Exports rendering at the same time, server-wide; more are refused with 503. */
export const MAX_CONCURRENT_EXPORTS = 4

type ExportQuery = { format: ExportFormat; version?: number; language?: Locale }
type ExportRequest = FastifyRequest<{ Params: { id: string }; Querystring: ExportQuery }>

const querystring = {
  type: 'object',
  required: ['format'],
  properties: {
    format: { type: 'string', enum: [...EXPORT_FORMATS] },
    version: { type: 'integer', minimum: 1 },
    language: { type: 'string', enum: [...LOCALES], description: 'The family copy’s language; default: the map’s (a finalized version’s own).' },
  },
} as const

/**
 * Names the field and what it must be, e.g. "querystring/language must be one of: en, es": fastify's
 * own message for a closed set ("must be equal to one of the allowed values") does not say which.
 */
function schemaErrorFormatter(errors: FastifySchemaValidationError[], dataVar: string): Error {
  return new Error(
    errors
      .map((e) => {
        const allowed = e.keyword === 'enum' ? (e.params as { allowedValues?: unknown }).allowedValues : undefined
        return `${dataVar}${e.instancePath} ${Array.isArray(allowed) ? `must be one of: ${allowed.join(', ')}` : e.message}`
      })
      .join('; '),
  )
}

/** What the query asks to render; only the family copy takes a language (createExport settles its default). */
function askedFor(query: ExportQuery): ExportAsk {
  if (query.format !== 'family-pdf' && query.language !== undefined) throw new ExportLanguageFamilyOnly()
  return query.language === undefined ? { format: query.format } : { format: query.format, language: query.language }
}

const responses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  503: errorSchema,
} as const

export async function exportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  let running = 0

  // The canvas picture arrives as the raw request body; only this plugin's routes accept PNG and SVG.
  app.addContentTypeParser(['image/png', 'image/svg+xml'], { parseAs: 'buffer', bodyLimit: MAX_CANVAS_PICTURE_BYTES }, (_request, body, done) => {
    done(null, body)
  })

  const handle = async (request: ExportRequest, reply: FastifyReply, readPicture: () => CanvasPicture | null) => {
    const { meeting, worker } = await facilitatorOf(services, request)
    const asked = askedFor(request.query)
    const picture = readPicture()
    if (running >= MAX_CONCURRENT_EXPORTS) {
      void reply.header('Retry-After', '5')
      throw new ExportBusy()
    }
    running++
    let result: Awaited<ReturnType<typeof createExport>>
    try {
      result = await createExport(services, { meeting, asked, picture, version: request.query.version ?? null })
    } finally {
      running--
    }
    if (!result.ok) throw result.reason === 'no-map' ? new ExportMapMissing() : new ExportVersionUnknown()
    const { file } = result
    const { rendering } = file
    // The family copy's language is a code, never map text, so the audit entry and the log may carry it.
    const familyLanguage: Record<string, Locale> = rendering.format === 'family-pdf' ? { language: rendering.language } : {}
    await services.audit.record({
      action: 'export.created',
      actor: { kind: 'worker', id: worker.id },
      meetingId: meeting.id,
      subjectId: file.model.exportId,
      details: {
        format: rendering.format,
        ...familyLanguage,
        sha256: file.sha256,
        version: file.model.version.label,
        exportId: file.model.exportId,
        picture: picture !== null,
        withheld: file.model.withheld.count,
      },
      now: services.now(),
    })
    request.log.info({ meetingId: meeting.id, exportId: file.model.exportId, format: rendering.format, ...familyLanguage, bytes: file.body.length }, 'export created')
    if (rendering.format === 'family-pdf') void reply.header('Content-Language', rendering.language)
    return reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
      .header('Cache-Control', 'no-store')
      .header('X-Content-SHA256', file.sha256)
      .header('X-Export-Id', file.model.exportId)
      .header('X-Map-Version', file.model.version.label)
      .send(file.body)
  }

  app.get<{ Params: { id: string }; Querystring: ExportQuery }>('/api/meetings/:id/export', {
    schemaErrorFormatter,
    schema: {
      tags: ['export'],
      description: 'The map as a file for the case record. `X-Content-SHA256` carries the SHA-256 of the body.',
      params: meetingIdParams,
      querystring,
      response: responses,
    },
  }, async (request, reply) => handle(request, reply, () => null))

  app.post<{ Params: { id: string }; Querystring: ExportQuery; Body: Buffer }>('/api/meetings/:id/export', {
    schemaErrorFormatter,
    schema: {
      tags: ['export'],
      description: 'As the GET, with a PNG picture of the canvas (rendered by tldraw in the browser) as the body.',
      params: meetingIdParams,
      querystring,
      response: responses,
    },
  }, async (request, reply) =>
    handle(request, reply, () => {
      const read = Buffer.isBuffer(request.body) ? readCanvasPicture(request.body) : null
      if (!read?.ok) throw new ExportPictureInvalid()
      return read.picture
    }))

  app.post<{ Params: { id: string }; Body: Buffer }>('/api/meetings/:id/export/pictures', {
    schema: {
      tags: ['export'],
      description:
        'Records a picture of the map (PNG or SVG, by Content-Type) that the facilitator’s browser rendered with tldraw and saves itself: ' +
        'the audit log gets its SHA-256, the answer carries it. The server keeps nothing else of it.',
      params: meetingIdParams,
      response: { 200: { type: 'object', required: ['sha256'], properties: { sha256: { type: 'string' } } }, ...responses },
    },
  }, async (request) => {
    const { meeting, worker } = await facilitatorOf(services, request)
    const format = request.headers['content-type']?.startsWith('image/svg+xml') ? 'svg' : 'png'
    const body = Buffer.isBuffer(request.body) ? request.body : null
    if (!body || !(format === 'png' ? isPng(body) : isSvg(body))) throw new ExportPictureInvalid()
    const sha256 = sha256Hex(body)
    await services.audit.record({
      action: 'export.created',
      actor: { kind: 'worker', id: worker.id },
      meetingId: meeting.id,
      details: { format, sha256, bytes: body.length, version: `v${meeting.version}`, finalized: meeting.status === 'finalized', renderedIn: 'browser' },
      now: services.now(),
    })
    return { sha256 }
  })
}
