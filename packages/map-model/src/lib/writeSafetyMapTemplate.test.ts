import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  AUTHOR,
  NOW,
  SERIALIZED_SCHEMA,
  expectAllRecordsValid,
  newMeetingDoc,
  noteRecord,
  openKeyValue,
  syncOneWay,
} from '../test/fixtures.ts'
import { addItem } from './addItem.ts'
import { META_MAP_NAME, zoneShapeId } from './docLayout.ts'
import { readMap } from './readMap.ts'
import { readMeta } from './readMeta.ts'
import { MAP_MODEL_ORIGIN, getRecordsArray, readRecordMap, writeRecords } from './recordEntries.ts'
import { safetyMapTemplate } from './safetyMapTemplate.ts'
import { writeSafetyMapTemplate } from './writeSafetyMapTemplate.ts'

const OPTIONS = { title: 'Kai family meeting', locale: 'es', schema: SERIALIZED_SCHEMA, now: NOW } as const

describe('writeSafetyMapTemplate', () => {
  it('writes the meeting meta: schema, template version, title, locale, status live (MM-2)', () => {
    const doc = newMeetingDoc({ title: 'Kai family meeting', locale: 'es' })
    expect(readMeta(doc)).toEqual({
      schema: SERIALIZED_SCHEMA,
      templateVersion: safetyMapTemplate.version,
      title: 'Kai family meeting',
      locale: 'es',
      status: 'live',
      createdAt: NOW.toISOString(),
    })
  })

  it('writes records that all pass tldraw’s validators for the meeting schema (MM-13)', () => {
    const doc = newMeetingDoc()
    expect(expectAllRecordsValid(doc)).toBe(2 + safetyMapTemplate.zones.length)
  })

  it('writes tldraw’s deterministic document and page records (MM-4)', () => {
    const records = readRecordMap(newMeetingDoc())
    expect(records.get('document:document')).toEqual({
      id: 'document:document',
      typeName: 'document',
      gridSize: 10,
      name: '',
      meta: {},
    })
    expect(records.get('page:page')).toMatchObject({ id: 'page:page', typeName: 'page', index: 'a1' })
  })

  it('writes one locked zone per key with id shape:zone-<key>, at the template’s place (MM-6)', () => {
    const records = readRecordMap(newMeetingDoc())
    for (const zone of safetyMapTemplate.zones) {
      expect(records.get(zoneShapeId(zone.key))).toMatchObject({
        type: 'sm-zone',
        parentId: 'page:page',
        isLocked: true,
        x: zone.x,
        y: zone.y,
        props: { w: zone.w, h: zone.h, zone: zone.key },
      })
    }
  })

  it('writes everything in one transaction, so peers never see half a template', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    writeSafetyMapTemplate(doc, OPTIONS)
    expect(origins).toEqual([MAP_MODEL_ORIGIN])
  })

  it('is visible through YKeyValue, the binding’s view of the records array (MM-1)', () => {
    const kv = openKeyValue(newMeetingDoc())
    expect(kv.get('page:page')).toMatchObject({ typeName: 'page' })
    expect(kv.get(zoneShapeId('danger'))).toMatchObject({ props: { zone: 'danger' } })
  })

  it('changes nothing when called a second time: no update, no duplicate entries', () => {
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, OPTIONS)
    const length = getRecordsArray(doc).length
    const before = Y.encodeStateVector(doc)
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    writeSafetyMapTemplate(doc, OPTIONS)
    expect(updates).toHaveLength(0)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(getRecordsArray(doc).length).toBe(length)
    expect(length).toBe(2 + safetyMapTemplate.zones.length)
  })

  it('sets title and locale again but never reopens a finalized meeting or replaces its schema', () => {
    const doc = newMeetingDoc()
    doc.getMap(META_MAP_NAME).set('status', 'finalized')
    doc.getMap(META_MAP_NAME).set('schema', { schemaVersion: 2, sequences: { newer: 3 } })
    writeSafetyMapTemplate(doc, { ...OPTIONS, title: 'Renamed', now: new Date('2030-01-01') })
    expect(readMeta(doc)).toMatchObject({
      title: 'Renamed',
      locale: 'es',
      status: 'finalized',
      schema: { schemaVersion: 2, sequences: { newer: 3 } },
      createdAt: NOW.toISOString(),
    })
  })

  it('puts a moved or deleted zone back where the template has it', () => {
    const doc = newMeetingDoc()
    const kv = openKeyValue(doc)
    const harm = kv.get(zoneShapeId('harm'))!
    kv.set(zoneShapeId('harm'), { ...harm, x: 5000, isLocked: false })
    kv.delete(zoneShapeId('goals'))
    writeSafetyMapTemplate(doc, OPTIONS)
    expect(kv.get(zoneShapeId('harm'))).toEqual(harm)
    expect(kv.get(zoneShapeId('goals'))).toMatchObject({ props: { zone: 'goals' } })
  })

  it('keeps zones below every note, even notes drawn before the template (MM-6)', () => {
    const doc = new Y.Doc()
    writeRecords(doc, [{ ...noteRecord({ id: 'shape:early', x: 50, y: 200, index: 'a1' }) } as { id: string }])
    writeSafetyMapTemplate(doc, OPTIONS)
    addItem(doc, 'harm', 'later note', AUTHOR, { now: NOW })
    const shapes = [...readRecordMap(doc).values()] as { type?: string; index: string }[]
    const zoneIndexes = shapes.filter((s) => s.type === 'sm-zone').map((s) => s.index)
    const noteIndexes = shapes.filter((s) => s.type === 'note').map((s) => s.index)
    expect(noteIndexes).toHaveLength(2)
    for (const z of zoneIndexes) for (const n of noteIndexes) expect(z < n, `${z} < ${n}`).toBe(true)
    expectAllRecordsValid(doc)
  })

  it('converges when two writers set up the same meeting at once, in either merge order (MM-4)', () => {
    for (const order of ['a-first', 'b-first'] as const) {
      const a = new Y.Doc()
      const b = new Y.Doc()
      writeSafetyMapTemplate(a, OPTIONS)
      writeSafetyMapTemplate(b, OPTIONS)
      if (order === 'a-first') {
        syncOneWay(a, b)
        syncOneWay(b, a)
      } else {
        syncOneWay(b, a)
        syncOneWay(a, b)
      }
      const kvA = openKeyValue(a)
      const kvB = openKeyValue(b)
      for (const key of ['document:document', 'page:page', ...safetyMapTemplate.zones.map((z) => zoneShapeId(z.key))]) {
        expect(kvA.get(key), `${order} ${key}`).toEqual(kvB.get(key))
      }
      expect(readMap(a)).toEqual(readMap(b))
      expectAllRecordsValid(a)
    }
  })
})
