/**
 * Owns making one export file: picks the authoritative doc state (the frozen state of a finalized
 * version when there is one, else the relay's current state), reads it through map-model, joins
 * what the meeting store records (details, facilitators, roster with relationship, attendance and
 * consent, version and finalizer), the safety journal and the agency's name, drops restricted items, and renders the
 * requested format — the family copy in the language asked for (else the map's), the record always
 * in the map's: the language in the exported state's `meta.locale`, so a finalized version keeps
 * the one it was finalized in after a reopen changes the meeting's. Returns the bytes, their
 * SHA-256, the model and the rendering used; recording the audit entry is the route's job.
 *
 * ```ts
 * const file = await createExport(services, { meeting, asked: { format: 'family-pdf', language: 'es' }, picture: null })
 * ```
 */
import * as Y from 'yjs'
import { exportFileTitle, isLocale, META_KEYS, META_MAP_NAME, readMap, readRecordMap, ZONE_SHAPE_TYPE, type Locale } from '@safetymap/map-model'
import type { Services } from '../http/services.ts'
import type { Meeting } from '../meetings/MeetingStore.ts'
import type { MeetingFormat } from '../meetings/meetingDetails.ts'
import type { VersionDetails } from '../meetings/versionDetails.ts'
import { restrictedDocId } from '../meetings/restrictedDoc.ts'
import { finishedVersionsBefore } from '../ratings/earlierNumbers.ts'
import { journalForVersion } from '../journal/journalForVersion.ts'
import {
  buildCaseFileExport,
  sha256Hex,
  type CaseFileExport,
  type ExportFormat,
  type ExportParticipant,
  type ExportVersionRecord,
} from './CaseFileExport.ts'
import { describePicture, type CanvasPicture } from './canvasPicture.ts'
import { renderJson } from './renderJson.ts'

export interface ExportFile {
  readonly body: Buffer
  readonly contentType: string
  readonly fileName: string
  readonly sha256: string
  readonly model: CaseFileExport
  /** What was rendered, the family copy's language settled. */
  readonly rendering: ExportRendering
}

export type ExportFailure = { ok: false; reason: 'no-map' | 'unknown-version' }

/**
 * What to render: a format, and for the family copy the language it is written in. The case-file
 * record (PDF, DOCX, JSON) is the agency's and always stays in the map's language.
 */
export type ExportRendering =
  | { readonly format: Exclude<ExportFormat, 'family-pdf'> }
  | { readonly format: 'family-pdf'; readonly language: Locale }

/** What was asked for: a format, and for the family copy maybe a language (else the map's). */
export interface ExportAsk {
  readonly format: ExportFormat
  readonly language?: Locale
}

const settle = (asked: ExportAsk, mapLocale: Locale): ExportRendering =>
  asked.format === 'family-pdf' ? { format: 'family-pdf', language: asked.language ?? mapLocale } : { format: asked.format }

/**
 * The language the exported state was in: its `meta.locale`, which a language change writes and
 * finalize freezes with the version. `readMeta` would read a missing one as English, so a state
 * without one (kept before the template wrote it) falls back to the meeting's instead.
 */
function stateLocale(doc: Y.Doc, meetingLocale: Locale): Locale {
  const locale = doc.getMap<unknown>(META_MAP_NAME).get(META_KEYS.locale)
  return isLocale(locale) ? locale : meetingLocale
}

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  pdf: 'application/pdf',
  'family-pdf': 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
}

const RECORD_FILE_SUFFIX: Readonly<Record<Exclude<ExportFormat, 'family-pdf'>, string>> = {
  pdf: 'record.pdf',
  docx: 'record.docx',
  json: 'record.json',
}

/** The end of the file name: what the file is, and for the family copy its language (`family-es.pdf`). */
const fileSuffix = (rendering: ExportRendering): string =>
  rendering.format === 'family-pdf' ? `family-${rendering.language}.pdf` : RECORD_FILE_SUFFIX[rendering.format]

/** Shapes (notes, toolkit cards) whose `meta.restricted` is true. Restricted content should live on the server only; this
 * also keeps any that reached the doc out of every export. */
function restrictedNoteIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>()
  for (const [id, record] of readRecordMap(doc)) {
    const r = record as { typeName?: unknown; type?: unknown; meta?: { restricted?: unknown } }
    if (r.typeName === 'shape' && r.meta?.restricted === true) ids.add(id)
  }
  return ids
}

