import { beforeAll, describe, expect, it } from 'vitest'
import { disagreementMessage, type DisagreementWho, type Locale } from '@safetymap/map-model'
import { loadCatalogue } from './messages.ts'
import { translate } from './translate.ts'

const say = (locale: Locale, who: DisagreementWho) => {
  const { key, vars } = disagreementMessage(who)
  return translate(locale, key, vars)
}

describe('the words for who disagrees, in both catalogues', () => {
  beforeAll(() => Promise.all([loadCatalogue('en'), loadCatalogue('es')]))

  it('agrees the verb with one person, several, and the reader', () => {
    expect(say('en', { names: ['Jess'] })).toBe('Does not agree: Jess')
    expect(say('en', { names: ['Jess', 'Sam'] })).toBe('Do not agree: Jess, Sam')
    expect(say('en', { names: [], includesYou: true })).toBe('You do not agree')
    expect(say('en', { names: ['Jess'], includesYou: true })).toBe('You and Jess do not agree')
    expect(say('es', { names: ['Jess'] })).toBe('No está de acuerdo: Jess')
    expect(say('es', { names: ['Jess', 'Sam'] })).toBe('No están de acuerdo: Jess, Sam')
    expect(say('es', { names: [], includesYou: true })).toBe('Usted no está de acuerdo')
    expect(say('es', { names: ['Jess'], includesYou: true })).toBe('Usted y Jess no están de acuerdo')
  })

  it('counts when names are hidden for a projector', () => {
    expect(say('en', { count: 1 })).toBe('1 person does not agree')
    expect(say('en', { count: 3 })).toBe('3 do not agree')
    expect(say('es', { count: 1 })).toBe('1 persona no está de acuerdo')
    expect(say('es', { count: 2 })).toBe('2 no están de acuerdo')
  })
})
