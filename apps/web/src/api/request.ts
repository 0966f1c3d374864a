/**
 * The only module that calls `fetch`: same-origin JSON requests with the session cookie, turned
 * into an `ApiResult`. Keeping every request here keeps third-party calls out of the app.
 *
 *   const result = await request<{ meetings: MeetingSummary[] }>('GET', '/api/meetings')
 */
import type { ApiResult } from './ApiResult.ts'
import { NETWORK_ERROR_CODE, errorMessageKey } from './errorMessageKey.ts'

/** The HTTP methods our API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Sends one request to our own server. `body` is sent as JSON when given. */
export async function request<T>(method: HttpMethod, path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    })
  } catch {
    return fail(0, NETWORK_ERROR_CODE)
  }
  const payload = await readJson(response)
  if (response.ok) return { ok: true, value: payload as T }
  return fail(response.status, readCode(payload))
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
