/**
 * Each person's numbers on each scaling line when earlier versions of the map were finished
 * (`GET /api/meetings/:id/earlier-ratings`), so the facilitator can ask "Last time you said 4 —
 * what has changed?". The server sends only what this person may see today: on a line private
 * until the reveal, only their own.
 *
 *   const lookup = toEarlierLookup((await fetchEarlierRatings(meetingId)).value.earlier)
 *   lookup.get(earlierKey('overall', participantId)) // [3, 4]: oldest first
 */
import type { ApiResult } from '../api/ApiResult.ts'
import { request } from '../api/request.ts'

/** One person's earlier numbers on one line, oldest first. */
export interface EarlierRatings {
  readonly scaleId: string
  readonly participantId: string
  readonly numbers: readonly { readonly version: number; readonly value: number }[]
}

/** Earlier numbers by line and person (`earlierKey`), oldest first. */
export type EarlierLookup = ReadonlyMap<string, readonly number[]>

/** Nothing to compare with: no earlier version, not loaded yet, or not reachable. */
export const NO_EARLIER: EarlierLookup = new Map()

export const earlierKey = (scaleId: string, participantId: string): string => `${scaleId}\n${participantId}`

export function fetchEarlierRatings(meetingId: string): Promise<ApiResult<{ earlier: readonly EarlierRatings[] }>> {
  return request('GET', `/api/meetings/${encodeURIComponent(meetingId)}/earlier-ratings`)
}

export function toEarlierLookup(earlier: readonly EarlierRatings[]): EarlierLookup {
  return new Map(earlier.filter((e) => e.numbers.length > 0).map((e) => [earlierKey(e.scaleId, e.participantId), e.numbers.map((n) => n.value)]))
}
