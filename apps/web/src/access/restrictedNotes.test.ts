import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RECORDS_ARRAY_NAME, toRichText } from '@safetymap/map-model'
import { readRestrictedNotes } from './restrictedNotes.ts'

const note = (id: string, text: string, scale = 1) => ({
  key: id,
  val: { id, typeName: 'shape', type: 'note', parentId: 'shape:zone-danger', x: 40, y: 60, props: { richText: toRichText(text), scale } },
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
      { id: 'shape:a', text: 'Methadone clinic on Fifth Street, Tuesdays', parentId: 'shape:zone-danger', x: 40, y: 60, size: 400 },
    ])
  })
})
