import { describe, expect, it } from 'vitest'
import { newMeetingDoc } from '../test/fixtures.ts'
import { setScalePrivate, writeRatedMarker } from './hiddenRatings.ts'
import { placeTemplate, safetyHousePathScaleId } from './placeTemplate.ts'
import { readMap } from './readMap.ts'
import { setScaleEnds } from './scaleEnds.ts'
import { pathRow, scaleRows } from './scaleRows.ts'
import { addDangerStatement } from './writeToolkit.ts'
import { writeScalingMark } from './writeToolkit.ts'

const KAI = { id: 'participant-kai', name: 'Kai' } as const
const LORNA = { id: 'participant-lorna', name: 'Lorna' } as const

describe('pathRow (MM-32)', () => {
  it('reads a Safety House path as a line: everyone’s marks, the reader’s own picked out', () => {
    const doc = newMeetingDoc()
    const scaleId = safetyHousePathScaleId(placeTemplate(doc, 'safety-house', { placementId: 's1' }).placementId)
    writeScalingMark(doc, { scaleId, participant: KAI, value: 8, reasons: { whatMakesItThisHigh: 'nan is there', onePointHigher: '' } })
    const map = readMap(doc)
    const row = pathRow(map.templates[0]!.path!, map, KAI.id)
    expect(row).toMatchObject({ scaleId, statement: null, orphan: false, hidden: null, ownRated: false })
    expect(row.marks.map((m) => [m.participantName, m.value, m.whatMakesItThisHigh])).toEqual([['Kai', 8, 'nan is there']])
    expect(row.own?.value).toBe(8)
    expect(pathRow(map.templates[0]!.path!, map, LORNA.id).own).toBeNull()
  })

  it('gives a private path who has rated it, never numbers (MM-22)', () => {
    const doc = newMeetingDoc()
    const scaleId = safetyHousePathScaleId(placeTemplate(doc, 'safety-house', { placementId: 's1' }).placementId)
    setScalePrivate(doc, scaleId, true)
    writeRatedMarker(doc, { scaleId, participant: KAI })
    const map = readMap(doc)
    const row = pathRow(map.templates[0]!.path!, map, KAI.id)
    expect(row.marks).toEqual([])
    expect(row.hidden?.map((r) => r.participantName)).toEqual(['Kai'])
    expect(row.ownRated).toBe(true)
    expect(pathRow(map.templates[0]!.path!, map, LORNA.id).ownRated).toBe(false)
  })
})

describe('scaleRows and pathRow carry what 0 and 10 mean (MM-30)', () => {
  it('gives each line the facilitator’s words for its ends, verbatim, and null where none were worded', () => {
    const doc = newMeetingDoc()
    const statementId = addDangerStatement(doc, { whoIsWorried: 'the school', behaviour: 'Jess stays in bed', situations: 'on low days', impactOnChild: 'Kai misses school', whoDisagrees: '' }, KAI)
    const scaleId = safetyHousePathScaleId(placeTemplate(doc, 'safety-house', { placementId: 's1' }).placementId)
    setScaleEnds(doc, 'overall', { zero: 'Kai cannot stay at home now', ten: 'Everyone is sure Kai is safe' })
    setScaleEnds(doc, scaleId, { zero: 'I feel really scared', ten: 'I feel totally safe' })
    const map = readMap(doc)
    const rows = scaleRows(map, KAI.id)
    expect(rows.map((r) => [r.scaleId, r.ends])).toEqual([
      ['overall', { zero: 'Kai cannot stay at home now', ten: 'Everyone is sure Kai is safe' }],
      [statementId, null],
    ])
    expect(pathRow(map.templates[0]!.path!, map, KAI.id).ends).toEqual({ zero: 'I feel really scared', ten: 'I feel totally safe' })
  })
})
