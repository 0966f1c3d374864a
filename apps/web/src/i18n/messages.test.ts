import { beforeAll, describe, expect, it } from 'vitest'
import { en } from './catalogues/en.ts'
import { es } from './catalogues/es.ts'
import { loadCatalogue, type MessageKey } from './messages.ts'
import { translate } from './translate.ts'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()

describe('message catalogue', () => {
  const keys = Object.keys(en) as MessageKey[]

  it('has a non-empty Spanish text for every English key, with the same placeholders, and no other keys', () => {
    for (const key of keys) {
      expect(es[key], key).toBeTruthy()
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]))
    }
    expect(Object.keys(es).sort()).toEqual([...keys].sort())
  })

  it('has no empty English text', () => {
    for (const key of keys) expect(en[key], key).toBeTruthy()
  })

  it('shows the key itself before any catalogue is downloaded, then the text', async () => {
    expect(translate('es', 'home.greeting', { name: 'Lorna' })).toBe('home.greeting')
    await loadCatalogue('en')
    // English stands in while the Spanish one downloads.
    expect(translate('es', 'home.greeting', { name: 'Lorna' })).toBe('Hello, Lorna')
  })

  describe('once downloaded', () => {
    beforeAll(() => Promise.all([loadCatalogue('en'), loadCatalogue('es')]))

    it('fills placeholders and leaves unknown ones visible', () => {
      expect(translate('en', 'home.greeting', { name: 'Lorna' })).toBe('Hello, Lorna')
      expect(translate('es', 'home.greeting', { name: 'Lorna' })).toBe('Hola, Lorna')
      expect(translate('en', 'home.greeting')).toBe('Hello, {name}')
    })
  })
})
