/**
 * Hidden-until-reveal scaling over HTTP (map-model MM-22 … MM-24). While a scale is private,
 * a rating travels out of band and is kept server-side; the shared doc gets only a "has rated"
 * marker; the facilitator's reveal writes every stored mark into the doc at once.
 *
 *   PUT  /api/meetings/:id/ratings/:scaleId/privacy { private }   facilitator: private until revealed, or not
 *   PUT  /api/meetings/:id/ratings/:scaleId { value, whatMakesItThisHigh, onePointHigher, participantId? }   editor or facilitator
 *        (participantId: a facilitator records the number of someone at her side without a device)
 *   GET  /api/meetings/:id/ratings/:scaleId/mine                    your own hidden rating, or null
 *   POST /api/meetings/:id/ratings/:scaleId/reveal                  facilitator: every mark into the doc
 *
 * Checks that depend on the doc (is the scale private?) run inside `relay.applyServerChange`, and
 * a meeting's ratings and reveals take turns (one at a time per meeting in this process), so a
 * rating and a reveal never interleave. Logs and audit entries carry ids only: never a name, a
 * number or a reason.
 *
 *   await app.register(ratingRoutes, { services, store: createRatingStore(database) })
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  DANGER_STATEMENT_SHAPE_TYPE,
  OVERALL_SCALE_ID,
  clampScaleValue,
  isScaleId,
  readPrivateScales,
  readRecordMap,
  revealRatings,
  setScalePrivate,
  writeRatedMarker,
} from '@safetymap/map-model'
import type { Services } from '../http/services.ts'
import type { Meeting, ParticipantRole } from '../meetings/MeetingStore.ts'
import type { Worker } from '../access/WorkerStore.ts'
import { facilitatorOf, meetingIdParams, memberOf } from '../http/meetingAccess.ts'
import { participantAccess } from '../http/principal.ts'
import { errorSchema } from '../http/schemas.ts'
import { readStoredDoc } from '../storage/readStoredDoc.ts'
import {
  MeetingAlreadyFinalized,
  ParticipantNotFound,
  RatingForOthersFacilitatorOnly,
  RatingNotAllowed,
  RatingPersonCannotRate,
  ScaleNotFound,
  ScaleNotPrivate,
} from '../errors.ts'
import type { RatingStore } from './RatingStore.ts'

export interface RatingRoutesOptions {
  services: Services
  store: RatingStore
}

type ScaleParams = { id: string; scaleId: string }

const scaleParams = {
  type: 'object',
  required: ['id', 'scaleId'],
  properties: { ...meetingIdParams.properties, scaleId: { type: 'string', minLength: 1, maxLength: 110 } },
} as const

/** Longest reason kept, in characters. */
const MAX_REASON = 2000
/** How often ratings of meetings that no longer exist are swept. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000

function checkScaleId(scaleId: string): void {
  if (!isScaleId(scaleId)) throw new ScaleNotFound()
}

/** The meeting a facilitating worker changes a scale of, and the scale; refused once the map is finalized. */
async function facilitatorOfLiveScale(
  services: Services,
  request: FastifyRequest<{ Params: ScaleParams }>,
): Promise<{ meeting: Meeting; worker: Worker; scaleId: string }> {
  const { meeting, worker } = await facilitatorOf(services, request)
  const { scaleId } = request.params
  checkScaleId(scaleId)
  if (meeting.status === 'finalized') throw new MeetingAlreadyFinalized()
  return { meeting, worker, scaleId }
}

/** Whether the current doc has the scale: overall, or a danger statement still on the map. */
async function scaleExists(services: Services, meetingId: string, scaleId: string): Promise<boolean> {
  if (scaleId === OVERALL_SCALE_ID) return true
  const state = await services.relay.readDocState(meetingId)
  if (!state) return false
  return readStoredDoc(state, (doc) => (readRecordMap(doc).get(scaleId) as { type?: unknown } | undefined)?.type === DANGER_STATEMENT_SHAPE_TYPE)
}

/** Runs one meeting's rating operations one at a time (store and doc change together). */
function createTurns() {
  const tails = new Map<string, Promise<unknown>>()
  return <T>(meetingId: string, run: () => Promise<T>): Promise<T> => {
    const result = (tails.get(meetingId) ?? Promise.resolve()).then(run, run)
    const tail = result.catch(() => undefined)
    tails.set(meetingId, tail)
    void tail.then(() => {
      if (tails.get(meetingId) === tail) tails.delete(meetingId)
    })
    return result
  }
}

/** Someone a rating is stored under: id and display name, and whether a worker or a participant. */
type Rater = { kind: 'worker' | 'participant'; id: string; name: string }

/** The caller as a rater. */
function rater(request: FastifyRequest): Rater {
  const principal = request.principal!
  return principal.kind === 'worker'
    ? { kind: 'worker', id: principal.worker.id, name: principal.worker.name }
    : { kind: 'participant', id: principal.participant.id, name: principal.participant.name }
}

