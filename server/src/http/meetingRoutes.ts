/**
 * Meetings: a worker creates a meeting (its doc is seeded with the safety-map template before we
 * answer), lists the meetings they facilitate, and any member reads one with their role. A
 * facilitator records the meeting's details for the case file when creating it or later
 * (`PATCH`, audited by field name only), and may change the meeting's language there: the doc's
 * `meta.locale` changes with the record, so every board's own words and the exports follow it.
 * The first time a facilitator opens the meeting is kept as its start when no start time was
 * entered. Invites live in `inviteRoutes.ts`, the roster in
 * `participantRoutes.ts`.
 */
import type { FastifyInstance } from 'fastify'
import * as Y from 'yjs'
import { LOCALES, META_KEYS, META_MAP_NAME, setUpMeetingDoc, TEMPLATE_IDS, type Locale, type TemplateId } from '@safetymap/map-model'
import type { Services } from './services.ts'
import { requireWorker } from './principal.ts'
import { errorSchema, meetingSchema } from './schemas.ts'
import { facilitatorOf, meetingIdParams, memberOf } from './meetingAccess.ts'
import type { Meeting } from '../meetings/MeetingStore.ts'
import {
  changedDetailFields,
  endsBeforeStart,
  meetingDetailsFromApi,
  meetingDetailsProperties,
  type MeetingDetailsBody,
} from '../meetings/meetingDetails.ts'
import { MeetingAlreadyFinalized, MeetingNotFound, MeetingTimesInvalid, ParentConsentRequired } from '../errors.ts'

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** A meeting as the API shows it. */
export const meetingToApi = (m: Meeting) => ({
  id: m.id,
  title: m.title,
  locale: m.locale,
  status: m.status,
  version: m.version,
  createdAt: new Date(m.createdAt).toISOString(),
  finalizedAt: isoOrNull(m.finalizedAt),
  endedAt: isoOrNull(m.endedAt),
  caseReference: m.details.caseReference,
  children: m.details.children,
  meetingType: m.details.meetingType,
  meetingFormat: m.details.meetingFormat,
  purpose: m.details.purpose,
  agreements: m.details.agreements,
  desiredOutcome: m.details.desiredOutcome,
  startTime: isoOrNull(m.details.startTime),
  endTime: isoOrNull(m.details.endTime),
})
const toApi = meetingToApi

const localeProperty = { type: 'string', enum: [...LOCALES] } as const

const setDocLocale = (locale: Locale) => (doc: Y.Doc) => {
  const meta = doc.getMap(META_MAP_NAME)
  if (meta.get(META_KEYS.locale) !== locale) meta.set(META_KEYS.locale, locale)
}

