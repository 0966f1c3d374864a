import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  AUTHOR,
  NOW,
  expectAllRecordsValid,
  frameRecord,
  newMeetingDoc,
  noteRecord,
  openKeyValue,
  syncOneWay,
} from '../test/fixtures.ts'
import { addItem } from './addItem.ts'
import { zoneShapeId } from './docLayout.ts'
import { readMap } from './readMap.ts'
import { getRecordsArray, writeRecords } from './recordEntries.ts'
import { SECTION_KEYS } from './zoneKeys.ts'

// Template zones used below (page coordinates): harm (0,140)–(700,700), danger (0,720)–(700,1280),
// strengths (740,140)–(1440,990), goals (1480,140)–(2180,990), the worries heading (0,0)–(700,120).

type Rec = Record<string, unknown> & { id: string }
const put = (doc: Y.Doc, ...records: Rec[]) => writeRecords(doc, records)
const texts = (items: readonly { text: string }[]) => items.map((i) => i.text)

describe('readMap', () => {
  it('reads a doc without template as an empty map with every section present (MM-11)', () => {
    const map = readMap(new Y.Doc())
    expect(Object.keys(map.sections).sort()).toEqual([...SECTION_KEYS].sort())
    expect(Object.values(map.sections).every((items) => items.length === 0)).toBe(true)
    expect(map).toMatchObject({ title: '', locale: 'en', status: 'live', unsorted: [] })
  })

  it('reads title, locale and status from meta (MM-11)', () => {
    expect(readMap(newMeetingDoc({ title: 'Reunión de Kai', locale: 'es' }))).toMatchObject({
      title: 'Reunión de Kai',
      locale: 'es',
      status: 'live',
    })
  })

  it('reads notes another client wrote through YKeyValue and sent as a Yjs update (MM-1, MM-9)', () => {
    const server = newMeetingDoc()
    const canvas = new Y.Doc()
    syncOneWay(server, canvas)
    const kv = openKeyValue(canvas)
    kv.set('shape:c1', noteRecord({ id: 'shape:c1', x: 800, y: 300, text: 'Grandma visits daily' }))
    kv.set('shape:c2', noteRecord({ id: 'shape:c2', x: 100, y: 800, text: 'Kai could be left alone' }))
    syncOneWay(canvas, server)
    const map = readMap(server)
    expect(map.sections.strengths).toEqual([
      {
        id: 'shape:c1',
        text: 'Grandma visits daily',
        authorId: 'canvas-user',
        authorName: 'Facilitator',
        createdAt: NOW.toISOString(),
      },
    ])
    expect(texts(map.sections.danger)).toEqual(['Kai could be left alone'])
    expectAllRecordsValid(server)
  })

  it('moves an item to another section when its note is re-put at a new position (MM-7)', () => {
    const doc = newMeetingDoc()
    const id = addItem(doc, 'harm', 'Kai missed school', AUTHOR, { now: NOW })
    const kv = openKeyValue(doc)
    kv.set(id, { ...kv.get(id)!, x: 1500, y: 300 })
    let map = readMap(doc)
    expect(map.sections.harm).toEqual([])
    expect(texts(map.sections.goals)).toEqual(['Kai missed school'])
    kv.set(id, { ...kv.get(id)!, x: 5000, y: 5000 })
    map = readMap(doc)
    expect(map.sections.goals).toEqual([])
    expect(texts(map.unsorted)).toEqual(['Kai missed school'])
  })

  it('drops an item whose note was deleted', () => {
    const doc = newMeetingDoc()
    const id = addItem(doc, 'harm', 'gone', AUTHOR, { now: NOW })
    openKeyValue(doc).delete(id)
    expect(readMap(doc).sections.harm).toEqual([])
  })

  it('places a note inside a frame by its page position, not its frame-relative x/y (MM-7)', () => {
    const doc = newMeetingDoc()
    // Frame at page (740, 140): a note at (60, 100) inside it is centred at page (900, 340),
    // in "strengths"; read naively its centre (160, 200) would be in "harm".
    put(
      doc,
      frameRecord({ id: 'shape:frame', x: 740, y: 140, w: 700, h: 850 }),
      noteRecord({ id: 'shape:inner', x: 60, y: 100, parentId: 'shape:frame', text: 'in frame' }),
    )
    const map = readMap(doc)
    expect(texts(map.sections.strengths)).toEqual(['in frame'])
    expect(map.sections.harm).toEqual([])
    expectAllRecordsValid(doc)
  })

  it('composes rotation of nested parents when placing a note (MM-7)', () => {
    const doc = newMeetingDoc()
    // Outer frame at (1440, 140) turned 90°: its local +x points down the page, +y points left.
    // Inner frame at local (100, 0) → page (1440, 240), also turned (180° in total).
    // Note at inner-local (0, 0), 200×200: centre local (100, 100) → page (1340, 140) after 180°.
    put(
      doc,
      frameRecord({ id: 'shape:outer', x: 1440, y: 140, w: 600, h: 600, rotation: Math.PI / 2 }),
      frameRecord({ id: 'shape:innerframe', x: 100, y: 0, w: 400, h: 400, rotation: Math.PI / 2, parentId: 'shape:outer' }),
      noteRecord({ id: 'shape:turned', x: 0, y: 0, parentId: 'shape:innerframe', text: 'turned' }),
    )
    // Page centre (1340, 140) lies in "strengths" (740–1440 × 140–990).
    expect(texts(readMap(doc).sections.strengths)).toEqual(['turned'])
    // Without rotation the centre would be (1640, 340): "goals".
    expect(readMap(doc).sections.goals).toEqual([])
  })

  it('uses the note’s grown and scaled size to find its centre (MM-7)', () => {
    const doc = newMeetingDoc()
    // Top-left in "harm" (0,140–700,700); 200 × (200 + 900) grown note centred at y = 600 + 550.
    put(doc, noteRecord({ id: 'shape:tall', x: 100, y: 600, growY: 900, text: 'tall' }))
    // Scale 0.25: a 50×50 note at (100, 690) is centred at y 715, in the gap between harm and danger.
    put(doc, noteRecord({ id: 'shape:small', x: 100, y: 690, scale: 0.25, text: 'small' }))
    const map = readMap(doc)
    expect(texts(map.sections.danger)).toEqual(['tall'])
    expect(texts(map.unsorted)).toEqual(['small'])
    expectAllRecordsValid(doc)
  })

  it('lets the smallest zone win where zones overlap (MM-7)', () => {
    const doc = newMeetingDoc()
    const kv = openKeyValue(doc)
    const harm = kv.get(zoneShapeId('harm'))!
    // An extra small "danger" zone drawn inside "harm".
    kv.set('shape:zone-extra', { ...harm, id: 'shape:zone-extra', x: 300, y: 300, props: { w: 300, h: 300, zone: 'danger' } })
    put(
      doc,
      noteRecord({ id: 'shape:inside-small', x: 350, y: 350, text: 'small zone' }),
      noteRecord({ id: 'shape:only-big', x: 20, y: 450, text: 'big zone' }),
    )
    const map = readMap(doc)
    expect(texts(map.sections.danger)).toEqual(['small zone'])
    expect(texts(map.sections.harm)).toEqual(['big zone'])
    expectAllRecordsValid(doc)
  })

  it('lists notes outside every section zone, including on a column heading, as unsorted (MM-6, MM-7)', () => {
    const doc = newMeetingDoc()
    put(
      doc,
      noteRecord({ id: 'shape:far', x: -900, y: -900, text: 'far away' }),
      noteRecord({ id: 'shape:heading', x: 250, y: -40, text: 'on the worries heading' }),
    )
    const map = readMap(doc)
    expect(texts(map.unsorted)).toEqual(['far away', 'on the worries heading'])
    expect(SECTION_KEYS.every((k) => map.sections[k].length === 0)).toBe(true)
  })

  it('ignores notes on other pages and notes whose parent chain is broken (MM-9)', () => {
    const doc = newMeetingDoc()
    put(
      doc,
      noteRecord({ id: 'shape:other-page', x: 100, y: 300, parentId: 'page:other' }),
      noteRecord({ id: 'shape:orphan', x: 100, y: 300, parentId: 'shape:missing' }),
      frameRecord({ id: 'shape:loop-a', x: 0, y: 0, w: 10, h: 10, parentId: 'shape:loop-b' }),
      frameRecord({ id: 'shape:loop-b', x: 0, y: 0, w: 10, h: 10, parentId: 'shape:loop-a' }),
      noteRecord({ id: 'shape:in-loop', x: 100, y: 300, parentId: 'shape:loop-a' }),
      { id: 'shape:broken', typeName: 'shape', type: 'note', x: 'ten', y: 300 },
    )
    const map = readMap(doc)
    expect(map.sections.harm).toEqual([])
    expect(map.unsorted).toEqual([])
  })

  it('reads items in reading order: rows top to bottom, each row left to right (MM-11)', () => {
    const doc = newMeetingDoc()
    // Hand-placed in "strengths": the right-hand note sits 30 units higher but in the same row.
    put(
      doc,
      noteRecord({ id: 'shape:z-row2', x: 760, y: 600, text: 'row 2' }),
      noteRecord({ id: 'shape:y-right', x: 1200, y: 250, text: 'row 1 right' }),
      noteRecord({ id: 'shape:x-left', x: 760, y: 280, text: 'row 1 left' }),
      noteRecord({ id: 'shape:w-mid', x: 980, y: 270, text: 'row 1 middle' }),
    )
    expect(texts(readMap(doc).sections.strengths)).toEqual(['row 1 left', 'row 1 middle', 'row 1 right', 'row 2'])
  })

  it('takes the last entry when the array holds a key twice, as YKeyValue does (MM-1)', () => {
    const doc = newMeetingDoc()
    const array = getRecordsArray(doc)
    array.push([{ key: 'shape:dup', val: noteRecord({ id: 'shape:dup', x: 100, y: 300, text: 'old' }) }])
    array.push([{ key: 'shape:dup', val: noteRecord({ id: 'shape:dup', x: 800, y: 300, text: 'new' }) }])
    const map = readMap(doc)
    expect(map.sections.harm).toEqual([])
    expect(texts(map.sections.strengths)).toEqual(['new'])
  })

  it('never mutates the doc, even when the array holds duplicate keys (MM-11)', () => {
    const doc = newMeetingDoc()
    addItem(doc, 'harm', 'a', AUTHOR, { now: NOW })
    const array = getRecordsArray(doc)
    array.push([{ key: 'shape:dup', val: noteRecord({ id: 'shape:dup', x: 100, y: 300 }) }])
    array.push([{ key: 'shape:dup', val: noteRecord({ id: 'shape:dup', x: 800, y: 300 }) }])
    const vector = Y.encodeStateVector(doc)
    const state = Y.encodeStateAsUpdate(doc)
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    readMap(doc)
    readMap(doc)
    expect(updates).toEqual([])
    expect(Y.encodeStateVector(doc)).toEqual(vector)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state)
  })

  it('reads attribution as empty strings when a canvas note has no author meta (MM-9)', () => {
    const doc = newMeetingDoc()
    put(doc, noteRecord({ id: 'shape:bare', x: 100, y: 300, text: 'no meta', meta: {} }))
    expect(readMap(doc).sections.harm).toEqual([
      { id: 'shape:bare', text: 'no meta', authorId: '', authorName: '', createdAt: '' },
    ])
  })
})