/** Viewers look at the map but do not rate; everyone else in the meeting may. */
const mayRate = (role: ParticipantRole): boolean => role !== 'viewer'

/**
 * Whom a rating is for: the caller, or the person a facilitator names (a grandmother without a
 * phone, a child at her side). That person must be someone who could rate in this meeting
 * themselves: a co-facilitator, or a participant let in and not a viewer.
 */
async function ratedFor(
  services: Services,
  options: { request: FastifyRequest; meeting: Meeting; role: ParticipantRole; participantId: string | undefined },
): Promise<Rater> {
  const { request, meeting, role, participantId } = options
  const caller = rater(request)
  if (participantId === undefined || participantId === caller.id) return caller
  if (role !== 'facilitator' || caller.kind !== 'worker') throw new RatingForOthersFacilitatorOnly()
  if (meeting.facilitatorIds.includes(participantId)) {
    const worker = await services.workers.getWorker(participantId)
    if (!worker) throw new ParticipantNotFound()
    return { kind: 'worker', id: worker.id, name: worker.name }
  }
  const participant = await services.meetings.getParticipant(participantId)
  if (!participant || participant.meetingId !== meeting.id) throw new ParticipantNotFound()
  const access = participantAccess(participant, meeting)
  if (!access.ok || !mayRate(access.role)) throw new RatingPersonCannotRate()
  return { kind: 'participant', id: participant.id, name: participant.name }
}

