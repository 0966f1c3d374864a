import { describe, expect, it } from 'vitest'
import { BLANK_RATING, dialogRating, savedPrivateRatingWords } from './dialogRating.ts'

const samsMark = { value: 6, whatMakesItThisHigh: 'Jess called the doctor', onePointHigher: 'School every day' }

describe('dialogRating', () => {
  it('fills in anyone’s number and reasons on a public line', () => {
    expect(dialogRating({ mark: samsMark, rated: false, isPrivate: false, isOwn: false })).toEqual({
      fields: { value: '6', whatMakesItThisHigh: 'Jess called the doctor', onePointHigher: 'School every day' },
      alreadyGiven: false,
    })
  })

  it('never fills in another person’s number or reasons on a private line, and says they have already given one', () => {
    expect(dialogRating({ mark: samsMark, rated: false, isPrivate: true, isOwn: false })).toEqual({ fields: BLANK_RATING, alreadyGiven: true })
    expect(dialogRating({ mark: undefined, rated: true, isPrivate: true, isOwn: false })).toEqual({ fields: BLANK_RATING, alreadyGiven: true })
    expect(dialogRating({ mark: undefined, rated: false, isPrivate: true, isOwn: false })).toEqual({ fields: BLANK_RATING, alreadyGiven: false })
  })

  it('fills in the user’s own number on a private line', () => {
    expect(dialogRating({ mark: samsMark, rated: false, isPrivate: true, isOwn: true }).fields.value).toBe('6')
  })
})

describe('savedPrivateRatingWords', () => {
  const refused = (status: number, messageKey: 'error.ratingPersonCannotRate' | 'error.network') =>
    ({ ok: false, error: { status, code: status === 0 ? 'NETWORK' : 'RATING_PERSON_CANNOT_RATE', messageKey } }) as const
  it('says whose number was saved, and why one was refused, but "try again" when the connection failed', () => {
    expect(savedPrivateRatingWords({ ok: true, value: null }, undefined)).toEqual({ words: 'toolkit.hidden.saved' })
    expect(savedPrivateRatingWords({ ok: true, value: null }, { name: 'Sam' })).toEqual({ words: 'toolkit.hidden.savedFor', name: 'Sam' })
    expect(savedPrivateRatingWords(refused(403, 'error.ratingPersonCannotRate'), { name: 'Sam' })).toEqual({ words: 'error.ratingPersonCannotRate' })
    expect(savedPrivateRatingWords(refused(0, 'error.network'), { name: 'Sam' })).toEqual({ words: 'toolkit.hidden.failed' })
  })
})
