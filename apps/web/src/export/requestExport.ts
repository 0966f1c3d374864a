/**
 * Owns asking the server for an export through the API client (`api.exportMeeting`): the file,
 * its name and its SHA-256 — or a failure carrying the export's own message to show.
 *
 *   const result = await requestExport({ meetingId, format: 'family-pdf', language: 'es', picture })
 */
import type { Locale } from '@safetymap/map-model'
import { api, type ExportFormat } from '../api/api.ts'
import { errorMessageKey } from '../api/errorMessageKey.ts'
import type { MessageKey } from '../i18n/messages.ts'

export type { ExportFormat }

/** The formats the server exports, in the order the dialog lists them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['pdf', 'family-pdf', 'docx', 'json']

export type ExportResult =
  | { ok: true; blob: Blob; fileName: string; sha256: string }
  | { ok: false; status: number; messageKey: MessageKey }

/** Export errors the generic catalogue does not know, mapped to their own messages. */
const EXPORT_ERROR_KEYS: Readonly<Record<string, MessageKey>> = {
  EXPORT_MAP_MISSING: 'export.error.noMap',
  EXPORT_BUSY: 'export.error.busy',
  EXPORT_PICTURE_INVALID: 'export.error.picture',
  MEETING_FORBIDDEN: 'export.error.forbidden',
}

/** The message to show for a failed export with this error code and status. */
export function exportErrorKey(code: string | null, status: number): MessageKey {
  return (code !== null ? EXPORT_ERROR_KEYS[code] : undefined) ?? (status >= 500 ? 'export.error.server' : errorMessageKey(code, status))
}

/** Asks the server for one export; with a picture, posts it along. `language` is the family copy's (`null`: the meeting's). */
export async function requestExport(input: { meetingId: string; format: ExportFormat; language: Locale | null; picture: Blob | null }): Promise<ExportResult> {
  const result = await api.exportMeeting(input.meetingId, { format: input.format, language: input.language, picture: input.picture })
  if (!result.ok) return { ok: false, status: result.error.status, messageKey: exportErrorKey(result.error.code, result.error.status) }
  const { blob, fileName, sha256 } = result.value
  return { ok: true, blob, fileName: fileName ?? `safetymap-export-${input.format}`, sha256 }
}
