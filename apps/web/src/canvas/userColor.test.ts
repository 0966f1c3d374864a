import { describe, expect, it } from 'vitest'
import { USER_COLORS, userColor } from './userColor.ts'

describe('userColor', () => {
  it('gives the same person the same colour every time', () => {
    expect(userColor('participant-42')).toBe(userColor('participant-42'))
  })

  it('always picks from the palette and spreads people across it', () => {
    const seen = new Set(Array.from({ length: 200 }, (_, i) => userColor(`p-${i}`)))
    for (const color of seen) expect(USER_COLORS).toContain(color)
    expect(seen.size).toBeGreaterThan(USER_COLORS.length / 2)
  })
})
