import { describe, expect, it } from 'vitest'
import { parseLabelOverrides } from './labelOverrides.ts'
import { zoneHint, zoneLabel } from './zoneCatalogue.ts'

describe('parseLabelOverrides (MM-28)', () => {
  it('accepts the fixed label keys with en/es label and hint, and headings then use the agency’s words', () => {
    const parsed = parseLabelOverrides({
      danger: { en: { label: 'What we fear could happen' }, es: { label: 'Lo que tememos que pase', hint: 'Una línea.' } },
      'house-worries': { en: { hint: 'Things that worry you.' } },
    })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(zoneLabel('danger', 'en', parsed.overrides)).toBe('What we fear could happen')
    expect(zoneHint('danger', 'en', parsed.overrides)).toBe(zoneHint('danger', 'en'))
    expect(zoneHint('danger', 'es', parsed.overrides)).toBe('Una línea.')
    expect(zoneLabel('house-worries', 'en', parsed.overrides)).toBe('House of worries')
    expect(zoneLabel('harm', 'en', parsed.overrides)).toBe('Harm')
  })

  it('refuses unknown keys, locales and fields, and empty or multi-line text, naming the field path', () => {
    const cases: [unknown, string][] = [
      [[], '(root)'],
      [{ dangers: { en: { label: 'x' } } }, 'dangers: unknown label key'],
      [{ danger: { fr: { label: 'x' } } }, 'danger.fr: unknown locale'],
      [{ danger: { en: { labl: 'x' } } }, 'danger.en.labl: unknown field'],
      [{ danger: { en: { label: '' } } }, 'danger.en.label: expected one line'],
      [{ danger: { en: { label: 'a\nb' } } }, 'danger.en.label: expected one line'],
      [{ danger: 'Danger' }, 'danger: expected an object'],
    ]
    for (const [value, error] of cases) {
      const parsed = parseLabelOverrides(value)
      expect(parsed.ok, JSON.stringify(value)).toBe(false)
      if (!parsed.ok) expect(parsed.error).toContain(error)
    }
  })
})
