/**
 * Calls of hidden-until-reveal scaling (map-model MM-22 … MM-24): a private rating goes to the
 * server, never into the shared doc; the facilitator makes a scale private and reveals it.
 *
 *   await ratingsApi.rate(meetingId, 'overall', { value: 6, whatMakesItThisHigh, onePointHigher })
 *   await ratingsApi.rate(meetingId, 'overall', { ...rating, participantId: lorna.id }) // a facilitator, for Lorna
 */
import type { ApiResult } from '../api/ApiResult.ts'
import { request } from '../api/request.ts'

/** A rating's number and its two reasons. */
export interface HiddenRatingInput {
  readonly value: number
  readonly whatMakesItThisHigh: string
  readonly onePointHigher: string
}

const url = (meetingId: string, scaleId: string) =>
  `/api/meetings/${encodeURIComponent(meetingId)}/ratings/${encodeURIComponent(scaleId)}`

export const ratingsApi = {
  /** `participantId`: whose number it is, when a facilitator records it for someone else (yours when left out). */
  rate: (meetingId: string, scaleId: string, rating: HiddenRatingInput & { readonly participantId?: string }): Promise<ApiResult<{ scaleId: string; rated: boolean }>> =>
    request('PUT', url(meetingId, scaleId), rating),
  mine: (meetingId: string, scaleId: string): Promise<ApiResult<{ rating: HiddenRatingInput | null }>> =>
    request('GET', `${url(meetingId, scaleId)}/mine`),
  setPrivate: (meetingId: string, scaleId: string, isPrivate: boolean): Promise<ApiResult<{ revealed: number }>> =>
    request('PUT', `${url(meetingId, scaleId)}/privacy`, { private: isPrivate }),
  reveal: (meetingId: string, scaleId: string): Promise<ApiResult<{ revealed: number }>> =>
    request('POST', `${url(meetingId, scaleId)}/reveal`),
}
