import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { AUTHOR, NOW, expectAllRecordsValid, newMeetingDoc, syncOneWay } from '../test/fixtures.ts'
import { addTemplateItem } from './addItem.ts'
import { linkParticipant, recordParentConsent, renameTemplateZone } from './childTools.ts'
import { placedZoneId, placeTemplate, safetyHousePathScaleId } from './placeTemplate.ts'
import { readMap } from './readMap.ts'
import { readZones } from './readZones.ts'
import { setScaleEnds } from './scaleEnds.ts'
import { OVERALL_SCALE_ID } from './SMToolkitShapes.ts'
import { writeScalingMark } from './writeToolkit.ts'

const KAI = { id: 'participant-kai', name: 'Kai' } as const
const LATER = new Date('2026-11-25T10:30:00.000Z')

describe('Three Houses: the child’s names and the parent’s consent (MM-31)', () => {
  it('records the parent’s consent when the facilitator places the houses, and readMap returns it', () => {
    const doc = newMeetingDoc()
    const { placementId } = placeTemplate(doc, 'three-houses', { placementId: 'h1', parentConsent: { givenBy: 'Jess, Kai’s mum', recordedBy: AUTHOR, at: NOW } })
    expectAllRecordsValid(doc)
    const consent = { givenBy: 'Jess, Kai’s mum', recordedById: AUTHOR.id, recordedByName: AUTHOR.name, at: NOW.toISOString() }
    expect(readMap(doc).templates.find((t) => t.placementId === placementId)?.parentConsent).toEqual(consent)

    const later = placeTemplate(doc, 'three-houses', { placementId: 'h2' })
    expect(readMap(doc).templates.find((t) => t.placementId === 'h2')?.parentConsent).toBeNull()
    expect(recordParentConsent(doc, later.placementId, { givenBy: 'Sam, Kai’s dad', recordedBy: AUTHOR, at: LATER })).toBe(true)
    expect(readMap(doc).templates.find((t) => t.placementId === 'h2')?.parentConsent).toMatchObject({ givenBy: 'Sam, Kai’s dad', at: LATER.toISOString() })
    expect(recordParentConsent(doc, 'nope', { givenBy: 'x', recordedBy: AUTHOR, at: NOW })).toBe(false)
    expectAllRecordsValid(doc)
  })

  it('lets the child rename a house: the heading is their words verbatim, the key and the items stay', () => {
    const doc = newMeetingDoc()
    placeTemplate(doc, 'three-houses', { placementId: 'h1' })
    const item = addTemplateItem(doc, 'h1', 'house-worries', 'when dad shouts', KAI, { now: NOW, childAgreed: true })
    const words = '  the house of Sad things!! '
    expect(renameTemplateZone(doc, 'h1', 'house-worries', words)).toBe(true)
    expectAllRecordsValid(doc)
    const houses = readMap(doc).templates[0]!
    expect(houses.headings).toEqual({ 'house-worries': words })
    expect(houses.sections['house-worries']?.map((i) => i.id)).toEqual([item])
    expect(readZones(doc).find((z) => z.id === placedZoneId('h1', 'house-worries'))?.key).toBe('house-worries')
    expect(renameTemplateZone(doc, 'h1', 'house-worries', '   ')).toBe(true)
    expect(readMap(doc).templates[0]!.headings).toEqual({})
    expect(renameTemplateZone(doc, 'h1', 'danger', 'x')).toBe(false)
  })

  it('keeps a rename and a consent made at the same time on different houses', () => {
    const a = newMeetingDoc()
    placeTemplate(a, 'three-houses', { placementId: 'h1' })
    const b = new Y.Doc()
    syncOneWay(a, b)
    renameTemplateZone(a, 'h1', 'house-good-things', 'my happy house')
    renameTemplateZone(b, 'h1', 'house-hopes-dreams', 'dream house')
    syncOneWay(a, b)
    syncOneWay(b, a)
    for (const doc of [a, b]) expect(readMap(doc).templates[0]!.headings).toEqual({ 'house-good-things': 'my happy house', 'house-hopes-dreams': 'dream house' })
  })
})