/**
 * The items a facilitator moved into the meeting's restricted doc (safety-mapping §9): their ids,
 * dropped even from an older version that still held them, and how many the exported state no
 * longer holds, so the record says items were withheld rather than that none were. An older
 * version counts only those written before it was finalized. Also how many sit in each box of
 * the shared map (by the box's id), so a workers-only box (MM-35) says its notes are kept, not that
 * it is empty.
 */
async function restrictedDocItems(
  services: Services,
  meetingId: string,
  exported: Y.Doc,
  finalizedAt: number | null,
): Promise<{ ids: Set<string>; heldElsewhere: number; perBox: Map<string, number> }> {
  const state = await services.relay.readDocState(restrictedDocId(meetingId))
  const restricted = new Y.Doc()
  try {
    if (state) Y.applyUpdate(restricted, state)
    const inExported = readRecordMap(exported)
    const ids = new Set<string>()
    const perBox = new Map<string, number>()
    let heldElsewhere = 0
    for (const [id, record] of readRecordMap(restricted)) {
      const r = record as { typeName?: unknown; type?: unknown; parentId?: unknown; meta?: { createdAt?: unknown } }
      if (r.typeName !== 'shape' || r.type === ZONE_SHAPE_TYPE) continue
      ids.add(id)
      const createdAt = typeof r.meta?.createdAt === 'string' ? Date.parse(r.meta.createdAt) : Number.NaN
      if (finalizedAt !== null && createdAt > finalizedAt) continue
      if (!inExported.has(id)) heldElsewhere++
      if (typeof r.parentId === 'string') perBox.set(r.parentId, (perBox.get(r.parentId) ?? 0) + 1)
    }
    return { ids, heldElsewhere, perBox }
  } finally {
    restricted.destroy()
  }
}

/**
 * How the agency workers who ran the meeting attended: the facilitator is on the board throughout,
 * so in the room for a meeting held in person and remote for a remote one; a hybrid meeting (or
 * one whose format was not entered) does not say which, so only that they facilitated.
 */
const FACILITATOR_ATTENDANCE: Readonly<Record<MeetingFormat, string>> = { 'in-person': 'in-room', remote: 'remote', hybrid: 'facilitating' }

/** Facilitating workers first, then everyone who joined and was let in (or later left). */
async function rosterOf(services: Services, meeting: Meeting, format: MeetingFormat | null): Promise<ExportParticipant[]> {
  const roster: ExportParticipant[] = []
  for (const workerId of meeting.facilitatorIds) {
    const worker = await services.workers.getWorker(workerId)
    roster.push({
      id: workerId,
      name: worker?.name ?? '',
      role: workerId === meeting.ownerWorkerId ? 'facilitator' : 'co-facilitator',
      relationship: 'agency worker',
      attendance: format ? FACILITATOR_ATTENDANCE[format] : 'facilitating',
      confidentialityAgreement: null,
      releaseConsent: null,
      consentVersion: null,
      status: null,
      source: workerId === meeting.ownerWorkerId ? 'owner' : 'roster',
    })
  }
  for (const p of await services.meetings.listParticipants(meeting.id)) {
    if (p.status === 'waiting' || p.status === 'declined') continue
    roster.push({
      id: p.id,
      name: p.name,
      role: p.role,
      relationship: p.relationship,
      attendance: p.attendance,
      confidentialityAgreement: p.consentVersion === null ? null : true,
      // The release-of-information form is signed on paper; a facilitator records that it was.
      releaseConsent: p.releaseConsentAt === null ? null : true,
      consentVersion: p.consentVersion,
      status: p.status,
      source: 'roster',
    })
  }
  return roster
}

/**
 * The doc state to export, the version it stands for, and the meeting details to print: a
 * finalized version's own (kept at finalize), else the meeting's current ones.
 */
