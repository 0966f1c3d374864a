import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { newMeetingDoc, newValidatingStore, noteRecord, openKeyValue } from './test/fixtures.ts'
import { zoneShapeId } from './lib/docLayout.ts'
import { readMeta } from './lib/readMeta.ts'
import type { SMZoneShapeProps } from './lib/SMZoneShape.ts'
import { ZONE_KEYS } from './lib/zoneKeys.ts'
import { createSafetyMapSchema, zoneShapeMigrations, zoneShapeProps, type SMZoneShape } from './schema.ts'

const zone = (props: Record<string, unknown>) =>
  ({
    id: 'shape:zone-test',
    typeName: 'shape',
    type: 'sm-zone',
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a0',
    parentId: 'page:page',
    isLocked: true,
    opacity: 1,
    props,
    meta: {},
  }) as unknown as TLRecord

describe('createSafetyMapSchema', () => {
  it('accepts a zone for every zone key (MM-6, MM-13)', () => {
    const store = newValidatingStore()
    for (const key of ZONE_KEYS) {
      expect(() => store.put([zone({ w: 700, h: 120, zone: key })]), key).not.toThrow()
    }
  })

  it('rejects zones with an unknown key, a zero size or a missing prop (MM-6, MM-13)', () => {
    const store = newValidatingStore()
    for (const props of [
      { w: 700, h: 120, zone: 'genogram' },
      { w: 0, h: 120, zone: 'harm' },
      { w: 700, h: -1, zone: 'harm' },
      { w: 700, zone: 'harm' },
      { w: 700, h: 120, zone: 'harm', extra: true },
    ]) {
      expect(() => store.put([zone(props)]), JSON.stringify(props)).toThrow()
    }
  })

  it('still knows tldraw’s default shapes, so notes validate (MM-13)', () => {
    const store = newValidatingStore()
    expect(() => store.put([noteRecord({ id: 'shape:n', x: 0, y: 0 }) as unknown as TLRecord])).not.toThrow()
    expect(() =>
      store.put([{ ...noteRecord({ id: 'shape:bad', x: 0, y: 0 }), props: { color: 'yellow' } } as unknown as TLRecord]),
    ).toThrow()
  })

  it('serializes with a versioned sm-zone props sequence, which the doc stores (MM-2)', () => {
    const serialized = createSafetyMapSchema().serialize()
    expect(serialized.sequences['com.tldraw.shape.sm-zone']).toBe(0)
    const doc = newMeetingDoc()
    expect(readMeta(doc).schema).toEqual(serialized)
    const since = createSafetyMapSchema().getMigrationsSince(readMeta(doc).schema!)
    expect(since).toEqual({ ok: true, value: [] })
  })

  it('rejects a zone record another client corrupted in the doc, as the relay would (MM-13)', () => {
    const doc = newMeetingDoc()
    const kv = openKeyValue(doc)
    const harm = kv.get(zoneShapeId('harm'))!
    const schema = createSafetyMapSchema()
    const store = newValidatingStore()
    expect(() => schema.validateRecord(store, harm as unknown as TLRecord, 'tests', null)).not.toThrow()
    const broken = { ...harm, props: { ...(harm.props as object), zone: 'nope' } }
    expect(() => schema.validateRecord(store, broken as unknown as TLRecord, 'tests', null)).toThrow(/zone/)
  })

  it('exposes the zone props validators and an empty migration sequence', () => {
    expect(Object.keys(zoneShapeProps).sort()).toEqual(['h', 'w', 'zone'])
    expect(zoneShapeMigrations.sequence).toEqual([])
  })

  it('types TLShape<"sm-zone"> through the TLGlobalShapePropsMap augmentation', () => {
    expectTypeOf<TLShape<'sm-zone'>['props']>().toEqualTypeOf<SMZoneShapeProps>()
    expectTypeOf<SMZoneShape['type']>().toEqualTypeOf<'sm-zone'>()
    expectTypeOf<TLShape>().extract<{ type: 'sm-zone' }>().not.toBeNever()
  })
})
