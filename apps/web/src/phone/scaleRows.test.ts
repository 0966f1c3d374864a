import type { MapDangerStatement, MapScale, MapScalingMark } from '@safetymap/map-model'
import { describe, expect, it } from 'vitest'
import { ownStart, scaleRows } from './scaleRows.ts'

const statement = (id: string, number: number): MapDangerStatement => ({
  id,
  number,
  slots: { whoIsWorried: 'Ana', behaviour: 'b', situations: '', impactOnChild: '', whoDisagrees: '' },
  sentence: 'Ana is worried.',
  authorId: 'w1',
  authorName: 'Ana',
  createdAt: '',
  quote: false,
})
const mark = (scaleId: string, participantId: string, value: number): MapScalingMark => ({
  id: `shape:mark-${scaleId}-${participantId}`,
  participantId,
  participantName: participantId,
  value,
  whatMakesItThisHigh: '',
  onePointHigher: '',
  createdAt: '',
})

describe('scaleRows', () => {
  it('lists the overall line first, then every statement even before anyone rated it', () => {
    const rows = scaleRows({ dangerStatements: [statement('shape:s1', 1), statement('shape:s2', 2)], scales: [] }, 'p1')
    expect(rows.map((r) => [r.scaleId, r.statement?.number ?? null, r.marks.length, r.own])).toEqual([
      ['overall', null, 0, null],
      ['shape:s1', 1, 0, null],
      ['shape:s2', 2, 0, null],
    ])
  })

  it('picks out the person’s own mark and keeps everyone else’s', () => {
    const scales: MapScale[] = [{ scaleId: 'overall', dangerStatementNumber: null, marks: [mark('overall', 'p1', 4), mark('overall', 'p2', 7)] }]
    const [overall] = scaleRows({ dangerStatements: [], scales }, 'p2')
    expect(overall?.marks).toHaveLength(2)
    expect(overall?.own?.value).toBe(7)
  })

  it('gives a private line who has rated it, never numbers, and says whether the person has', () => {
    const hiddenScales = [{ scaleId: 'overall', rated: [{ id: 'shape:rated-overall-p1', participantId: 'p1', participantName: 'Ana' }] }]
    const [overall, worry] = scaleRows({ dangerStatements: [statement('shape:s1', 1)], scales: [], hiddenScales }, 'p1')
    expect(overall?.hidden?.map((r) => r.participantName)).toEqual(['Ana'])
    expect(overall?.ownRated).toBe(true)
    expect(worry?.hidden).toBeNull()
    expect(scaleRows({ dangerStatements: [], scales: [], hiddenScales }, 'p2')[0]?.ownRated).toBe(false)
  })

  it('starts her form on a private line from the number she gave in the open before it went private, unless her phone or the server keeps a newer one', () => {
    const scales: MapScale[] = [{ scaleId: 'overall', dangerStatementNumber: null, marks: [mark('overall', 'p1', 4), mark('overall', 'p2', 7)] }]
    // Both numbers were given in the open (MM-24 counts them as rated); p2's mark is hers.
    const hiddenScales = [{ scaleId: 'overall', rated: scales[0]!.marks.map(({ id, participantId, participantName }) => ({ id, participantId, participantName })) }]
    const [line] = scaleRows({ dangerStatements: [], scales, hiddenScales }, 'p2')
    expect(ownStart(line!, null)?.value).toBe(7)
    expect(ownStart(line!, mark('overall', 'p2', 9))?.value).toBe(9)
    const [publicLine] = scaleRows({ dangerStatements: [], scales }, 'p2')
    expect(ownStart(publicLine!, null)?.value).toBe(7)
  })

  it('keeps marks on a statement that is gone, as an orphan line after the others', () => {
    const scales: MapScale[] = [{ scaleId: 'shape:gone', dangerStatementNumber: null, marks: [mark('shape:gone', 'p1', 3)] }]
    const rows = scaleRows({ dangerStatements: [statement('shape:s1', 1)], scales }, 'p1')
    expect(rows.map((r) => [r.scaleId, r.orphan])).toEqual([
      ['overall', false],
      ['shape:s1', false],
      ['shape:gone', true],
    ])
    expect(rows[2]?.own?.value).toBe(3)
  })
})
