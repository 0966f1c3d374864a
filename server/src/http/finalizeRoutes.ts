/**
 * Finalizing and reopening a map. Finalize: the meeting turns `finalized` (new connections get
 * `viewer`, whatever their role), every socket is closed with a non-terminal code so clients
 * reconnect read-only, the doc's `meta.status` says so, and the doc's state is kept as a version.
 * Reopen: live again with the next version number; earlier versions stay.
 *
 *   POST /api/meetings/:id/finalize → { …meeting }
 *   POST /api/meetings/:id/reopen   → { …meeting }
 *   GET  /api/meetings/:id/versions → { versions: [{ version, finalizedAt, finalizedBy, bytes }] } (facilitators)
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as Y from 'yjs'
import { META_KEYS, META_MAP_NAME } from '@safetymap/map-model'
import type { Services } from './services.ts'
import { ACCESS_CLOSE } from '../access/accessCloseCodes.ts'
import { meetingDocIds } from '../meetings/restrictedDoc.ts'
import { MeetingAlreadyFinalized, MeetingNotFinalized } from '../errors.ts'
import { errorSchema, meetingSchema } from './schemas.ts'
import { facilitatorOf, meetingIdParams } from './meetingAccess.ts'
import { meetingToApi } from './meetingRoutes.ts'

const setDocStatus = (status: 'live' | 'finalized') => (doc: Y.Doc) => {
  doc.getMap(META_MAP_NAME).set(META_KEYS.status, status)
}

const response = {
  200: { ...meetingSchema, properties: { ...meetingSchema.properties, role: { type: 'string' } } },
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
}

/** The log line of each status change (ids and version only). */
const STATUS_CHANGE_LOG_MESSAGE = { 'meeting.finalized': 'meeting finalized', 'meeting.reopened': 'meeting reopened' } as const

export async function finalizeRoutes(app: FastifyInstance, services: Services): Promise<void> {
  /** Keeps a finalize or a reopen in the audit trail and the log, and tells the meeting's open pages. */
  const recordStatusChange = async (
    request: FastifyRequest,
    change: { action: keyof typeof STATUS_CHANGE_LOG_MESSAGE; workerId: string; meetingId: string; version: number; now: number },
  ): Promise<void> => {
    await services.audit.record({
      action: change.action,
      actor: { kind: 'worker', id: change.workerId },
      meetingId: change.meetingId,
      details: { version: change.version },
      now: change.now,
    })
    request.log.info({ meetingId: change.meetingId, version: change.version }, STATUS_CHANGE_LOG_MESSAGE[change.action])
    services.meetingEvents.rosterChanged(change.meetingId)
  }

  app.post<{ Params: { id: string } }>('/api/meetings/:id/finalize', {
    schema: { tags: ['meetings'], params: meetingIdParams, response },
  }, async (request) => {
    const { meeting, worker } = await facilitatorOf(services, request)
    if (meeting.status === 'finalized') throw new MeetingAlreadyFinalized()
    const now = services.now()
    // Order matters: first no new connection may edit, then drop the editing ones (they come
    // back as viewers), then stamp the doc and keep its state, which nobody can change any more.
    await services.meetings.setFinalized(meeting.id, now)
    try {
      for (const docId of meetingDocIds(meeting.id)) {
        services.relay.closeMeeting(docId, ACCESS_CLOSE.MEETING_FINALIZED.code, ACCESS_CLOSE.MEETING_FINALIZED.reason)
      }
      await services.relay.applyServerChange(meeting.id, setDocStatus('finalized'))
      const state = await services.relay.readDocState(meeting.id)
      // The details are kept with the version, so its record still prints them after a reopen changes them.
      await services.meetings.saveVersion({ meetingId: meeting.id, version: meeting.version, state: state ?? new Uint8Array(), finalizedBy: worker.id, now, details: meeting })
    } catch (error) {
      await services.meetings.setLive(meeting.id)
      throw error
    }
    await recordStatusChange(request, { action: 'meeting.finalized', workerId: worker.id, meetingId: meeting.id, version: meeting.version, now })
    const updated = await services.meetings.get(meeting.id) ?? meeting
    return { ...meetingToApi(updated), role: 'facilitator' }
  })

  app.post<{ Params: { id: string } }>('/api/meetings/:id/reopen', {
    schema: { tags: ['meetings'], params: meetingIdParams, response },
  }, async (request) => {
    const { meeting, worker } = await facilitatorOf(services, request)
    if (meeting.status !== 'finalized') throw new MeetingNotFinalized()
    const now = services.now()
    await services.relay.applyServerChange(meeting.id, setDocStatus('live'))
    await services.meetings.reopen(meeting.id)
    // Viewers-by-finalize reconnect in their own role.
    for (const docId of meetingDocIds(meeting.id)) {
      services.relay.closeMeeting(docId, ACCESS_CLOSE.MEETING_REOPENED.code, ACCESS_CLOSE.MEETING_REOPENED.reason)
    }
    const updated = await services.meetings.get(meeting.id) ?? meeting
    await recordStatusChange(request, { action: 'meeting.reopened', workerId: worker.id, meetingId: meeting.id, version: updated.version, now })
    return { ...meetingToApi(updated), role: 'facilitator' }
  })

  app.get<{ Params: { id: string } }>('/api/meetings/:id/versions', {
    schema: {
      tags: ['meetings'],
      params: meetingIdParams,
      response: {
        200: {
          type: 'object',
          required: ['versions'],
          properties: {
            versions: {
              type: 'array',
              items: {
                type: 'object',
                required: ['version', 'finalizedAt', 'finalizedBy', 'bytes'],
                properties: {
                  version: { type: 'integer' },
                  finalizedAt: { type: 'string', format: 'date-time' },
                  finalizedBy: { type: 'string' },
                  bytes: { type: 'integer' },
                },
              },
            },
          },
        },
        401: errorSchema,
        403: errorSchema,
        404: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting } = await facilitatorOf(services, request)
    const versions = (await services.meetings.listVersions(meeting.id)).map((v) => ({
      version: v.version,
      finalizedAt: new Date(v.finalizedAt).toISOString(),
      finalizedBy: v.finalizedBy,
      bytes: v.state.byteLength,
    }))
    return { versions }
  })
}
