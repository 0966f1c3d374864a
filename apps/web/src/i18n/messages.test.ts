import { describe, expect, it } from 'vitest'
import { messages, type MessageKey } from './messages.ts'
import { translate } from './translate.ts'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()

describe('message catalogue', () => {
  const keys = Object.keys(messages.en) as MessageKey[]

  it('has a non-empty Spanish text for every English key, with the same placeholders', () => {
    for (const key of keys) {
      expect(messages.es[key], key).toBeTruthy()
      expect(placeholders(messages.es[key]), key).toEqual(placeholders(messages.en[key]))
    }
  })

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'home.greeting', { name: 'Lorna' })).toBe('Hello, Lorna')
    expect(translate('es', 'home.greeting', { name: 'Lorna' })).toBe('Hola, Lorna')
    expect(translate('en', 'home.greeting')).toBe('Hello, {name}')
  })
})
