import { describe, expect, it } from 'vitest'
import enList from './plainLanguage.en.json' with { type: 'json' }
import esList from './plainLanguage.es.json' with { type: 'json' }
import { checkPlainLanguage, PLAIN_LANGUAGE_KINDS } from './plainLanguage.ts'

describe('checkPlainLanguage (MM-19)', () => {
  it('flags a label and a diagnosis in the guide’s weak statement, with a short suggestion', () => {
    const text = 'Jess is neglectful and has mental health problems.'
    const findings = checkPlainLanguage(text, 'en')
    expect(findings.map((f) => [f.term, f.kind])).toEqual([
      ['neglectful', 'label'],
      ['mental health problems', 'label'],
    ])
    expect(findings[0]!.suggestion).toBe('This is a label. Describe what the person does and how it affects the child.')
    expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe('neglectful')
  })

  it('prefers the longest term, matches any case for words and exact case for acronyms', () => {
    const findings = checkPlainLanguage('Worried about Substance Abuse and DV; dv is fine lower-case.', 'en')
    expect(findings.map((f) => f.term)).toEqual(['Substance Abuse', 'DV'])
    expect(findings[1]!.kind).toBe('acronym')
  })

  it('flags unknown acronyms but not words written in capitals throughout or allowed ones', () => {
    expect(checkPlainLanguage('The FFA plan is OK with I and TV.', 'en').map((f) => f.term)).toEqual(['FFA'])
    expect(checkPlainLanguage('KAI IS HAPPY AT SCHOOL', 'en')).toEqual([])
  })

  it('matches whole words only', () => {
    expect(checkPlainLanguage('Lorna neglects nothing; the abusers', 'en')).toEqual([])
  })

  it('checks Spanish with Spanish suggestions (usted) and accented words', () => {
    const findings = checkPlainLanguage('Hay negligencia y violencia doméstica; tiene depresión.', 'es')
    expect(findings.map((f) => [f.term, f.kind])).toEqual([
      ['negligencia', 'label'],
      ['violencia doméstica', 'label'],
      ['depresión', 'diagnosis'],
    ])
    expect(findings[0]!.suggestion).toMatch(/^Esto es una etiqueta\. Describa lo que hace la persona/)
  })

  it('returns nothing for a plain, behaviour-based statement', () => {
    expect(
      checkPlainLanguage('Grandma Lorna is worried that on low days Jess stays in bed and Kai misses breakfast.', 'en'),
    ).toEqual([])
  })

  it('reads its word lists from data files with a suggestion for every kind', () => {
    for (const list of [enList, esList]) {
      expect(list.terms.length).toBeGreaterThan(20)
      for (const kind of PLAIN_LANGUAGE_KINDS) expect(list.suggestions[kind], kind).toBeTruthy()
      for (const { kind } of list.terms) expect(PLAIN_LANGUAGE_KINDS).toContain(kind)
    }
  })
})
