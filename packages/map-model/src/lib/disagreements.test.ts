import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { AUTHOR, NOW, expectAllRecordsValid, newMeetingDoc, noteRecord, openKeyValue, syncOneWay } from '../test/fixtures.ts'
import { addItem } from './addItem.ts'
import {
  addDisagreement,
  disagreementBindingId,
  disagreementsOf,
  readDisagreementsByItem,
  readLegacyDisagreements,
  withdrawDisagreement,
} from './disagreements.ts'
import { deleteItem, updateItemText } from './editItem.ts'
import { readMap } from './readMap.ts'
import { readRecordMap } from './recordEntries.ts'
import { addDangerStatement } from './writeToolkit.ts'

const LORNA = { id: 'participant-lorna', name: 'Lorna' } as const
const SAM = { id: 'participant-sam', name: 'Sam' } as const
const LATER = new Date('2026-11-25T10:05:00.000Z')

/** Every doc receives every other doc's updates, in the order given. */
function syncAll(docs: readonly Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) syncOneWay(from, to)
}

describe('disagreements (MM-25)', () => {
  it('records one entry per person on a note or card, keeps the item, and readMap returns them', () => {
    const doc = newMeetingDoc()
    const note = addItem(doc, 'strengths', 'Jess always gets up on time', AUTHOR, { now: NOW })
    expect(addDisagreement(doc, note, LORNA, { now: NOW })).toBe(true)
    expect(addDisagreement(doc, note, LORNA, { now: LATER })).toBe(true)
    expect(addDisagreement(doc, note, SAM, { now: LATER })).toBe(true)
    expectAllRecordsValid(doc)
    const item = readMap(doc).sections.strengths[0]
    expect(item?.text).toBe('Jess always gets up on time')
    expect(item?.disagreements).toEqual([
      { participantId: LORNA.id, name: 'Lorna', at: NOW.toISOString() },
      { participantId: SAM.id, name: 'Sam', at: LATER.toISOString() },
    ])
    expect(withdrawDisagreement(doc, note, LORNA.id)).toBe(true)
    expect(readMap(doc).sections.strengths[0]?.disagreements).toEqual([{ participantId: SAM.id, name: 'Sam', at: LATER.toISOString() }])
    withdrawDisagreement(doc, note, SAM.id)
    expect(readMap(doc).sections.strengths[0]).not.toHaveProperty('disagreements')

    const card = addDangerStatement(doc, { whoIsWorried: 'Lorna', behaviour: 'x', situations: '', impactOnChild: 'y', whoDisagrees: '' }, AUTHOR, { now: NOW })
    addDisagreement(doc, card, SAM, { now: NOW })
    expect(readMap(doc).dangerStatements[0]?.disagreements).toEqual([{ participantId: SAM.id, name: 'Sam', at: NOW.toISOString() }])
    expect(addDisagreement(doc, 'shape:zone-harm', SAM)).toBe(false)
  })

  it('keeps both when two people disagree with the same item at the same moment, in any merge order', () => {
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 0, 2]]) {
      const origin = newMeetingDoc()
      const note = addItem(origin, 'danger', 'Kai walks to school alone', AUTHOR, { now: NOW })
      const docs = [origin, new Y.Doc(), new Y.Doc()]
      syncAll(docs)
      // Offline from each other: Lorna and Sam disagree while Ana edits the note's text.
      addDisagreement(docs[1]!, note, LORNA, { now: NOW })
      addDisagreement(docs[2]!, note, SAM, { now: NOW })
      updateItemText(docs[0]!, note, 'Kai walks to school alone on Mondays')
      syncAll(order.map((i) => docs[i]!))
      for (const doc of docs) {
        const item = readMap(doc).sections.danger[0]
        expect(item?.text).toBe('Kai walks to school alone on Mondays')
        expect(item?.disagreements?.map((d) => d.name)).toEqual(['Lorna', 'Sam'])
      }
    }
  })

  it('keeps one record per person when the same person disagrees from two devices at once', () => {
    const a = newMeetingDoc()
    const note = addItem(a, 'strengths', 'Lorna visits every day', AUTHOR, { now: NOW })
    const b = new Y.Doc()
    syncOneWay(a, b)
    addDisagreement(a, note, SAM, { now: NOW })
    addDisagreement(b, note, SAM, { now: LATER })
    syncAll([a, b])
    for (const doc of [a, b]) expect(readMap(doc).sections.strengths[0]?.disagreements).toHaveLength(1)
    withdrawDisagreement(b, note, SAM.id)
    syncAll([a, b])
    expect(readMap(a).sections.strengths[0]).not.toHaveProperty('disagreements')
  })

  it('removes the records with the item', () => {
    const doc = newMeetingDoc()
    const note = addItem(doc, 'strengths', 'Jess cooks dinner', AUTHOR, { now: NOW })
    addDisagreement(doc, note, SAM, { now: NOW })
    expect(readRecordMap(doc).has(disagreementBindingId(note, SAM.id))).toBe(true)
    deleteItem(doc, note)
    expect(readRecordMap(doc).has(disagreementBindingId(note, SAM.id))).toBe(false)
  })

  it('still reads the list of a doc written before per-person records, and withdrawing removes the old entry', () => {
    expect(readLegacyDisagreements({ disagreements: [{ participantId: 'a', name: 'A', at: 't' }, { participantId: 'a', name: 'B' }, 7, { name: 'x' }] })).toEqual([
      { participantId: 'a', name: 'A', at: 't' },
    ])
    expect(readLegacyDisagreements({ disagreements: 'no' })).toEqual([])
    const doc = newMeetingDoc()
    const old = [{ participantId: LORNA.id, name: 'Lorna', at: NOW.toISOString() }]
    openKeyValue(doc).set('shape:n1', noteRecord({ id: 'shape:n1', x: 100, y: 300, meta: { disagreements: old } }))
    addDisagreement(doc, 'shape:n1', LORNA, { now: LATER })
    addDisagreement(doc, 'shape:n1', SAM, { now: LATER })
    expect(readDisagreementsByItem(readRecordMap(doc)).get('shape:n1')).toEqual([...old, { participantId: SAM.id, name: 'Sam', at: LATER.toISOString() }])
    withdrawDisagreement(doc, 'shape:n1', LORNA.id)
    const note = readRecordMap(doc).get('shape:n1') as { meta: Record<string, unknown> }
    expect(note.meta).not.toHaveProperty('disagreements')
    expect(disagreementsOf(note.meta, readRecordMap(doc).values()).map((d) => d.name)).toEqual(['Sam'])
  })
})