describe('Safety House: the path to the door is the child’s scale (MM-32)', () => {
  it('places the child’s mark on the path, keeps their words verbatim, and reads it on the Safety House, not the map', () => {
    const doc = newMeetingDoc()
    const { placementId } = placeTemplate(doc, 'safety-house', { placementId: 's1' })
    const scaleId = safetyHousePathScaleId(placementId)
    const words = 'I feel safe when Nana is there, not when the door is locked'
    const mark = writeScalingMark(doc, { scaleId, participant: KAI, value: 7, reasons: { whatMakesItThisHigh: words, onePointHigher: '' } }, { now: NOW })
    writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: AUTHOR, value: 4, reasons: { whatMakesItThisHigh: '', onePointHigher: '' } }, { now: NOW })
    expect(setScaleEnds(doc, scaleId, { zero: 'very scared', ten: 'totally safe' })).toBe(true)
    expectAllRecordsValid(doc)

    const map = readMap(doc)
    const house = map.templates.find((t) => t.placementId === placementId)!
    expect(house.path).toMatchObject({ scaleId, ends: { zero: 'very scared', ten: 'totally safe' } })
    expect(house.path?.marks).toEqual([expect.objectContaining({ id: mark, participantId: KAI.id, value: 7, whatMakesItThisHigh: words })])
    expect(map.scales.map((s) => s.scaleId)).toEqual([OVERALL_SCALE_ID])

    // 7 of 10 sits right of the middle of the path, inside the path zone.
    const path = readZones(doc).find((z) => z.id === scaleId)!
    const record = doc.getArray<{ key: string; val: { x: number; y: number } }>('records').toArray().find((e) => e.key === mark)!.val
    expect(record.x).toBeGreaterThan(path.x + path.w / 2)
    expect(record.y).toBeGreaterThanOrEqual(path.y)
    expect(record.y).toBeLessThan(path.y + path.h)
  })

  it('reads an empty path for a Safety House nobody has marked yet', () => {
    const doc = newMeetingDoc()
    placeTemplate(doc, 'safety-house', { placementId: 's1' })
    expect(readMap(doc).templates[0]!.path).toEqual({ scaleId: safetyHousePathScaleId('s1'), dangerStatementNumber: null, marks: [] })
  })
})

describe('Circles of safety and support: people linked to the roster (MM-33)', () => {
  it('returns every person’s ring, innermost first, with the linked participant', () => {
    const doc = newMeetingDoc()
    placeTemplate(doc, 'circles', { placementId: 'c1' })
    const lorna = addTemplateItem(doc, 'c1', 'circle-close', 'Grandma Lorna', AUTHOR, { now: NOW })
    const coach = addTemplateItem(doc, 'c1', 'circle-outer', 'Football coach', AUTHOR, { now: NOW })
    const kai = addTemplateItem(doc, 'c1', 'circle-family', 'Kai', AUTHOR, { now: NOW })
    expect(linkParticipant(doc, lorna, 'participant-lorna')).toBe(true)
    expect(linkParticipant(doc, kai, KAI.id)).toBe(true)
    expect(linkParticipant(doc, 'shape:zone-harm', 'x')).toBe(false)
    expectAllRecordsValid(doc)
    expect(readMap(doc).templates[0]!.people).toEqual([
      { itemId: kai, name: 'Kai', participantId: KAI.id, ring: 'circle-family' },
      { itemId: lorna, name: 'Grandma Lorna', participantId: 'participant-lorna', ring: 'circle-close' },
      { itemId: coach, name: 'Football coach', participantId: null, ring: 'circle-outer' },
    ])
    linkParticipant(doc, kai, null)
    expect(readMap(doc).templates[0]!.people?.[0]).toMatchObject({ itemId: kai, participantId: null })
    expect(readMap(doc).templates[0]!.sections['circle-family']?.[0]).not.toHaveProperty('participantId')
  })

  it('follows a token dragged to another ring', () => {
    const doc = newMeetingDoc()
    const { at } = placeTemplate(doc, 'circles', { placementId: 'c1' })
    const lorna = addTemplateItem(doc, 'c1', 'circle-outer', 'Grandma Lorna', AUTHOR, { now: NOW })
    linkParticipant(doc, lorna, 'participant-lorna')
    const records = doc.getArray<{ key: string; val: Record<string, unknown> }>('records')
    const entry = records.toArray().findIndex((e) => e.key === lorna)
    const moved = { ...records.get(entry).val, x: at.x + 950 - 100, y: at.y + 950 - 100 }
    doc.transact(() => {
      records.delete(entry, 1)
      records.push([{ key: lorna, val: moved }])
    })
    expect(readMap(doc).templates[0]!.people).toEqual([{ itemId: lorna, name: 'Grandma Lorna', participantId: 'participant-lorna', ring: 'circle-family' }])
  })
})
