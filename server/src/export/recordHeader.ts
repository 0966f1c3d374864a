/**
 * Owns the fields of the case-file record's header — agency, case reference, children, meeting
 * type and how it was held, times, version, who finalized it, ids — its purpose, agreements and
 * desired outcome, and each participant's line, as text, so the PDF and the DOCX print the same
 * fields in the same order.
 *
 * ```ts
 * for (const [name, value] of recordHeaderFields(model)) field(name, value)
 * ```
 */
import type { CaseFileExport, ExportParticipant } from './CaseFileExport.ts'
import { NOT_RECORDED, formatRecordTime, meetingFormatLabel, meetingTypeLabel, orNot, recordStatus, yesNo } from './exportWords.ts'

/** The header fields of the record, in print order. */
export function recordHeaderFields(model: CaseFileExport): [name: string, value: string][] {
  const { meeting, version } = model
  return [
    ['Agency', orNot(meeting.agency)],
    ['Case reference', orNot(meeting.caseReference)],
    ['Child or children', meeting.children.length > 0 ? meeting.children.join(', ') : NOT_RECORDED],
    ['Meeting type', meeting.meetingType ? meetingTypeLabel(meeting.meetingType, 'en') : NOT_RECORDED],
    ['How the meeting was held', meeting.meetingFormat ? meetingFormatLabel(meeting.meetingFormat, 'en') : NOT_RECORDED],
    ['Meeting created', formatRecordTime(meeting.createdAt, meeting.timeZone)],
    ['Started', formatRecordTime(meeting.startedAt, meeting.timeZone)],
    ['Ended', formatRecordTime(meeting.endedAt, meeting.timeZone)],
    ['Language of the meeting', meeting.locale === 'es' ? 'Spanish' : 'English'],
    ['Status', recordStatus(meeting.status)],
    ['Map version', version.label],
    ['Finalized by', version.finalizedBy?.name || NOT_RECORDED],
    ['Finalized at', formatRecordTime(version.finalizedAt, meeting.timeZone)],
    ['Export id', model.exportId],
    ['Map state SHA-256', version.stateSha256],
    ['Export schema', model.schemaVersion],
  ]
}

/** The "Purpose, agreements and desired outcome" fields, in print order. */
export function recordPurposeFields(model: CaseFileExport): [name: string, value: string][] {
  const { meeting } = model
  return [
    ['Purpose', orNot(meeting.purpose)],
    ['Agreements (confidentiality among them)', orNot(meeting.agreements)],
    ['Desired outcome of today', orNot(meeting.desiredOutcome)],
  ]
}

/** The line under a participant's name: relationship, how they attended and their consents. */
export function participantDetailsLine(p: ExportParticipant): string {
  return (
    `Relationship: ${orNot(p.relationship)}; attended: ${orNot(p.attendance)}; ` +
    `confidentiality agreement: ${yesNo(p.confidentialityAgreement)}; release of information consent: ${yesNo(p.releaseConsent)}`
  )
}
