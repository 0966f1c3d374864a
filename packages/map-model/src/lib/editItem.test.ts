import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AUTHOR, NOW, expectAllRecordsValid, newMeetingDoc, openKeyValue, syncOneWay } from '../test/fixtures.ts'
import { addItem } from './addItem.ts'
import { deleteItem, findItemAuthor, updateItemText } from './editItem.ts'
import { readMap } from './readMap.ts'
import { readRecordMap } from './recordEntries.ts'
import { zoneShapeId } from './docLayout.ts'

describe('updateItemText', () => {
  it('changes the text and keeps the place, author and section (MM-9, MM-12)', () => {
    const doc = newMeetingDoc()
    const id = addItem(doc, 'strengths', 'Lorna walks Kai', AUTHOR, { now: NOW })
    const before = readRecordMap(doc).get(id) as { x: number; y: number; index: string }
    expect(updateItemText(doc, id, 'Lorna walks Kai to school\nevery day')).toBe(true)
    const after = readRecordMap(doc).get(id) as { x: number; y: number; index: string }
    expect(after).toMatchObject({ x: before.x, y: before.y, index: before.index })
    expect(readMap(doc).sections.strengths).toEqual([
      { id, text: 'Lorna walks Kai to school\nevery day', authorId: AUTHOR.id, authorName: AUTHOR.name, createdAt: NOW.toISOString() },
    ])
    expectAllRecordsValid(doc)
  })

  it('records who else changed the words and when; the author rewriting them makes them theirs again (MM-9a)', () => {
    const doc = newMeetingDoc()
    const id = addItem(doc, 'strengths', 'Rosa takes Kai to the park', AUTHOR, { now: NOW })
    const later = new Date(NOW.getTime() + 60_000)
    updateItemText(doc, id, 'Rosa and María take Kai to the park', { editor: { id: 'p-maria', name: 'María', now: later } })
    expect(readMap(doc).sections.strengths[0]).toMatchObject({ authorName: AUTHOR.name, changedBy: { id: 'p-maria', name: 'María', at: later.toISOString() } })
    expectAllRecordsValid(doc)
    updateItemText(doc, id, 'Rosa takes Kai to the park on Sundays', { editor: { id: AUTHOR.id, name: AUTHOR.name } })
    expect(readMap(doc).sections.strengths[0]?.changedBy).toBeUndefined()
  })

  it('keeps one entry per record, so a canvas YKeyValue sees an update (MM-1)', () => {
    const doc = newMeetingDoc()
    const id = addItem(doc, 'harm', 'a', AUTHOR, { now: NOW })
    const kv = openKeyValue(doc)
    const seen: string[] = []
    kv.on('change', (changes: Map<string, { action: string }>) => {
      for (const [key, change] of changes) seen.push(`${change.action} ${key}`)
    })
    updateItemText(doc, id, 'b')
    expect(seen).toEqual([`update ${id}`])
    expect(doc.getArray('records').toArray().filter((e) => (e as { key: string }).key === id)).toHaveLength(1)
  })

  it('reports an id that is not a note, and never touches zones', () => {
    const doc = newMeetingDoc()
    expect(updateItemText(doc, 'shape:nope', 'x')).toBe(false)
    expect(updateItemText(doc, zoneShapeId('harm'), 'x')).toBe(false)
  })

  it('writes nothing when the text is unchanged', () => {
    const doc = newMeetingDoc()
    const id = addItem(doc, 'harm', 'same', AUTHOR, { now: NOW })
    let updates = 0
    doc.on('update', () => updates++)
    expect(updateItemText(doc, id, 'same')).toBe(true)
    expect(updates).toBe(0)
  })
})

describe('deleteItem', () => {
  it('removes the item from the map and from a canvas YKeyValue, and syncs to another doc', () => {
    const doc = newMeetingDoc()
    const keep = addItem(doc, 'goals', 'keep', AUTHOR, { now: NOW })
    const gone = addItem(doc, 'goals', 'gone', AUTHOR, { now: NOW })
    const other = new Y.Doc()
    syncOneWay(doc, other)
    const kv = openKeyValue(other)
    expect(deleteItem(doc, gone)).toBe(true)
    syncOneWay(doc, other)
    expect(readMap(doc).sections.goals.map((i) => i.id)).toEqual([keep])
    expect(readMap(other).sections.goals.map((i) => i.id)).toEqual([keep])
    expect(kv.has(gone)).toBe(false)
    expect(deleteItem(doc, gone)).toBe(false)
  })

  it('does not remove zones or unknown ids', () => {
    const doc = newMeetingDoc()
    expect(deleteItem(doc, zoneShapeId('danger'))).toBe(false)
    expect(readRecordMap(doc).has(zoneShapeId('danger'))).toBe(true)
  })
})

describe('findItemAuthor', () => {
  it('gives the author id of a note, null otherwise (MM-9)', () => {
    const doc = newMeetingDoc()
    const id = addItem(doc, 'safety', 'x', AUTHOR, { now: NOW })
    expect(findItemAuthor(doc, id)).toBe(AUTHOR.id)
    expect(findItemAuthor(doc, 'shape:none')).toBeNull()
  })
})
