/**
 * Owns the header of the case-file record — agency, title details, case reference, meeting type,
 * times, version, who finalized it, ids — as name/value pairs, so the PDF and the DOCX print the
 * same fields in the same order.
 *
 * ```ts
 * for (const [name, value] of recordHeaderFields(model)) field(name, value)
 * ```
 */
import type { CaseFileExport } from './CaseFileExport.ts'
import { NOT_RECORDED, formatRecordTime, meetingTypeLabel, orNot } from './exportWords.ts'

/** The header fields of the record, in print order. */
export function recordHeaderFields(model: CaseFileExport): [name: string, value: string][] {
  const { meeting, version } = model
  return [
    ['Agency', orNot(meeting.agency)],
    ['Case reference', orNot(meeting.caseReference)],
    ['Meeting type', meeting.meetingType ? meetingTypeLabel(meeting.meetingType, 'en') : NOT_RECORDED],
    ['Meeting created', formatRecordTime(meeting.createdAt)],
    ['Started', formatRecordTime(meeting.startedAt)],
    ['Ended', formatRecordTime(meeting.endedAt)],
    ['Language of the meeting', meeting.locale === 'es' ? 'Spanish' : 'English'],
    ['Status', meeting.status],
    ['Map version', version.label],
    ['Finalized by', version.finalizedBy?.name || NOT_RECORDED],
    ['Finalized at', formatRecordTime(version.finalizedAt)],
    ['Export id', model.exportId],
    ['Map state SHA-256', version.stateSha256],
    ['Export schema', model.schemaVersion],
  ]
}
