import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { AUTHOR, NOW, expectAllRecordsValid, newMeetingDoc, noteRecord, openKeyValue } from '../test/fixtures.ts'
import { addItem } from './addItem.ts'
import {
  RATED_MARKER_SHAPE_TYPE,
  isScaleId,
  ratedMarkerId,
  readHiddenScales,
  readPrivateScales,
  revealRatings,
  setScalePrivate,
  writeRatedMarker,
} from './hiddenRatings.ts'
import { readMap } from './readMap.ts'
import { readRecordMap } from './recordEntries.ts'
import { OVERALL_SCALE_ID, scalingMarkId } from './SMToolkitShapes.ts'
import { addDangerStatement, writeScalingMark } from './writeToolkit.ts'

const LORNA = { id: 'participant-lorna', name: 'Lorna' } as const
const SAM = { id: 'participant-sam', name: 'Sam' } as const
const REASONS = { whatMakesItThisHigh: 'Lorna comes every morning', onePointHigher: 'Sam joins the group chat' }

describe('hidden-until-reveal scales (MM-22 … MM-24)', () => {
  it('marks a scale private in meta, idempotently, and public again', () => {
    const doc = newMeetingDoc()
    setScalePrivate(doc, OVERALL_SCALE_ID, true)
    setScalePrivate(doc, OVERALL_SCALE_ID, true)
    setScalePrivate(doc, 'shape:abc', true)
    expect(readPrivateScales(doc)).toEqual([OVERALL_SCALE_ID, 'shape:abc'])
    setScalePrivate(doc, OVERALL_SCALE_ID, false)
    expect(readPrivateScales(doc)).toEqual(['shape:abc'])
    expect(isScaleId('overall')).toBe(true)
    expect(isScaleId('shape:x_1-2')).toBe(true)
    expect(isScaleId('shape:')).toBe(false)
    expect(isScaleId('nonsense')).toBe(false)
  })

  it('writes schema-valid markers holding who and which scale, never a value, one per person', () => {
    const doc = newMeetingDoc()
    setScalePrivate(doc, OVERALL_SCALE_ID, true)
    writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: LORNA, value: 3, reasons: REASONS }, { now: NOW })
    writeRatedMarker(doc, { scaleId: OVERALL_SCALE_ID, participant: LORNA }, { now: NOW })
    writeRatedMarker(doc, { scaleId: OVERALL_SCALE_ID, participant: LORNA }, { now: NOW })
    writeRatedMarker(doc, { scaleId: OVERALL_SCALE_ID, participant: SAM }, { now: NOW })
    expectAllRecordsValid(doc)
    const marker = readRecordMap(doc).get(ratedMarkerId(OVERALL_SCALE_ID, LORNA.id)) as { type: string; props: Record<string, unknown> }
    expect(marker.type).toBe(RATED_MARKER_SHAPE_TYPE)
    expect(Object.keys(marker.props).sort()).toEqual(['participantId', 'participantName', 'scaleId'])
    // Lorna's earlier public mark gives way to her marker.
    expect(readRecordMap(doc).has(scalingMarkId(OVERALL_SCALE_ID, LORNA.id))).toBe(false)
    expect(readMap(doc).scales).toEqual([])
    expect(readMap(doc).hiddenScales).toEqual([
      {
        scaleId: OVERALL_SCALE_ID,
        rated: [
          { id: ratedMarkerId(OVERALL_SCALE_ID, LORNA.id), participantId: LORNA.id, participantName: 'Lorna' },
          { id: ratedMarkerId(OVERALL_SCALE_ID, SAM.id), participantId: SAM.id, participantName: 'Sam' },
        ],
      },
    ])
    expect(new TextDecoder().decode(Y.encodeStateAsUpdate(doc))).not.toContain('Lorna comes every morning')
  })

  it('counts a number given in the open before the scale went private as rated, once per person, until the reveal shows it', () => {
    const doc = newMeetingDoc()
    writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: SAM, value: 5, reasons: REASONS }, { now: NOW })
    setScalePrivate(doc, OVERALL_SCALE_ID, true)
    expect(readHiddenScales(doc)).toEqual([
      { scaleId: OVERALL_SCALE_ID, rated: [{ id: scalingMarkId(OVERALL_SCALE_ID, SAM.id), participantId: SAM.id, participantName: 'Sam' }] },
    ])
    writeRatedMarker(doc, { scaleId: OVERALL_SCALE_ID, participant: LORNA }, { now: NOW })
    expect(readHiddenScales(doc)[0]!.rated.map((r) => r.participantName)).toEqual(['Lorna', 'Sam'])
    revealRatings(doc, OVERALL_SCALE_ID, [{ scaleId: OVERALL_SCALE_ID, participant: LORNA, value: 7, reasons: REASONS }], { now: NOW })
    expect(readMap(doc).scales[0]!.marks.map((m) => [m.participantName, m.value])).toEqual([['Lorna', 7], ['Sam', 5]])
  })

  it('reveals every mark at once, removes the markers and makes the scale public', () => {
    const doc = newMeetingDoc()
    const statement = addDangerStatement(doc, { whoIsWorried: 'Lorna', behaviour: 'Jess sleeps', situations: '', impactOnChild: 'Kai misses school', whoDisagrees: '' }, AUTHOR, { now: NOW })
    setScalePrivate(doc, statement, true)
    writeRatedMarker(doc, { scaleId: statement, participant: LORNA }, { now: NOW })
    writeRatedMarker(doc, { scaleId: statement, participant: SAM }, { now: NOW })
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    const ids = revealRatings(doc, statement, [
      { scaleId: statement, participant: LORNA, value: 6, reasons: REASONS },
      { scaleId: statement, participant: SAM, value: 4.5, reasons: { whatMakesItThisHigh: '', onePointHigher: '' } },
      { scaleId: OVERALL_SCALE_ID, participant: SAM, value: 9, reasons: REASONS },
    ], { now: NOW })
    expect(updates).toHaveLength(1)
    expect(ids).toHaveLength(2)
    expectAllRecordsValid(doc)
    const map = readMap(doc)
    expect(map.hiddenScales).toEqual([])
    expect(map.scales.map((s) => [s.scaleId, s.marks.map((m) => [m.participantName, m.value])])).toEqual([[statement, [['Lorna', 6], ['Sam', 4.5]]]])
    expect([...readRecordMap(doc).values()].some((r) => (r as { type?: string }).type === RATED_MARKER_SHAPE_TYPE)).toBe(false)
  })
})
