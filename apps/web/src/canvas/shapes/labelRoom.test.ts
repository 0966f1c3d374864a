import { describe, expect, it } from 'vitest'
import { labelRoom, presentNameSize } from './labelRoom.ts'

describe('room for a name under a note', () => {
  it('keeps two names on one line apart, and leaves names on other lines and alone free', () => {
    const rows = labelRoom([
      { centre: 100, baseline: 300 },
      { centre: 172, baseline: 301 },
      { centre: 100, baseline: 420 },
      { centre: 400, baseline: 300 },
    ])
    expect(rows).toEqual([66, 66, Infinity, 222])
  })

  it('gives a name alone on the map all the room it needs', () => {
    expect(labelRoom([{ centre: 50, baseline: 10 }])).toEqual([Infinity])
  })

  it('draws a projected name as large as its room lets it be whole, between 11 and 20 px', () => {
    expect(presentNameSize('Ana Ruiz', Infinity)).toBe(20)
    expect(presentNameSize('María José Ortega', 162)).toBe(15)
    expect(presentNameSize('María José Ortega', 46)).toBe(11)
  })
})
