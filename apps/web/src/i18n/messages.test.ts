import { beforeAll, describe, expect, it } from 'vitest'
import { en } from './catalogues/en.ts'
import { enBoard } from './catalogues/enBoard.ts'
import { es } from './catalogues/es.ts'
import { esBoard } from './catalogues/esBoard.ts'
import { loadBoardWords, loadCatalogue } from './messages.ts'
import { translate } from './translate.ts'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()

describe('message catalogue', () => {
  const parts: [string, Record<string, string>, Record<string, string>][] = [
    ['list', en, es],
    ['board', enBoard, esBoard],
  ]

  for (const [part, english, spanish] of parts) {
    it(`has a non-empty Spanish text for every English key, with the same placeholders, and no other keys (${part})`, () => {
      const keys = Object.keys(english)
      for (const key of keys) {
        expect(spanish[key], key).toBeTruthy()
        expect(placeholders(spanish[key]!), key).toEqual(placeholders(english[key]!))
      }
      expect(Object.keys(spanish).sort()).toEqual([...keys].sort())
    })

    it(`has no empty English text (${part})`, () => {
      for (const key of Object.keys(english)) expect(english[key], key).toBeTruthy()
    })
  }

  it('keeps the board\'s words apart from the list\'s', () => {
    expect(Object.keys(en).filter((key) => key in enBoard)).toEqual([])
  })

  it('shows the key itself before any catalogue is downloaded, then the text; the board\'s words once asked for', async () => {
    expect(translate('es', 'join.submit')).toBe('join.submit')
    await loadCatalogue('en')
    // English stands in while the Spanish one downloads.
    expect(translate('es', 'join.submit')).toBe(en['join.submit'])
    // The list view, the invite page and the lobby never download the board's words.
    expect(translate('en', 'home.greeting', { name: 'Lorna' })).toBe('home.greeting')
    await loadBoardWords()
    expect(translate('en', 'home.greeting', { name: 'Lorna' })).toBe('Hello, Lorna')
  })

  describe('once downloaded', () => {
    beforeAll(() => Promise.all([loadBoardWords(), loadCatalogue('en'), loadCatalogue('es')]))

    it('fills placeholders and leaves unknown ones visible', () => {
      expect(translate('en', 'home.greeting', { name: 'Lorna' })).toBe('Hello, Lorna')
      expect(translate('es', 'home.greeting', { name: 'Lorna' })).toBe('Hola, Lorna')
      expect(translate('en', 'home.greeting')).toBe('Hello, {name}')
    })
  })
})
