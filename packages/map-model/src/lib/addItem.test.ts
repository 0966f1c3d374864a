import { noteShapeProps } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  AUTHOR,
  NOW,
  expectAllRecordsValid,
  newMeetingDoc,
  noteRecord,
  openKeyValue,
} from '../test/fixtures.ts'
import { addItem } from './addItem.ts'
import { zoneShapeId } from './docLayout.ts'
import { findSectionAt } from './findZoneAt.ts'
import { MapModelError } from './MapModelError.ts'
import { readMap } from './readMap.ts'
import { MAP_MODEL_ORIGIN, readRecordMap, writeRecords } from './recordEntries.ts'
import { safetyMapTemplate } from './safetyMapTemplate.ts'
import { SECTION_KEYS, type SectionKey } from './zoneKeys.ts'

type NoteLike = {
  id: string
  x: number
  y: number
  index: string
  props: Record<string, unknown>
  meta: Record<string, unknown>
}
const getNote = (doc: Y.Doc, id: string) => readRecordMap(doc).get(id) as NoteLike
const centre = (n: NoteLike) => ({ x: n.x + 100, y: n.y + 100 })

describe('addItem', () => {
  it('writes a note with exactly the props tldraw 5.4.2’s note schema has, which its validators accept (MM-10, MM-13)', () => {
    const doc = newMeetingDoc()
    const id = addItem(doc, 'danger', 'Kai could be hurt crossing the street alone', AUTHOR, { now: NOW })
    const note = getNote(doc, id)
    expect(Object.keys(note.props).sort()).toEqual(Object.keys(noteShapeProps).sort())
    expect(note).toMatchObject({ typeName: 'shape', type: 'note', parentId: 'page:page', isLocked: false })
    expectAllRecordsValid(doc)
  })

  it('returns a fresh shape id each time', () => {
    const doc = newMeetingDoc()
    const a = addItem(doc, 'harm', 'a', AUTHOR, { now: NOW })
    const b = addItem(doc, 'harm', 'b', AUTHOR, { now: NOW })
    expect(a).toMatch(/^shape:[0-9A-Za-z]{21}$/)
    expect(b).not.toBe(a)
  })

  it('places the note inside the section’s zone and readMap finds it with its author (MM-9, MM-10)', () => {
    const doc = newMeetingDoc()
    for (const section of SECTION_KEYS) {
      const id = addItem(doc, section, `text for ${section}`, AUTHOR, { now: NOW })
      expect(findSectionAt(safetyMapTemplate.zones, centre(getNote(doc, id))), section).toBe(section)
      expect(readMap(doc).sections[section]).toEqual([
        {
          id,
          text: `text for ${section}`,
          authorId: AUTHOR.id,
          authorName: AUTHOR.name,
          createdAt: NOW.toISOString(),
        },
      ])
    }
    expect(readMap(doc).unsorted).toEqual([])
  })

  it('fills free slots left to right, then top to bottom, without overlapping notes (MM-10)', () => {
    const doc = newMeetingDoc()
    const ids = Array.from({ length: 6 }, (_, i) =>
      addItem(doc, 'harm', `worry ${i}`, AUTHOR, { now: NOW }),
    )
    const notes = ids.map((id) => getNote(doc, id))
    expect(notes.map((n) => [n.x, n.y])).toEqual([
      [25, 237],
      [250, 237],
      [475, 237],
      [25, 462],
      [250, 462],
      [475, 462],
    ])
    for (let i = 0; i < notes.length; i++) {
      for (let j = i + 1; j < notes.length; j++) {
        const a = notes[i]!
        const b = notes[j]!
        const apart = Math.abs(a.x - b.x) >= 200 || Math.abs(a.y - b.y) >= 200
        expect(apart, `${i} and ${j} overlap`).toBe(true)
      }
    }
    expect(readMap(doc).sections.harm.map((item) => item.text)).toEqual(ids.map((_, i) => `worry ${i}`))
  })

  it('takes the first slot no note covers, including notes placed by hand on the canvas (MM-10)', () => {
    const doc = newMeetingDoc()
    // A hand-placed note straddling the first two slots of "strengths" (x 740–1440, y 140–).
    writeRecords(doc, [noteRecord({ id: 'shape:hand', x: 740 + 120, y: 140 + 97 }) as { id: string }])
    const id = addItem(doc, 'strengths', 'new', AUTHOR, { now: NOW })
    expect(getNote(doc, id)).toMatchObject({ x: 740 + 475, y: 140 + 97 })
  })

  it('keeps adding inside the zone when all slots are full, so every item still counts (MM-10)', () => {
    const doc = newMeetingDoc()
    const ids = Array.from({ length: 40 }, (_, i) =>
      addItem(doc, 'next-steps', `step ${i}`, AUTHOR, { now: NOW }),
    )
    const map = readMap(doc)
    expect(map.sections['next-steps']).toHaveLength(40)
    expect(map.unsorted).toEqual([])
    const positions = new Set(ids.map((id) => `${getNote(doc, id).x},${getNote(doc, id).y}`))
    expect(positions.size).toBe(40)
  })

  it('gives the note an index above every existing shape (MM-10)', () => {
    const doc = newMeetingDoc()
    writeRecords(doc, [noteRecord({ id: 'shape:top', x: 3000, y: 3000, index: 'b5Z' }) as { id: string }])
    const id = addItem(doc, 'goals', 'goal', AUTHOR, { now: NOW })
    const indexes = [...readRecordMap(doc).values()]
      .map((r) => (r as { index?: string; typeName?: string; id: string }))
      .filter((r) => r.typeName === 'shape' && r.id !== id)
      .map((r) => r.index!)
    for (const index of indexes) expect(getNote(doc, id).index > index, index).toBe(true)
    expectAllRecordsValid(doc)
  })

  it('writes in one transaction carrying the package’s origin, visible to a YKeyValue already open (MM-1, MM-10)', () => {
    const doc = newMeetingDoc()
    const kv = openKeyValue(doc)
    const changes: [string, string][] = []
    kv.on('change', (c: Map<string, { action: string }>) => {
      for (const [key, change] of c) changes.push([key, change.action])
    })
    const origins: unknown[] = []
    // YKeyValue runs an empty clean-up transaction of its own after each change; count only
    // transactions that changed something.
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.changed.size > 0) origins.push(tr.origin)
    })
    const id = addItem(doc, 'safety', 'Lorna took Kai home', AUTHOR, { now: NOW })
    expect(origins).toEqual([MAP_MODEL_ORIGIN])
    expect(changes).toEqual([[id, 'add']])
    expect(kv.get(id)).toMatchObject({ meta: { authorName: AUTHOR.name } })
  })

  it('overwrites a note given the same id, which YKeyValue reports as one update (MM-1)', () => {
    const doc = newMeetingDoc()
    const kv = openKeyValue(doc)
    addItem(doc, 'harm', 'first', AUTHOR, { now: NOW, id: 'shape:fixed' })
    const actions: string[] = []
    kv.on('change', (c: Map<string, { action: string }>) => actions.push(...[...c.values()].map((v) => v.action)))
    addItem(doc, 'danger', 'second', AUTHOR, { now: NOW, id: 'shape:fixed' })
    expect(actions).toEqual(['update'])
    expect(readMap(doc).sections.harm).toEqual([])
    expect(readMap(doc).sections.danger.map((i) => i.text)).toEqual(['second'])
  })

  it('refuses unknown sections, ids without the shape: prefix, and docs without a template', () => {
    const doc = newMeetingDoc()
    const codeOf = (fn: () => unknown) => {
      try {
        fn()
      } catch (error) {
        return error instanceof MapModelError ? error.code : 'other'
      }
      return 'none'
    }
    expect(codeOf(() => addItem(doc, 'worries' as SectionKey, 'x', AUTHOR))).toBe('MAP_UNKNOWN_SECTION')
    expect(codeOf(() => addItem(doc, 'harm', 'x', AUTHOR, { id: 'note-1' }))).toBe('MAP_INVALID_ITEM_ID')
    expect(codeOf(() => addItem(new Y.Doc(), 'harm', 'x', AUTHOR))).toBe('MAP_ZONE_MISSING')
    const kv = openKeyValue(doc)
    kv.delete(zoneShapeId('goals'))
    expect(codeOf(() => addItem(doc, 'goals', 'x', AUTHOR))).toBe('MAP_ZONE_MISSING')
  })

  it('keeps the doc small after 10,000 moves of an added note through YKeyValue (MM-1)', () => {
    const doc = newMeetingDoc()
    const id = addItem(doc, 'harm', 'moved a lot', AUTHOR, { now: NOW })
    const kv = openKeyValue(doc)
    const before = Y.encodeStateAsUpdate(doc).byteLength
    const note = kv.get(id)!
    for (let i = 0; i < 10_000; i++) {
      kv.set(id, { ...note, x: 25 + (i % 400), y: 237 + (i % 7) })
    }
    const after = Y.encodeStateAsUpdate(doc).byteLength
    expect(after).toBeLessThan(before * 1.5)
    expect(readMap(doc).sections.harm).toHaveLength(1)
  })

  it('keeps the doc small when the moves alternate between two notes (MM-1)', () => {
    const doc = newMeetingDoc()
    const a = addItem(doc, 'harm', 'a', AUTHOR, { now: NOW })
    const b = addItem(doc, 'harm', 'b', AUTHOR, { now: NOW })
    const kv = openKeyValue(doc)
    const before = Y.encodeStateAsUpdate(doc).byteLength
    const noteA = kv.get(a)!
    const noteB = kv.get(b)!
    for (let i = 0; i < 5_000; i++) {
      kv.set(a, { ...noteA, x: 25 + (i % 50) })
      kv.set(b, { ...noteB, x: 250 + (i % 50) })
    }
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(before * 1.5)
  })
})
