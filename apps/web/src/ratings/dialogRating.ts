/**
 * What the board's rating dialog may fill in for a person on a line (map-model MM-22 … MM-24).
 * On a public line, the number and reasons they already gave, so they can be changed. On a line
 * private until the reveal, only the user's own: the board is often projected, and a facilitator
 * who records a number for someone at her side (a grandmother, a child) must not put that
 * person's earlier number on the wall. The dialog then starts empty and only says the person has
 * already given one.
 *
 *   dialogRating({ mark: shape?.props, rated: false, isPrivate, isOwn: participantId === user.id })
 *   // { fields: { value: '6', whatMakesItThisHigh: '…', onePointHigher: '' }, alreadyGiven: false }
 *   savedPrivateRatingWords(result, person) // what the board says once the server answered
 */
import type { ApiResult } from '../api/ApiResult.ts'
import type { MessageKey } from '../i18n/messages.ts'

/** The dialog's number and reasons, as its fields hold them. */
export interface RatingFields {
  readonly value: string
  readonly whatMakesItThisHigh: string
  readonly onePointHigher: string
}

/** A blank rating: nothing given yet, or nothing this dialog may show. */
export const BLANK_RATING: RatingFields = { value: '', whatMakesItThisHigh: '', onePointHigher: '' }

/** What the dialog fills in, and whether to say the person has already given a number it keeps hidden. */
export function dialogRating(options: {
  /** The props of the person's mark on the line (map-model MM-17), if any. */
  readonly mark: Readonly<Record<string, unknown>> | undefined
  /** Whether the person has a "has rated" marker on the line (MM-23): a private rating the doc does not hold. */
  readonly rated: boolean
  readonly isPrivate: boolean
  /** Whether the person is the one at this browser. */
  readonly isOwn: boolean
}): { readonly fields: RatingFields; readonly alreadyGiven: boolean } {
  const { mark, rated, isPrivate, isOwn } = options
  if (isPrivate && !isOwn) return { fields: BLANK_RATING, alreadyGiven: mark !== undefined || rated }
  return {
    fields: {
      value: typeof mark?.value === 'number' ? String(mark.value) : '',
      whatMakesItThisHigh: typeof mark?.whatMakesItThisHigh === 'string' ? mark.whatMakesItThisHigh : '',
      onePointHigher: typeof mark?.onePointHigher === 'string' ? mark.onePointHigher : '',
    },
    alreadyGiven: false,
  }
}

/**
 * What the board says after sending a private number: whose number was saved, or why it was
 * refused (the person is no longer in the meeting, …); a lost connection keeps "try again".
 */
export function savedPrivateRatingWords(result: ApiResult<unknown>, person: { readonly name: string } | undefined): { readonly words: MessageKey; readonly name?: string } {
  if (result.ok) return person ? { words: 'toolkit.hidden.savedFor', name: person.name } : { words: 'toolkit.hidden.saved' }
  return { words: result.error.status >= 400 && result.error.status < 500 ? result.error.messageKey : 'toolkit.hidden.failed' }
}
