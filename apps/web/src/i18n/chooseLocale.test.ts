import { describe, expect, it } from 'vitest'
import { chooseLocale, toLocale } from './chooseLocale.ts'

describe('chooseLocale', () => {
  it('prefers the language the user chose on this device', () => {
    expect(chooseLocale({ stored: 'es', preferred: ['en-US'] })).toBe('es')
  })

  it('falls back to the first supported browser language, ignoring regions', () => {
    expect(chooseLocale({ stored: null, preferred: ['fr-FR', 'es-MX', 'en'] })).toBe('es')
  })

  it('ignores a stored value it does not speak', () => {
    expect(chooseLocale({ stored: 'de', preferred: ['en-GB'] })).toBe('en')
  })

  it('uses English when nothing matches', () => {
    expect(chooseLocale({ stored: null, preferred: ['fr', 'zh-CN'] })).toBe('en')
  })

  it('reads region tags and rejects empty values', () => {
    expect(toLocale('ES-us')).toBe('es')
    expect(toLocale('')).toBeNull()
    expect(toLocale(undefined)).toBeNull()
  })
})
