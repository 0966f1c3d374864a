/**
 * Restricted items (safety-mapping §9: treatment details, addresses, phone numbers): the
 * meeting's workers sync a second doc at `GET /sync/:meetingId/restricted`, which family and
 * network roles are refused before any byte of it is sent; `POST /api/meetings/:id/restricted-items
 * { shapeId }` moves an item of the shared map into it.
 *
 * Moving adds the record to the restricted doc first and then deletes it from the shared doc, so a
 * failure never loses it. Lines tied to the item (tldraw arrows bound to it: a family tree's
 * relationship, an ecomap's tie) move with it, bindings and all, so no line on the family's board
 * points at where someone was. Anyone already synced keeps what they received before the move; items
 * that must never reach the family are written into the restricted doc from the start:
 * `POST /api/meetings/:id/private-contacts { placementId, text }` lets any member who may write
 * (family too, who never read it back) add a phone number or contact to a safety plan's contacts
 * box (map-model MM-35) straight into the restricted doc.
 */
import type { FastifyInstance } from 'fastify'
import * as Y from 'yjs'
import { MapModelError, RECORDS_ARRAY_NAME, ZONE_SHAPE_TYPE, addPrivateNote, readRecordMap } from '@safetymap/map-model'
import type { Services } from './services.ts'
import { accessToMeeting, auditActorOf, requirePrincipal } from './principal.ts'
import { ContactNotAllowed, ContactsBoxMissing, ItemNotFound, MeetingAlreadyFinalized, MeetingNotFound, RestrictedWorkersOnly } from '../errors.ts'
import { errorSchema } from './schemas.ts'
import { facilitatorOf, meetingIdParams, memberOf } from './meetingAccess.ts'
import { restrictedDocId } from '../meetings/restrictedDoc.ts'
import { addSyncSocketRoute, type SyncRequest } from './syncRoute.ts'

type Entry = { key: string; val: unknown }

/** The safety plan's contacts box (MM-35), the one box whose notes are written here. */
const CONTACTS_BOX = 'safety-plan-contacts'
/** Longest contact kept, in characters (the phone's note limit). */
const MAX_CONTACT_LENGTH = 2000

const isEntry = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string' && 'val' in value

const bindingOf = (record: unknown): { fromId: unknown; toId: unknown } | null =>
  typeof record === 'object' && record !== null && (record as { typeName?: unknown }).typeName === 'binding'
    ? (record as { fromId: unknown; toId: unknown })
    : null

/**
 * The records that leave the shared map with item `id`: it, each line bound to it, and every binding
 * of those lines (and of the item itself, when it is a line).
 */
function recordsMovingWith(records: ReadonlyMap<string, unknown>, id: string): Map<string, unknown> {
  const lines = new Set<unknown>([id])
  for (const record of records.values()) if (bindingOf(record)?.toId === id) lines.add(bindingOf(record)!.fromId)
  const moving = new Map<string, unknown>()
  for (const [key, record] of records) {
    if (lines.has(key) || lines.has(bindingOf(record)?.fromId)) moving.set(key, record)
  }
  return moving
}

/** An item of the map (a note, a card, a mark), not the template's zones or another kind of record. */
const isItemRecord = (record: unknown): boolean =>
  typeof record === 'object' && record !== null &&
  (record as { typeName?: unknown }).typeName === 'shape' && (record as { type?: unknown }).type !== ZONE_SHAPE_TYPE

/** Deletes every entry of the `ids` from the records array (what `YKeyValue.delete` does). */
function deleteRecords(doc: Y.Doc, ids: ReadonlySet<string>): void {
  const records = doc.getArray<unknown>(RECORDS_ARRAY_NAME)
  const entries = records.toArray()
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]
    if (isEntry(entry) && ids.has(entry.key)) records.delete(i, 1)
  }
}