export async function ratingRoutes(app: FastifyInstance, options: RatingRoutesOptions): Promise<void> {
  const { services, store } = options
  const inTurn = createTurns()

  // Hidden ratings of meetings purged by retention (or gone otherwise) do not outlive them.
  const sweep = async () => {
    for (const meetingId of await store.meetingIds()) {
      if (!await services.meetings.get(meetingId)) await store.deleteMeeting(meetingId)
    }
  }
  const sweepLogged = () => sweep().catch((error: unknown) => app.log.error({ err: error }, 'sweeping hidden ratings failed'))
  await sweepLogged()
  const timer = setInterval(sweepLogged, SWEEP_INTERVAL_MS)
  timer.unref()
  app.addHook('onClose', async () => clearInterval(timer))

  /** The stored ratings of a scale written as marks, markers removed, the scale public; how many. */
  const reveal = (meetingId: string, scaleId: string): Promise<number> => inTurn(meetingId, async () => {
    let wasPrivate = false
    const ratings = await store.listForScale(meetingId, scaleId)
    await services.relay.applyServerChange(meetingId, (doc) => {
      wasPrivate = readPrivateScales(doc).includes(scaleId)
      if (!wasPrivate) return
      revealRatings(
        doc,
        scaleId,
        ratings.map((r) => ({
          scaleId,
          participant: { id: r.participantId, name: r.participantName },
          value: r.value,
          reasons: { whatMakesItThisHigh: r.whatMakesItThisHigh, onePointHigher: r.onePointHigher },
        })),
        { now: new Date(services.now()) },
      )
    })
    if (!wasPrivate) throw new ScaleNotPrivate()
    await store.deleteScale(meetingId, scaleId)
    return ratings.length
  })

  app.put<{ Params: ScaleParams; Body: { private: boolean } }>('/api/meetings/:id/ratings/:scaleId/privacy', {
    schema: {
      tags: ['ratings'],
      summary: 'Make a scale private until revealed (or public again, which reveals what was given)',
      params: scaleParams,
      body: { type: 'object', required: ['private'], additionalProperties: false, properties: { private: { type: 'boolean' } } },
      response: {
        200: { type: 'object', required: ['scaleId', 'private', 'revealed'], properties: { scaleId: { type: 'string' }, private: { type: 'boolean' }, revealed: { type: 'integer' } } },
        401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting, worker, scaleId } = await facilitatorOfLiveScale(services, request)
    let revealed = 0
    if (request.body.private) {
      if (!(await scaleExists(services, meeting.id, scaleId))) throw new ScaleNotFound()
      await services.relay.applyServerChange(meeting.id, (doc) => setScalePrivate(doc, scaleId, true))
    } else {
      try {
        revealed = await reveal(meeting.id, scaleId)
      } catch (error) {
        // Already public: nothing to do.
        if (!(error instanceof ScaleNotPrivate)) throw error
      }
    }
    await services.audit.record({
      action: 'scale.privacy-changed',
      actor: { kind: 'worker', id: worker.id },
      meetingId: meeting.id,
      subjectId: scaleId,
      details: { private: request.body.private },
      now: services.now(),
    })
    request.log.info({ meetingId: meeting.id, scaleId, private: request.body.private }, 'scale privacy changed')
    return { scaleId, private: request.body.private, revealed }
  })

  app.put<{ Params: ScaleParams; Body: { value: number; whatMakesItThisHigh?: string; onePointHigher?: string; participantId?: string } }>('/api/meetings/:id/ratings/:scaleId', {
    schema: {
      tags: ['ratings'],
      summary: 'Give (or change) your rating on a private scale, or, as facilitator, someone else’s; others see only that they have rated',
      params: scaleParams,
      body: {
        type: 'object',
        required: ['value'],
        additionalProperties: false,
        properties: {
          value: { type: 'number', minimum: 0, maximum: 10 },
          whatMakesItThisHigh: { type: 'string', maxLength: MAX_REASON },
          onePointHigher: { type: 'string', maxLength: MAX_REASON },
          /** Whose rating this is, when a facilitator records it for someone else; the caller's own when left out. */
          participantId: { type: 'string', minLength: 1, maxLength: 64 },
        },
      },
      response: {
        200: { type: 'object', required: ['scaleId', 'rated'], properties: { scaleId: { type: 'string' }, rated: { type: 'boolean' } } },
        400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting, role } = await memberOf(services, request)
    const { scaleId } = request.params
    checkScaleId(scaleId)
    if (!mayRate(role)) throw new RatingNotAllowed()
    if (meeting.status === 'finalized') throw new MeetingAlreadyFinalized()
    const by = rater(request)
    const who = await ratedFor(services, { request, meeting, role, participantId: request.body.participantId })
    const body = request.body
    let isPrivate = false
    await inTurn(meeting.id, async () => {
      const state = await services.relay.readDocState(meeting.id)
      isPrivate = state !== null && readStoredDoc(state, readPrivateScales).includes(scaleId)
      if (!isPrivate) return
      await store.put({
        meetingId: meeting.id,
        scaleId,
        participantId: who.id,
        participantName: who.name,
        value: clampScaleValue(body.value),
        whatMakesItThisHigh: body.whatMakesItThisHigh ?? '',
        onePointHigher: body.onePointHigher ?? '',
        now: services.now(),
      })
      await services.relay.applyServerChange(meeting.id, (doc) => {
        writeRatedMarker(doc, { scaleId, participant: { id: who.id, name: who.name } }, { now: new Date(services.now()) })
      })
    })
    if (!isPrivate) throw new ScaleNotPrivate()
    // Recorded for someone else: the trail names both by id (the facilitator acts, the person is the subject).
    await services.audit.record(
      who.id === by.id
        ? { action: 'rating.submitted', actor: { kind: who.kind, id: who.id }, meetingId: meeting.id, subjectId: scaleId, now: services.now() }
        : { action: 'rating.recorded-for', actor: { kind: by.kind, id: by.id }, meetingId: meeting.id, subjectId: who.id, details: { scaleId }, now: services.now() },
    )
    request.log.info({ meetingId: meeting.id, scaleId, participantId: who.id, byId: by.id }, 'hidden rating stored')
    return { scaleId, rated: true }
  })

  app.get<{ Params: ScaleParams }>('/api/meetings/:id/ratings/:scaleId/mine', {
    schema: {
      tags: ['ratings'],
      summary: 'Your own rating on a private scale, before the reveal',
      params: scaleParams,
      response: {
        200: {
          type: 'object',
          required: ['rating'],
          properties: {
            rating: {
              type: 'object',
              nullable: true,
              properties: { value: { type: 'number' }, whatMakesItThisHigh: { type: 'string' }, onePointHigher: { type: 'string' } },
            },
          },
        },
        401: errorSchema, 403: errorSchema, 404: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting } = await memberOf(services, request)
    checkScaleId(request.params.scaleId)
    const mine = await store.get(meeting.id, request.params.scaleId, rater(request).id)
    return { rating: mine ? { value: mine.value, whatMakesItThisHigh: mine.whatMakesItThisHigh, onePointHigher: mine.onePointHigher } : null }
  })

  app.post<{ Params: ScaleParams }>('/api/meetings/:id/ratings/:scaleId/reveal', {
    schema: {
      tags: ['ratings'],
      summary: 'Show everyone’s rating at once: every stored mark is written into the map',
      params: scaleParams,
      response: {
        200: { type: 'object', required: ['scaleId', 'revealed'], properties: { scaleId: { type: 'string' }, revealed: { type: 'integer' } } },
        401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting, worker, scaleId } = await facilitatorOfLiveScale(services, request)
    const revealed = await reveal(meeting.id, scaleId)
    await services.audit.record({
      action: 'rating.revealed',
      actor: { kind: 'worker', id: worker.id },
      meetingId: meeting.id,
      subjectId: scaleId,
      details: { marks: revealed },
      now: services.now(),
    })
    request.log.info({ meetingId: meeting.id, scaleId, marks: revealed }, 'hidden ratings revealed')
    return { scaleId, revealed }
  })
}
