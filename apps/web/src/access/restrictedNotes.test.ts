import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RECORDS_ARRAY_NAME, toRichText } from '@safetymap/map-model'
import { readRestrictedNotes } from './restrictedNotes.ts'

const note = (id: string, text: string, scale = 1) => ({
  key: id,
  val: { id, typeName: 'shape', type: 'note', parentId: 'shape:zone-danger', x: 40, y: 60, props: { richText: toRichText(text), scale } },
})

const geo = (id: string, shape: string, text: string) => ({
  key: id,
  val: { id, typeName: 'shape', type: 'geo', parentId: 'shape:zone-tree', x: 20, y: 30, props: { geo: shape, w: 160, h: 150, richText: toRichText(text) } },
})

describe('readRestrictedNotes', () => {
  it('reads each note once (the last entry wins) with its text, parent and size', () => {
    const doc = new Y.Doc()
    doc.getArray(RECORDS_ARRAY_NAME).push([
      note('shape:a', 'Methadone clinic on Fifth Street'),
      { key: 'shape:z', val: { id: 'shape:z', typeName: 'shape', type: 'sm-zone', parentId: 'page:page', x: 0, y: 0, props: {} } },
      note('shape:a', 'Methadone clinic on Fifth Street, Tuesdays', 2),
    ])
    expect(readRestrictedNotes(doc)).toEqual([
      { id: 'shape:a', text: 'Methadone clinic on Fifth Street, Tuesdays', parentId: 'shape:zone-danger', x: 40, y: 60, w: 400, h: 400 },
    ])
  })

  it('reads a family tree person (MM-39) with their symbol’s size, and no other drawn shape', () => {
    const doc = new Y.Doc()
    doc.getArray(RECORDS_ARRAY_NAME).push([geo('shape:jess', 'ellipse', 'Jess\n34'), geo('shape:cloud', 'cloud', 'Not a person')])
    expect(readRestrictedNotes(doc)).toEqual([{ id: 'shape:jess', text: 'Jess\n34', parentId: 'shape:zone-tree', x: 20, y: 30, w: 160, h: 150 }])
  })
})
