import { describe, expect, it } from 'vitest'
import { shownNumber } from './shownNumber.ts'

describe('shownNumber', () => {
  it('hides a number given in the open once its line is private, and shows it again when the line is public after the reveal', () => {
    const mark = { scaleId: 'shape:worry-1', value: 6 }
    expect(shownNumber(mark, [])).toBe(6)
    expect(shownNumber(mark, ['overall', 'shape:worry-1'])).toBeNull()
    expect(shownNumber(mark, ['overall'])).toBe(6)
  })
})
