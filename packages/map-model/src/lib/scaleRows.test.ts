import { describe, expect, it } from 'vitest'
import { newMeetingDoc } from '../test/fixtures.ts'
import { setScalePrivate, writeRatedMarker } from './hiddenRatings.ts'
import { placeTemplate, safetyHousePathScaleId } from './placeTemplate.ts'
import { readMap } from './readMap.ts'
import { pathRow } from './scaleRows.ts'
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
