/**
 * The safety journal over HTTP (safety-mapping guide §5): how visits and the safety plan went
 * between meetings, in people's own words. It belongs to the meeting's map across finalize and
 * reopen, so it is read and written whether the map is live or finalized, by whoever the meeting
 * still lets in (`memberOf`: the removed, the declined and those waiting are refused as everywhere),
 * and by whoever joined with a journal link, whom every other route refuses (principal.ts
 * `participantAccess`). Viewers read it; everyone else adds to it. Append-only: no route changes or deletes an entry, a
 * correction is a new one.
 *
 *   POST /api/meetings/:id/journal { text, visitDay?, planFollowed? }   → 201 { entry }   (not a viewer)
 *   GET  /api/meetings/:id/journal                                    → { meetingTitle, canWrite, linkEndsAt, entries }    newest first
 *
 * `linkEndsAt` is when the caller's journal link, and so their way in, stops working (their session
 * lasts exactly as long), so their page can tell them in time; `null` for everyone else.
 *
 * The author is the caller's session (participant or worker), never the request body; the time
 * is the server's. Logs and the audit trail carry ids only, never a name or an entry's words.
 *
 *   await app.register(journalRoutes, services)
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Services } from '../http/services.ts'
import { meetingIdParams, memberOf } from '../http/meetingAccess.ts'
import { errorSchema } from '../http/schemas.ts'
import { createId } from '../access/secrets.ts'
import { JournalDayInvalid, JournalFull, JournalNotAllowed, JournalTextTooLong } from '../errors.ts'
import { PLAN_FOLLOWED, type JournalAuthor, type JournalEntry, type PlanFollowed } from './SafetyJournalStore.ts'
import { calendarDay, checkVisitDay } from './visitDay.ts'
import { journalLinkEndIso, journalLinkEnds } from '../meetings/journalLinkEnds.ts'

/** Longest entry kept, in characters (code points, as JSON schema counts them). */
export const MAX_JOURNAL_TEXT_CHARS = 2000
/** Most entries one meeting's journal holds. */
export const MAX_JOURNAL_ENTRIES = 5000

type JournalBody = { text: string; visitDay?: string; planFollowed?: PlanFollowed | null }

const entrySchema = {
  type: 'object',
  required: ['id', 'author', 'visitDay', 'text', 'planFollowed', 'writtenAt'],
  properties: {
    id: { type: 'string' },
    author: {
      type: 'object',
      required: ['kind', 'id', 'name'],
      properties: { kind: { type: 'string', enum: ['worker', 'participant'] }, id: { type: 'string' }, name: { type: 'string' } },
    },
    visitDay: { type: 'string', format: 'date' },
    text: { type: 'string' },
    planFollowed: { type: 'string', enum: [...PLAN_FOLLOWED], nullable: true },
    writtenAt: { type: 'string', format: 'date-time' },
  },
} as const

/** An entry as the API sends it: the time as ISO 8601. */
const entryJson = (entry: JournalEntry) => ({
  id: entry.id,
  author: entry.author,
  visitDay: entry.visitDay,
  text: entry.text,
  planFollowed: entry.planFollowed,
  writtenAt: new Date(entry.writtenAt).toISOString(),
})

/** The caller as an author: the session's participant (the name they joined with) or worker. */
function authorOf(request: FastifyRequest): JournalAuthor {
  const principal = request.principal!
  return principal.kind === 'worker'
    ? { kind: 'worker', id: principal.worker.id, name: principal.worker.name }
    : { kind: 'participant', id: principal.participant.id, name: principal.participant.name }
}

export async function journalRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Params: { id: string }; Body: JournalBody }>('/api/meetings/:id/journal', {
    schema: {
      tags: ['journal'],
      summary: 'Add an entry to the safety journal: how a visit and the plan went, in your own words',
      params: meetingIdParams,
      body: {
        type: 'object',
        required: ['text'],
        additionalProperties: false,
        properties: {
          // Its length is checked below, to answer with the journal's own error rather than a schema message.
          text: { type: 'string', pattern: '\\S' },
          visitDay: { type: 'string', maxLength: 10 },
          planFollowed: { type: 'string', enum: [...PLAN_FOLLOWED], nullable: true },
        },
      },
      response: { 201: { type: 'object', required: ['entry'], properties: { entry: entrySchema } }, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 413: errorSchema },
    },
  }, async (request, reply) => {
    const { meeting, role } = await memberOf(services, request, 'journal')
    if (role === 'viewer') throw new JournalNotAllowed()
    const text = request.body.text.trim()
    if ([...text].length > MAX_JOURNAL_TEXT_CHARS) throw new JournalTextTooLong(MAX_JOURNAL_TEXT_CHARS.toLocaleString('en-US'))
    const now = services.now()
    const today = calendarDay(now, services.config.timeZone)
    const visitDay = request.body.visitDay ?? today
    if (checkVisitDay(visitDay, today) !== 'ok') throw new JournalDayInvalid()
    if ((await services.journal.count(meeting.id)) >= MAX_JOURNAL_ENTRIES) throw new JournalFull(MAX_JOURNAL_ENTRIES.toLocaleString('en-US'))
    const author = authorOf(request)
    const entry = await services.journal.add({
      id: createId(),
      meetingId: meeting.id,
      author,
      visitDay,
      text,
      planFollowed: request.body.planFollowed ?? null,
      now,
    })
    await services.audit.record({ action: 'journal.entry-added', actor: { kind: author.kind, id: author.id }, meetingId: meeting.id, subjectId: entry.id, now })
    request.log.info({ meetingId: meeting.id, entryId: entry.id }, 'journal entry added')
    return reply.code(201).send({ entry: entryJson(entry) })
  })

  app.get<{ Params: { id: string } }>('/api/meetings/:id/journal', {
    schema: {
      tags: ['journal'],
      summary: 'The safety journal, newest entry first',
      params: meetingIdParams,
      response: {
        200: {
          type: 'object',
          required: ['meetingTitle', 'canWrite', 'linkEndsAt', 'entries'],
          properties: {
            meetingTitle: { type: 'string' },
            canWrite: { type: 'boolean' },
            linkEndsAt: { type: 'string', format: 'date-time', nullable: true },
            entries: { type: 'array', items: entrySchema },
          },
        },
        401: errorSchema, 403: errorSchema, 404: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting, role } = await memberOf(services, request, 'journal')
    // The title and whether they may add head a journal link's page, which may open nothing else of the meeting.
    return {
      meetingTitle: meeting.title,
      canWrite: role !== 'viewer',
      linkEndsAt: await journalLinkEnd(services, request),
      entries: (await services.journal.list(meeting.id)).map(entryJson),
    }
  })
}

/** When the journal link the caller joined by stops working, as ISO 8601; `null` if they did not join by one. */
async function journalLinkEnd(services: Services, request: FastifyRequest): Promise<string | null> {
  const principal = request.principal
  if (principal?.kind !== 'participant' || !principal.participant.journalOnly) return null
  const { meetingId, inviteId } = principal.participant
  return journalLinkEndIso(await journalLinkEnds(services.meetings, meetingId), inviteId)
}
