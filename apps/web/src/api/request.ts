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

/**
 * How long a JSON call may go unanswered before it counts as a network failure. Such a call moves a
 * few KB: even on a weak phone signal (slow, with round trips near a second) it answers within a
 * few seconds, so silence this long means a dead connection. Without a limit the browser waits for
 * minutes, the page showing "Sending…", before it can say "kept on this phone" or "try again".
 * Pictures and exported files have no limit: their time grows with their size and the connection,
 * so no fixed limit tells a slow transfer from a dead one.
 */
export const JSON_CALL_TIMEOUT_MS = 15_000

/** The HTTP methods our API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Sends one request to our own server. `body` is sent as JSON when given; a Blob (a picture) as is, with its type. */
export async function request<T>(method: HttpMethod, path: string, body?: unknown): Promise<ApiResult<T>> {
  const raw = body instanceof Blob
  let response: Response
  let text: string
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': raw ? body.type : 'application/json' },
      body: body === undefined ? null : raw ? body : JSON.stringify(body),
      signal: raw ? null : AbortSignal.timeout(JSON_CALL_TIMEOUT_MS),
    })
    // Read here: the limit also ends a body that stops arriving, which is no answer either.
    text = await response.text()
  } catch {
    return fail(0, NETWORK_ERROR_CODE)
  }
  const payload = parseJson(text)
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

/** The parsed body of `response`, as {@link parseJson}; undefined when it cannot be read. */
async function readJson(response: Response): Promise<unknown> {
  return parseJson(await response.text().catch(() => ''))
}

/** The parsed body, or undefined for an empty (204) or non-JSON body. */
function parseJson(text: string): unknown {
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
