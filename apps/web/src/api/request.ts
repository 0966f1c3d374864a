/**
 * The only module that calls `fetch`: same-origin JSON requests with the session cookie, turned
 * into an `ApiResult`, and file downloads (exports) the same way. Keeping every request here keeps
 * third-party calls out of the app.
 *
 *   const result = await request<{ meetings: MeetingSummary[] }>('GET', '/api/meetings')
 *   const file = await requestFile('POST', '/api/meetings/m1/export?format=pdf', pngBlob)
 */
import type { ApiResult } from './ApiResult.ts'
import { NETWORK_ERROR_CODE, errorMessageKey } from './errorMessageKey.ts'

/** The HTTP methods our API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Sends one request to our own server. `body` is sent as JSON when given; a Blob (a picture) as is, with its type. */
export async function request<T>(method: HttpMethod, path: string, body?: unknown): Promise<ApiResult<T>> {
  const raw = body instanceof Blob
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': raw ? body.type : 'application/json' },
      body: body === undefined ? null : raw ? body : JSON.stringify(body),
    })
  } catch {
    return fail(0, NETWORK_ERROR_CODE)
  }
  const payload = await readJson(response)
  if (response.ok) return { ok: true, value: payload as T }
  return fail(response.status, readCode(payload))
}

/** A file the server answered with, its name and the SHA-256 it reported (`X-Content-SHA256`). */
export interface DownloadedFile {
  readonly blob: Blob
  /** From `Content-Disposition`; null when the server named none. */
  readonly fileName: string | null
  readonly sha256: string
}

/** Sends one request answered with a file; `body` (e.g. a PNG) is sent as is, with its type. */
export async function requestFile(method: 'GET' | 'POST', path: string, body: Blob | null = null): Promise<ApiResult<DownloadedFile>> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body ? { 'content-type': body.type || 'application/octet-stream' } : {},
      body,
    })
  } catch {
    return fail(0, NETWORK_ERROR_CODE)
  }
  if (!response.ok) return fail(response.status, readCode(await readJson(response)))
  return {
    ok: true,
    value: {
      blob: await response.blob(),
      fileName: fileNameFrom(response.headers.get('content-disposition')),
      sha256: response.headers.get('x-content-sha256') ?? '',
    },
  }
}

/** `filename="…"` from a Content-Disposition header, or null. */
export function fileNameFrom(disposition: string | null): string | null {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? null
}

function fail(status: number, code: string | null): ApiResult<never> {
  return { ok: false, error: { status, code, messageKey: errorMessageKey(code, status) } }
}

/** The parsed body, or undefined for an empty (204) or non-JSON body. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '')
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** The stable `code` of a fastify-style error body `{ statusCode, code, message }`. */
function readCode(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null || !('code' in payload)) return null
  return typeof payload.code === 'string' ? payload.code : null
}
