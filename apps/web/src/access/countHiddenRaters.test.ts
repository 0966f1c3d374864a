import { describe, expect, it } from 'vitest'
import { countHiddenRaters } from './countHiddenRaters.ts'

const marker = (participantId: string) => ({ id: `shape:rated-${participantId}`, participantId, participantName: participantId })

describe('people with a private rating not shown yet', () => {
  it('counts each person once, across private scales', () => {
    expect(countHiddenRaters([])).toBe(0)
    expect(countHiddenRaters([{ scaleId: 'overall', rated: [] }])).toBe(0)
    expect(
      countHiddenRaters([
        { scaleId: 'overall', rated: [marker('p1'), marker('p2')] },
        { scaleId: 'shape:scale-2', rated: [marker('p2')] },
      ]),
    ).toBe(2)
  })
})
