/**
 * What every API call resolves to: the typed value, or a failure that already knows which
 * catalogue message tells the user what to do next. Expected failures are values, never throws.
 *
 *   const result = await api.getMeeting(id)
 *   if (!result.ok) setError(result.error.messageKey)
 */
import type { MessageKey } from '../i18n/messages.ts'

/** A call the server (or the network) refused. */
export interface ApiFailure {
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number
  /** The server's stable code (`AUTH_INVITE_EXPIRED`, …), `NETWORK`, or null when it sent none. */
  readonly code: string | null
  /** The catalogue message to show for this failure. */
  readonly messageKey: MessageKey
}

/** The outcome of one API call. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiFailure }
