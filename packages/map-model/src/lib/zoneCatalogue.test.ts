import { describe, expect, it } from 'vitest'
import { zoneHint, zoneLabel } from './zoneCatalogue.ts'
import { COLUMN_KEYS, LOCALES, SECTION_KEYS, ZONE_KEYS, columnOf } from './zoneKeys.ts'

describe('zone catalogue', () => {
  it('gives every zone key a heading and a one-line hint in every locale (MM-5)', () => {
    for (const key of ZONE_KEYS) {
      for (const locale of LOCALES) {
        expect(zoneLabel(key, locale).trim(), `${key} ${locale} label`).not.toBe('')
        expect(zoneHint(key, locale).trim(), `${key} ${locale} hint`).not.toBe('')
        expect(zoneHint(key, locale), `${key} ${locale} hint is one line`).not.toMatch(/\n/)
      }
    }
  })

  it('has distinct headings within each locale, so no two zones read the same (MM-5)', () => {
    for (const locale of LOCALES) {
      const labels = ZONE_KEYS.map((key) => zoneLabel(key, locale))
      expect(new Set(labels).size).toBe(ZONE_KEYS.length)
    }
  })

  it('translates every heading and hint into Spanish rather than repeating the English (MM-5)', () => {
    for (const key of ZONE_KEYS) {
      expect(zoneLabel(key, 'es')).not.toBe(zoneLabel(key, 'en'))
      expect(zoneHint(key, 'es')).not.toBe(zoneHint(key, 'en'))
    }
  })

  it('asks the three questions of the practice as column headings (MM-5)', () => {
    expect(COLUMN_KEYS.map((key) => zoneLabel(key, 'en'))).toEqual([
      'What are we worried about?',
      'What’s working well?',
      'What needs to happen?',
    ])
    expect(COLUMN_KEYS.map((key) => zoneLabel(key, 'es'))).toEqual([
      '¿Qué nos preocupa?',
      '¿Qué está funcionando bien?',
      '¿Qué tiene que pasar?',
    ])
  })

  it('names the sections with the practice’s words (MM-5)', () => {
    expect(SECTION_KEYS.map((key) => zoneLabel(key, 'en'))).toEqual([
      'Harm',
      'Danger statements',
      'Complicating factors',
      'Strengths',
      'Existing safety',
      'Safety goals',
      'Next steps',
      'How safe are things? (0–10)',
    ])
    expect(zoneHint('danger', 'en')).toBe('What could happen to the child if nothing changes?')
  })

  it('writes Spanish questions with opening marks and the scale with its 0–10 range (MM-5)', () => {
    for (const key of ZONE_KEYS) {
      for (const text of [zoneLabel(key, 'es'), zoneHint(key, 'es')]) {
        if (text.includes('?')) expect(text, key).toContain('¿')
      }
    }
    expect(zoneLabel('scale', 'es')).toContain('(0–10)')
  })
})

describe('columnOf', () => {
  it('puts each section in its column and the rating band in none (MM-5)', () => {
    expect(Object.fromEntries(SECTION_KEYS.map((s) => [s, columnOf(s)]))).toEqual({
      harm: 'worries',
      danger: 'worries',
      complicating: 'worries',
      strengths: 'working-well',
      safety: 'working-well',
      goals: 'needs',
      'next-steps': 'needs',
      scale: null,
    })
  })
})
