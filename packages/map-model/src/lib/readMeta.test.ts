import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { META_MAP_NAME } from './docLayout.ts'
import { readMeta } from './readMeta.ts'

describe('readMeta', () => {
  it('reads an empty doc as an untitled live English meeting without schema (MM-2)', () => {
    expect(readMeta(new Y.Doc())).toEqual({
      schema: null,
      templateVersion: null,
      title: '',
      locale: 'en',
      status: 'live',
      createdAt: null,
    })
  })

  it('falls back per field when another client wrote nonsense, keeping the good fields (MM-2)', () => {
    const doc = new Y.Doc()
    const meta = doc.getMap(META_MAP_NAME)
    meta.set('title', 'Kai')
    meta.set('locale', 'fr')
    meta.set('status', 'closed')
    meta.set('templateVersion', '1')
    meta.set('schema', 'not a schema')
    meta.set('createdAt', 12)
    expect(readMeta(doc)).toEqual({
      schema: null,
      templateVersion: null,
      title: 'Kai',
      locale: 'en',
      status: 'live',
      createdAt: null,
    })
    meta.set('status', 'finalized')
    meta.set('locale', 'es')
    expect(readMeta(doc)).toMatchObject({ status: 'finalized', locale: 'es' })
  })
})