export async function restrictedRoutes(app: FastifyInstance, services: Services): Promise<void> {
  // `syncPeer` is declared by syncRoute's own (encapsulated) scope; this sibling scope needs it too.
  if (!app.hasRequestDecorator('syncPeer')) app.decorateRequest('syncPeer', null)
  const admit = async (request: SyncRequest) => {
    const principal = requirePrincipal(request)
    const meeting = await services.meetings.get(request.params.meetingId)
    if (!meeting) throw new MeetingNotFound()
    const access = accessToMeeting(principal, meeting)
    if (!access.ok || access.role !== 'facilitator' || principal.kind !== 'worker') {
      await services.audit.record({
        action: 'access.refused',
        actor: auditActorOf(principal),
        meetingId: meeting.id,
        details: { reason: 'restricted', door: 'sync' },
        now: services.now(),
      })
      throw new RestrictedWorkersOnly()
    }
    request.syncPeer = { meetingId: restrictedDocId(meeting.id), participantId: principal.worker.id }
  }

  // The role is decided again as the socket joins: only a facilitating worker, and read-only once finalized.
  addSyncSocketRoute(app, { services, url: '/sync/:meetingId/restricted', admit })

  app.post<{ Params: { id: string }; Body: { shapeId: string } }>('/api/meetings/:id/restricted-items', {
    schema: {
      tags: ['meetings'],
      params: meetingIdParams,
      body: { type: 'object', required: ['shapeId'], properties: { shapeId: { type: 'string', minLength: 1, maxLength: 100 } } },
      response: {
        200: { type: 'object', required: ['shapeId'], properties: { shapeId: { type: 'string' } } },
        401: errorSchema,
        403: errorSchema,
        404: errorSchema,
        409: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting, worker } = await facilitatorOf(services, request)
    // A finished map keeps what it held when it was kept as a version.
    if (meeting.status === 'finalized') throw new MeetingAlreadyFinalized()
    const { shapeId } = request.body
    const state = await services.relay.readDocState(meeting.id)
    const shared = new Y.Doc()
    if (state) Y.applyUpdate(shared, state)
    const records = readRecordMap(shared)
    shared.destroy()
    if (!isItemRecord(records.get(shapeId))) throw new ItemNotFound()
    const moving = recordsMovingWith(records, shapeId)
    const ids = new Set(moving.keys())
    await services.relay.applyServerChange(restrictedDocId(meeting.id), (doc) => {
      deleteRecords(doc, ids)
      doc.getArray<Entry>(RECORDS_ARRAY_NAME).push([...moving].map(([key, val]) => ({ key, val })))
    })
    await services.relay.applyServerChange(meeting.id, (doc) => deleteRecords(doc, ids))
    await services.audit.record({
      action: 'item.restricted',
      actor: { kind: 'worker', id: worker.id },
      meetingId: meeting.id,
      subjectId: shapeId,
      now: services.now(),
    })
    request.log.info({ meetingId: meeting.id, shapeId }, 'item restricted')
    return { shapeId }
  })

  app.post<{ Params: { id: string }; Body: { placementId: string; text: string } }>('/api/meetings/:id/private-contacts', {
    schema: {
      tags: ['meetings'],
      summary: 'Add a phone number or contact to a safety plan: only the meeting’s workers ever see it',
      params: meetingIdParams,
      body: {
        type: 'object',
        required: ['placementId', 'text'],
        additionalProperties: false,
        properties: {
          placementId: { type: 'string', minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9]+$' },
          text: { type: 'string', minLength: 1, maxLength: MAX_CONTACT_LENGTH, pattern: '\\S' },
        },
      },
      response: {
        200: { type: 'object', required: ['shapeId'], properties: { shapeId: { type: 'string' } } },
        400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema,
      },
    },
  }, async (request) => {
    const { meeting, role } = await memberOf(services, request)
    if (role === 'viewer') throw new ContactNotAllowed()
    if (meeting.status === 'finalized') throw new MeetingAlreadyFinalized()
    const principal = requirePrincipal(request)
    const author = principal.kind === 'worker'
      ? { kind: 'worker' as const, id: principal.worker.id, name: principal.worker.name }
      : { kind: 'participant' as const, id: principal.participant.id, name: principal.participant.name }
    const state = await services.relay.readDocState(meeting.id)
    const shared = new Y.Doc()
    if (state) Y.applyUpdate(shared, state)
    let shapeId = ''
    try {
      await services.relay.applyServerChange(restrictedDocId(meeting.id), (doc) => {
        shapeId = addPrivateNote(shared, doc, request.body.placementId, CONTACTS_BOX, request.body.text.trim(), author, { now: new Date(services.now()) })
      })
    } catch (error) {
      if (error instanceof MapModelError && error.code === 'MAP_ZONE_MISSING') throw new ContactsBoxMissing()
      throw error
    } finally {
      shared.destroy()
    }
    await services.audit.record({
      action: 'item.restricted',
      actor: { kind: author.kind, id: author.id },
      meetingId: meeting.id,
      subjectId: shapeId,
      details: { added: 'contact' },
      now: services.now(),
    })
    // Ids only: never the number, the name or the placement's words.
    request.log.info({ meetingId: meeting.id, shapeId }, 'private contact added')
    return { shapeId }
  })
}
