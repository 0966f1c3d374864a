import { describe, expect, it } from 'vitest'
import { AUTHOR, NOW, expectAllRecordsValid, newMeetingDoc } from '../test/fixtures.ts'
import { zoneShapeId } from './docLayout.ts'
import { readMap } from './readMap.ts'
import { readRecordMap } from './recordEntries.ts'
import { readScaleEnds, scaleRecordId, setScaleEnds } from './scaleEnds.ts'
import { OVERALL_SCALE_ID } from './SMToolkitShapes.ts'
import { addDangerStatement, writeScalingMark } from './writeToolkit.ts'

const SLOTS = { whoIsWorried: 'Lorna', behaviour: 'Jess stays in bed', situations: '', impactOnChild: 'Kai misses school', whoDisagrees: '' }

describe('scale ends (MM-30)', () => {
  it('stores each scale’s ends on its own record and readMap returns them, marks or not', () => {
    const doc = newMeetingDoc()
    const statement = addDangerStatement(doc, SLOTS, AUTHOR, { now: NOW })
    expect(setScaleEnds(doc, OVERALL_SCALE_ID, { zero: 'Kai cannot stay at home now', ten: ' Everyone is sure Kai is safe ' })).toBe(true)
    expect(setScaleEnds(doc, statement, { zero: '', ten: 'Jess is up every school day' })).toBe(true)
    expect(setScaleEnds(doc, 'shape:gone', { zero: 'a', ten: 'b' })).toBe(false)
    expectAllRecordsValid(doc)

    expect(scaleRecordId(OVERALL_SCALE_ID)).toBe(zoneShapeId('scale'))
    expect(readScaleEnds((readRecordMap(doc).get(statement) as { meta: unknown }).meta)).toEqual({ zero: '', ten: 'Jess is up every school day' })
    expect(readMap(doc).scales).toEqual([
      { scaleId: OVERALL_SCALE_ID, dangerStatementNumber: null, marks: [], ends: { zero: 'Kai cannot stay at home now', ten: 'Everyone is sure Kai is safe' } },
      { scaleId: statement, dangerStatementNumber: 1, marks: [], ends: { zero: '', ten: 'Jess is up every school day' } },
    ])
    writeScalingMark(doc, { scaleId: statement, participant: AUTHOR, value: 5, reasons: { whatMakesItThisHigh: '', onePointHigher: '' } }, { now: NOW })
    expect(readMap(doc).scales[1]).toMatchObject({ ends: { ten: 'Jess is up every school day' }, marks: [expect.objectContaining({ value: 5 })] })
  })

  it('clears the ends and keeps the record’s other meta', () => {
    const doc = newMeetingDoc()
    const statement = addDangerStatement(doc, SLOTS, AUTHOR, { now: NOW, quote: true })
    setScaleEnds(doc, statement, { zero: 'a', ten: 'b' })
    setScaleEnds(doc, statement, null)
    const meta = (readRecordMap(doc).get(statement) as { meta: Record<string, unknown> }).meta
    expect(meta).not.toHaveProperty('scaleEnds')
    expect(meta.quote).toBe(true)
    expect(readMap(doc).scales).toEqual([])
    expect(readScaleEnds({ scaleEnds: { zero: 3, ten: 'x' } })).toBeNull()
  })
})