export async function meetingRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Body: { title: string; locale?: Locale; template?: TemplateId; parentConsent?: { givenBy: string } } & MeetingDetailsBody }>('/api/meetings', {
    schema: {
      tags: ['meetings'],
      body: {
        type: 'object',
        required: ['title'],
        properties: {
          title: { type: 'string', minLength: 1, maxLength: 120 },
          locale: localeProperty,
          /** The map laid out at creation (map-model MM-34); `three-column` when absent. */
          template: { type: 'string', enum: [...TEMPLATE_IDS] },
          /** Who agreed to using Three Houses with the child (map-model MM-31); required for `three-houses`. */
          parentConsent: {
            type: 'object',
            required: ['givenBy'],
            additionalProperties: false,
            properties: { givenBy: { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' } },
          },
          ...meetingDetailsProperties,
        },
      },
      response: { 201: meetingSchema, 401: errorSchema, 403: errorSchema },
    },
  }, async (request, reply) => {
    const worker = requireWorker(request)
    const now = services.now()
    const details = meetingDetailsFromApi(request.body)
    if (endsBeforeStart({ startTime: details.startTime ?? null, endTime: details.endTime ?? null })) throw new MeetingTimesInvalid()
    const { template = 'three-column', parentConsent } = request.body
    if (template === 'three-houses' && !parentConsent) throw new ParentConsentRequired()
    const meeting = await services.meetings.create({
      title: request.body.title,
      locale: request.body.locale ?? 'en',
      ownerWorkerId: worker.id,
      now,
      details,
    })
    const doc = new Y.Doc()
    setUpMeetingDoc(doc, {
      title: meeting.title,
      locale: meeting.locale,
      schema: services.mapSchema,
      now: new Date(now),
      templateId: template,
      ...(parentConsent ? { parentConsent: { givenBy: parentConsent.givenBy, recordedBy: { id: worker.id, name: worker.name }, at: new Date(now) } } : {}),
    })
    await services.relay.seedDoc(meeting.id, Y.encodeStateAsUpdate(doc))
    doc.destroy()
    await services.audit.record({ action: 'meeting.created', actor: { kind: 'worker', id: worker.id }, meetingId: meeting.id, now })
    request.log.info({ meetingId: meeting.id, workerId: worker.id }, 'meeting created')
    return reply.code(201).send(toApi(meeting))
  })

  app.get('/api/meetings', {
    schema: {
      tags: ['meetings'],
      response: { 200: { type: 'object', properties: { meetings: { type: 'array', items: meetingSchema } } }, 401: errorSchema },
    },
  }, async (request) => {
    const worker = requireWorker(request)
    return { meetings: (await services.meetings.listForWorker(worker.id)).map(toApi) }
  })

  app.get<{ Params: { id: string } }>('/api/meetings/:id', {
    schema: {
      tags: ['meetings'],
      params: meetingIdParams,
      response: {
        200: {
          ...meetingSchema,
          properties: {
            ...meetingSchema.properties,
            role: { type: 'string' },
            // The agency's own headings (map-model MM-28), in the answer the phone list already
            // waits for before it paints (and keeps for visits without signal): no extra request.
            labels: { type: 'object', additionalProperties: true },
          },
        },
        401: errorSchema,
        403: errorSchema,
        404: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting, role } = await memberOf(services, request)
    if (role === 'facilitator' && meeting.openedAt === null && meeting.status === 'live') {
      await services.meetings.markOpened(meeting.id, services.now())
    }
    return { ...toApi(meeting), role, labels: services.config.labels }
  })

  app.patch<{ Params: { id: string }; Body: MeetingDetailsBody & { locale?: Locale } }>('/api/meetings/:id', {
    schema: {
      tags: ['meetings'],
      description: 'Changes the meeting details for the case file and the meeting\'s language (facilitators, while the map is not finalized). Fields left out stay as they are; null clears one.',
      params: meetingIdParams,
      body: { type: 'object', additionalProperties: false, properties: { ...meetingDetailsProperties, locale: localeProperty } },
      response: {
        200: { ...meetingSchema, properties: { ...meetingSchema.properties, role: { type: 'string' } } },
        400: errorSchema,
        401: errorSchema,
        403: errorSchema,
        404: errorSchema,
        409: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting, worker } = await facilitatorOf(services, request)
    // A finalized version is a record: its export must not change under it.
    if (meeting.status === 'finalized') throw new MeetingAlreadyFinalized()
    const change = meetingDetailsFromApi(request.body)
    if (endsBeforeStart({ ...meeting.details, ...change })) throw new MeetingTimesInvalid()
    const { locale = meeting.locale } = request.body
    const localeChanged = locale !== meeting.locale
    if (localeChanged) {
      // The doc first: should the record's write then fail, a retry finds the old language and writes both.
      await services.relay.applyServerChange(meeting.id, setDocLocale(locale))
      await services.meetings.setLocale(meeting.id, locale)
    }
    const updated = await services.meetings.updateDetails(meeting.id, change)
    if (!updated) throw new MeetingNotFound()
    const fields = [...changedDetailFields(meeting.details, change), ...(localeChanged ? ['locale'] : [])]
    if (fields.length > 0) {
      await services.audit.record({
        action: 'meeting.details-changed',
        actor: { kind: 'worker', id: worker.id },
        meetingId: meeting.id,
        details: { fields: fields.join(',') },
        now: services.now(),
      })
    }
    return { ...toApi(updated), role: 'facilitator' }
  })
}