async function stateFor(
  services: Services,
  meeting: Meeting,
  requested: number | null,
): Promise<{ ok: true; state: Uint8Array; version: ExportVersionRecord; details: VersionDetails } | ExportFailure> {
  const versions = await services.meetings.listVersions(meeting.id)
  const finalizedBy = async (workerId: string) => ({ id: workerId, name: (await services.workers.getWorker(workerId))?.name ?? '' })
  const wanted = requested ?? (meeting.status === 'finalized' ? meeting.version : null)
  if (wanted !== null) {
    const frozen = versions.find((v) => v.version === wanted)
    if (frozen) {
      return {
        ok: true,
        state: frozen.state,
        version: { number: frozen.version, finalized: true, finalizedAt: frozen.finalizedAt, finalizedBy: await finalizedBy(frozen.finalizedBy) },
        // Versions kept before details were stored with them fall back to the meeting's.
        details: frozen.details ?? meeting,
      }
    }
    if (requested !== null && requested !== meeting.version) return { ok: false, reason: 'unknown-version' }
  }
  const state = await services.relay.readDocState(meeting.id)
  if (!state) return { ok: false, reason: 'no-map' }
  const finalized = meeting.status === 'finalized'
  return {
    ok: true,
    state,
    version: { number: meeting.version, finalized, finalizedAt: finalized ? meeting.finalizedAt : null, finalizedBy: null },
    details: meeting,
  }
}

/** Builds the export model for a meeting (and, optionally, one of its finalized versions). */
export async function readExportModel(
  services: Services,
  input: { meeting: Meeting; picture: CanvasPicture | null; version?: number | null },
): Promise<{ ok: true; model: CaseFileExport } | ExportFailure> {
  const { meeting } = input
  const source = await stateFor(services, meeting, input.version ?? null)
  if (!source.ok) return source
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, source.state)
    // Re-encoded from a fresh doc: the same state always gives the same bytes, whatever merge history it came from.
    const stateSha256 = sha256Hex(Y.encodeStateAsUpdate(doc))
    const { title, details, openedAt, endedAt } = source.details
    const heldApart = await restrictedDocItems(services, meeting.id, doc, source.version.finalizedAt)
    const model = buildCaseFileExport({
      meeting: {
        id: meeting.id,
        title,
        locale: stateLocale(doc, meeting.locale),
        status: meeting.status,
        createdAt: meeting.createdAt,
        agency: services.config.agencyName,
        timeZone: services.config.timeZone,
        caseReference: details.caseReference,
        children: details.children,
        meetingType: details.meetingType,
        meetingFormat: details.meetingFormat,
        purpose: details.purpose,
        agreements: details.agreements,
        desiredOutcome: details.desiredOutcome,
        // Entered times win; else when a facilitator first opened it and when it was ended.
        startedAt: details.startTime ?? openedAt,
        endedAt: details.endTime ?? endedAt,
      },
      map: readMap(doc),
      stateSha256,
      roster: await rosterOf(services, meeting, details.meetingFormat),
      version: source.version,
      picture: describePicture(input.picture),
      restrictedItemIds: new Set([...restrictedNoteIds(doc), ...heldApart.ids]),
      restrictedHeldElsewhere: heldApart.heldElsewhere,
      restrictedPerBox: heldApart.perBox,
      labels: services.config.labels,
      earlierVersions: await finishedVersionsBefore(services, meeting.id, source.version.number),
      journal: await journalForVersion(services, meeting.id, source.version.number),
    })
    return { ok: true, model }
  } finally {
    doc.destroy()
  }
}

/**
 * Renders one format of an export model. The renderers bring the PDF and Word libraries (tens of
 * MB in memory), so they are loaded by the first export that needs them, not when the server starts.
 */
export async function renderExport(model: CaseFileExport, rendering: ExportRendering, picture: CanvasPicture | null): Promise<Buffer> {
  switch (rendering.format) {
    case 'pdf':
      return (await import('./renderCaseFilePdf.ts')).renderCaseFilePdf(model, picture)
    case 'family-pdf':
      return (await import('./renderFamilyPdf.ts')).renderFamilyPdf(model, { language: rendering.language, picture })
    case 'docx':
      return (await import('./renderDocx.ts')).renderDocx(model, picture)
    case 'json':
      return renderJson(model)
  }
}

/** Reads, renders and hashes one export. */
export async function createExport(
  services: Services,
  input: { meeting: Meeting; asked: ExportAsk; picture: CanvasPicture | null; version?: number | null },
): Promise<{ ok: true; file: ExportFile } | ExportFailure> {
  const read = await readExportModel(services, input)
  if (!read.ok) return read
  const rendering = settle(input.asked, read.model.meeting.locale)
  const body = await renderExport(read.model, rendering, input.picture)
  return {
    ok: true,
    file: {
      body,
      contentType: EXPORT_CONTENT_TYPES[rendering.format],
      fileName: `safetymap-${exportFileTitle(read.model.meeting.title)}-${read.model.version.label}-${fileSuffix(rendering)}`,
      sha256: sha256Hex(body),
      model: read.model,
      rendering,
    },
  }
}
