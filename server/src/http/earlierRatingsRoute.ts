/**
 * `GET /api/meetings/:id/earlier-ratings`: each person's numbers on each scaling line in the
 * map's earlier finished versions, so the board and the phone can show "Last time: 4" beside a
 * mark. Ids, version numbers and values only: no names, no reasons.
 *
 * Nobody learns more than the map shows them today: only lines the map still shows are sent, and
 * on a line that is private until the reveal (map-model MM-22 … MM-24) each person gets only their
 * own earlier numbers, as only they may see their own number there (ratings `/mine`); a
 * facilitator too.
 *
 *   GET /api/meetings/:id/earlier-ratings → { earlier: [{ scaleId, participantId, numbers: [{ version, value }] }] }
 */
import type { FastifyInstance } from 'fastify'
import { readMap } from '@safetymap/map-model'
import type { Services } from './services.ts'
import { errorSchema } from './schemas.ts'
import { meetingIdParams, memberOf } from './meetingAccess.ts'
import { principalId } from './principal.ts'
import { earlierNumbers, finishedVersionsBefore, linesOf, type EarlierNumber } from '../ratings/earlierNumbers.ts'
import { readStoredDoc } from '../storage/readStoredDoc.ts'

/** One person's earlier numbers on one line, oldest first. */
export interface EarlierRatings {
  readonly scaleId: string
  readonly participantId: string
  readonly numbers: readonly EarlierNumber[]
}

const earlierSchema = {
  type: 'object',
  required: ['earlier'],
  properties: {
    earlier: {
      type: 'array',
      items: {
        type: 'object',
        required: ['scaleId', 'participantId', 'numbers'],
        properties: {
          scaleId: { type: 'string' },
          participantId: { type: 'string' },
          numbers: {
            type: 'array',
            items: { type: 'object', required: ['version', 'value'], properties: { version: { type: 'integer' }, value: { type: 'number' } } },
          },
        },
      },
    },
  },
} as const

export async function earlierRatingsRoute(app: FastifyInstance, services: Services): Promise<void> {
  app.get<{ Params: { id: string } }>('/api/meetings/:id/earlier-ratings', {
    schema: {
      tags: ['ratings'],
      summary: 'Each person’s numbers on each scale when earlier versions of the map were finished',
      params: meetingIdParams,
      response: { 200: earlierSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (request): Promise<{ earlier: EarlierRatings[] }> => {
    const { meeting } = await memberOf(services, request)
    const principal = request.principal!
    const selfId = principalId(principal)
    const versions = await finishedVersionsBefore(services, meeting.id, meeting.version)
    if (versions.length === 0) return { earlier: [] }
    const state = await services.relay.readDocState(meeting.id)
    if (!state) return { earlier: [] }
    const shownToday = new Map(linesOf(readStoredDoc(state, readMap)).map((row) => [row.scaleId, row.hidden !== null]))
    const earlier: EarlierRatings[] = []
    for (const [scaleId, byPerson] of earlierNumbers(versions)) {
      const isPrivate = shownToday.get(scaleId)
      if (isPrivate === undefined) continue
      for (const [participantId, numbers] of byPerson) {
        if (!isPrivate || participantId === selfId) earlier.push({ scaleId, participantId, numbers })
      }
    }
    return { earlier }
  })
}
