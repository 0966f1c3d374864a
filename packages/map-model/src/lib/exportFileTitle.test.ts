import { describe, expect, it } from 'vitest'
import { exportFileTitle } from './exportFileTitle.ts'

describe('the title in an export’s file name', () => {
  it('drops accents and punctuation, and cuts a long title between words', () => {
    expect(exportFileTitle('Reunión familiar de Lucía Pérez, 12 de mayo')).toBe('Reunion-familiar-de-Lucia-Perez-12-de')
    expect(exportFileTitle('Family meeting for Kai')).toBe('Family-meeting-for-Kai')
  })

  it('cuts one very long word where it must, and names a title of nothing but punctuation "meeting"', () => {
    expect(exportFileTitle('x'.repeat(60))).toBe('x'.repeat(40))
    expect(exportFileTitle('¿?')).toBe('meeting')
  })
})
