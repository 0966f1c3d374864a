import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AUTHOR, NOW, SERIALIZED_SCHEMA, expectAllRecordsValid } from '../test/fixtures.ts'
import { addItem, addTemplateItem } from './addItem.ts'
import { zoneShapeId } from './docLayout.ts'
import { readMap } from './readMap.ts'
import { readRecordMap } from './recordEntries.ts'
import { readZones } from './readZones.ts'
import { setScaleEnds } from './scaleEnds.ts'
import { OVERALL_SCALE_ID } from './SMToolkitShapes.ts'
import { isMapVariantId, writeSafetyMapTemplate } from './writeSafetyMapTemplate.ts'
import { MapModelError } from './MapModelError.ts'
import { setUpMeetingDoc } from './setUpMeetingDoc.ts'

const write = (doc: Y.Doc, templateId?: 'three-column' | 'consultation' | 'wellbeing') =>
  writeSafetyMapTemplate(doc, { title: 'Kai', locale: 'en', schema: SERIALIZED_SCHEMA, now: NOW, ...(templateId ? { templateId } : {}) })

describe('the meeting’s own map as a variant (MM-34)', () => {
  it('writes the wellbeing map with the same section keys, its words named on the zones', () => {
    const doc = new Y.Doc()
    write(doc, 'wellbeing')
    expectAllRecordsValid(doc)
    const danger = readZones(doc).find((z) => z.id === zoneShapeId('danger'))
    expect(danger).toMatchObject({ key: 'danger', templateId: 'wellbeing' })
    expect(danger).not.toHaveProperty('placementId')
    addItem(doc, 'danger', 'Kai is hungry at school', AUTHOR, { now: NOW })
    const map = readMap(doc)
    expect(map.sections.danger.map((i) => i.text)).toEqual(['Kai is hungry at school'])
    expect(map.templates).toEqual([])
    expect(map.variant).toBe('wellbeing')
  })

  it('writes the consultation map with its grey area; the grey area reads as a template section, the rest as the map', () => {
    const doc = new Y.Doc()
    write(doc, 'consultation')
    expectAllRecordsValid(doc)
    expect(readZones(doc).find((z) => z.id === zoneShapeId('grey-area'))).toMatchObject({ key: 'grey-area', templateId: 'consultation' })
    addItem(doc, 'harm', 'Kai had a bruise', AUTHOR, { now: NOW })
    addTemplateItem(doc, '', 'grey-area', 'Nobody knows who was home', AUTHOR, { now: NOW })
    const map = readMap(doc)
    expect(map.sections.harm.map((i) => i.text)).toEqual(['Kai had a bruise'])
    expect(map.templates).toHaveLength(1)
    expect(map.templates[0]).toMatchObject({ placementId: '', templateId: 'consultation' })
    expect(Object.keys(map.templates[0]!.sections)).toEqual(['grey-area'])
    expect(map.templates[0]!.sections['grey-area']?.map((i) => i.text)).toEqual(['Nobody knows who was home'])
  })

  it('keeps the variant and what was written on the zones when the doc is set up again', () => {
    const doc = new Y.Doc()
    write(doc, 'wellbeing')
    setScaleEnds(doc, OVERALL_SCALE_ID, { zero: 'not safe now', ten: 'safe enough' })
    const before = readRecordMap(doc)
    write(doc)
    expect(readRecordMap(doc)).toEqual(before)
    expect(readMap(doc).scales[0]?.ends).toEqual({ zero: 'not safe now', ten: 'safe enough' })
    expect(isMapVariantId('three-houses')).toBe(false)
  })
})

describe('setting up a meeting from the chosen template (MM-34)', () => {
  it('writes the three columns and places a child’s template beside them, Three Houses only with consent', () => {
    const base = { title: 'Kai', locale: 'en' as const, schema: SERIALIZED_SCHEMA, now: NOW }
    const houses = new Y.Doc()
    expect(() => setUpMeetingDoc(houses, { ...base, templateId: 'three-houses' })).toThrow(MapModelError)
    setUpMeetingDoc(houses, { ...base, templateId: 'three-houses', parentConsent: { givenBy: 'Jess', recordedBy: AUTHOR, at: NOW } })
    expectAllRecordsValid(houses)
    const map = readMap(houses)
    expect(Object.keys(map.sections)).toContain('danger')
    expect(map.templates.map((t) => [t.templateId, t.parentConsent?.givenBy])).toEqual([['three-houses', 'Jess']])

    const wellbeing = new Y.Doc()
    setUpMeetingDoc(wellbeing, { ...base, templateId: 'wellbeing' })
    expect(readZones(wellbeing).find((z) => z.id === zoneShapeId('goals'))?.templateId).toBe('wellbeing')
    expect(readMap(wellbeing).templates).toEqual([])
    const plain = new Y.Doc()
    setUpMeetingDoc(plain, base)
    expect(readZones(plain).every((z) => z.templateId === undefined)).toBe(true)
  })
})
