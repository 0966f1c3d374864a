/**
 * Owns the export download call: `GET` (or `POST` with the canvas PNG) to
 * `/api/meetings/:id/export`, same origin with the session cookie, answered with the file, its
 * name and its SHA-256 — or a failure carrying the message key to show.
 *
 * This is the app's second caller of `fetch` (the JSON client in `api/request.ts` is the
 * first): the export answers with binary bytes, which that client does not read. It calls only
 * our own origin, like the client.
 *
 *   const result = await requestExport({ meetingId, format: 'pdf', picture })
 */
import { NETWORK_ERROR_CODE, errorMessageKey } from '../api/errorMessageKey.ts'
import type { MessageKey } from '../i18n/messages.ts'

/** The formats the server exports. */
export const EXPORT_FORMATS = ['pdf', 'family-pdf', 'docx', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

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

/** `filename="…"` from a Content-Disposition header, else a fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? '')
  return match?.[1] ?? fallback
}

/** Asks the server for one export; with a picture, posts it as the body. */
export async function requestExport(input: { meetingId: string; format: ExportFormat; picture: Blob | null }): Promise<ExportResult> {
  const path = `/api/meetings/${encodeURIComponent(input.meetingId)}/export?format=${input.format}`
  let response: Response
  try {
    response = await fetch(path, {
      method: input.picture ? 'POST' : 'GET',
      credentials: 'same-origin',
      headers: input.picture ? { 'content-type': 'image/png' } : {},
      body: input.picture,
    })
  } catch {
    return { ok: false, status: 0, messageKey: errorMessageKey(NETWORK_ERROR_CODE, 0) }
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => null)
    const code = typeof payload === 'object' && payload !== null && 'code' in payload && typeof payload.code === 'string' ? payload.code : null
    return { ok: false, status: response.status, messageKey: exportErrorKey(code, response.status) }
  }
  const blob = await response.blob()
  return {
    ok: true,
    blob,
    fileName: fileNameFrom(response.headers.get('content-disposition'), `safetymap-export-${input.format}`),
    sha256: response.headers.get('x-content-sha256') ?? '',
  }
}
