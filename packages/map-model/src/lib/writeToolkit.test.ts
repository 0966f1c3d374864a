import type { TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  AUTHOR,
  NOW,
  expectAllRecordsValid,
  newMeetingDoc,
  newValidatingStore,
  openKeyValue,
  noteRecord,
  syncOneWay,
} from '../test/fixtures.ts'
import { readMap } from './readMap.ts'
import { readRecordMap } from './recordEntries.ts'
import { OVERALL_SCALE_ID, scalingMarkId } from './SMToolkitShapes.ts'
import { addDangerStatement, addNextStep, addSafetyGoal, updateToolkitCard, writeScalingMark } from './writeToolkit.ts'

const SLOTS = {
  whoIsWorried: 'Grandma Lorna',
  behaviour: 'Jess stays in bed until the afternoon',
  situations: 'on days when Jess feels very low',
  impactOnChild: 'Kai could be hurt by traffic',
  whoDisagrees: '',
}
const GOAL = {
  caregiversWillBeDoing: 'Jess texts Lorna by 7:30 on hard mornings',
  childWillExperience: 'Kai has breakfast and is at school every day',
  whoIsInvolved: 'Lorna and Sam',
  forHowLong: 'four months',
  howEveryoneWillKnow: 'the school records agree',
}
const REASONS = { whatMakesItThisHigh: 'Lorna comes every morning', onePointHigher: 'Sam joins the group chat' }
const LORNA = { id: 'participant-lorna', name: 'Lorna' } as const
const SAM = { id: 'participant-sam', name: 'Sam' } as const

describe('danger statements (MM-14, MM-18, MM-20)', () => {
  it('writes a schema-valid card in the danger section that readMap returns with slots, sentence and number', () => {
    const doc = newMeetingDoc()
    const id = addDangerStatement(doc, SLOTS, AUTHOR, { now: NOW })
    expect(expectAllRecordsValid(doc)).toBeGreaterThan(10)
    const map = readMap(doc)
    expect(map.dangerStatements).toEqual([
      {
        id,
        number: 1,
        slots: SLOTS,
        sentence:
          'Grandma Lorna is worried that on days when Jess feels very low, Jess stays in bed until the afternoon. If this continues, Kai could be hurt by traffic.',
        authorId: AUTHOR.id,
        authorName: AUTHOR.name,
        createdAt: NOW.toISOString(),
        quote: false,
      },
    ])
    // A statement is not a note: the sections stay empty.
    expect(map.sections.danger).toEqual([])
  })

  it('composes the sentence in the meeting language', () => {
    const doc = newMeetingDoc({ locale: 'es' })
    addDangerStatement(doc, { ...SLOTS, whoIsWorried: 'La abuela Lorna', behaviour: 'Jess se queda en cama', situations: '' }, AUTHOR, { now: NOW })
    expect(readMap(doc).dangerStatements[0]!.sentence).toMatch(/^La abuela Lorna se preocupa porque Jess se queda en cama\./)
  })

  it('stacks new statements below each other and numbers them in reading order', () => {
    const doc = newMeetingDoc()
    const first = addDangerStatement(doc, SLOTS, AUTHOR, { now: NOW })
    const second = addDangerStatement(doc, { ...SLOTS, behaviour: 'Andre drives after drinking' }, AUTHOR, { now: NOW })
    const records = readRecordMap(doc)
    const y = (id: string) => (records.get(id) as { y: number }).y
    expect(y(second)).toBeGreaterThan(y(first))
    expect(readMap(doc).dangerStatements.map((s) => [s.id, s.number])).toEqual([
      [first, 1],
      [second, 2],
    ])
  })

  it('changes slots in place and ignores keys the card does not have', () => {
    const doc = newMeetingDoc()
    const id = addDangerStatement(doc, SLOTS, AUTHOR, { now: NOW })
    expect(updateToolkitCard(doc, id, { whoDisagrees: 'Jess', forHowLong: 'x' })).toBe(true)
    expect(readMap(doc).dangerStatements[0]!.slots).toEqual({ ...SLOTS, whoDisagrees: 'Jess' })
    expect(updateToolkitCard(doc, 'shape:nope', { whoDisagrees: 'Jess' })).toBe(false)
    expectAllRecordsValid(doc)
  })

  it('reads the direct-quote flag from meta (MM-21)', () => {
    const doc = newMeetingDoc()
    addDangerStatement(doc, SLOTS, AUTHOR, { now: NOW, quote: true })
    expect(readMap(doc).dangerStatements[0]!.quote).toBe(true)
  })
})

describe('safety goals and next steps (MM-15, MM-16, MM-20)', () => {
  it('links a goal to its statement by id and a next step to its goal', () => {
    const doc = newMeetingDoc()
    const statement = addDangerStatement(doc, SLOTS, AUTHOR, { now: NOW })
    const goal = addSafetyGoal(doc, { ...GOAL, dangerStatementId: statement }, AUTHOR, { now: NOW })
    const step = addNextStep(doc, { action: 'add Sam to the group chat', owner: 'Lorna', dueDate: '2026-12-04', safetyGoalId: goal }, AUTHOR, { now: NOW })
    expectAllRecordsValid(doc)
    const map = readMap(doc)
    expect(map.safetyGoals).toEqual([
      expect.objectContaining({ id: goal, slots: GOAL, dangerStatementId: statement, dangerStatementNumber: 1 }),
    ])
    expect(map.safetyGoals[0]!.sentence).toMatch(/^Jess texts Lorna by 7:30 on hard mornings\. Kai has breakfast/)
    expect(map.nextSteps).toEqual([
      expect.objectContaining({
        id: step,
        fields: { action: 'add Sam to the group chat', owner: 'Lorna', dueDate: '2026-12-04' },
        safetyGoalId: goal,
        safetyGoalExists: true,
        sentence: 'Lorna: add Sam to the group chat (by 4 December 2026).',
      }),
    ])
  })

  it('keeps the link when the goal and the statement are moved, and reports a statement that is gone', () => {
    const doc = newMeetingDoc()
    const statement = addDangerStatement(doc, SLOTS, AUTHOR, { now: NOW })
    const goal = addSafetyGoal(doc, { ...GOAL, dangerStatementId: statement }, AUTHOR, { now: NOW })
    const kv = openKeyValue(doc)
    kv.set(goal, { ...kv.get(goal)!, x: 3000, y: -500 })
    kv.set(statement, { ...kv.get(statement)!, x: 1500, y: 2000 })
    expect(readMap(doc).safetyGoals[0]).toMatchObject({ dangerStatementId: statement, dangerStatementNumber: 1 })
    kv.delete(statement)
    expect(readMap(doc).safetyGoals[0]).toMatchObject({ dangerStatementId: statement, dangerStatementNumber: null })
  })

  it('keeps the link when one person moves the goal while another edits the statement (two docs)', () => {
    const a = newMeetingDoc()
    const statement = addDangerStatement(a, SLOTS, AUTHOR, { now: NOW })
    const goal = addSafetyGoal(a, { ...GOAL, dangerStatementId: statement }, AUTHOR, { now: NOW })
    const b = new Y.Doc()
    syncOneWay(a, b)
    const kvA = openKeyValue(a)
    kvA.set(goal, { ...kvA.get(goal)!, x: 1600, y: 900 })
    updateToolkitCard(b, statement, { whoDisagrees: 'Jess' })
    for (const [from, to] of [[a, b], [b, a]] as const) syncOneWay(from, to)
    for (const doc of [a, b]) {
      const map = readMap(doc)
      expect(map.dangerStatements[0]!.slots.whoDisagrees).toBe('Jess')
      expect(map.safetyGoals[0]).toMatchObject({ dangerStatementId: statement, dangerStatementNumber: 1 })
    }
  })

  it('reads an unlinked goal with a null link', () => {
    const doc = newMeetingDoc()
    addSafetyGoal(doc, { ...GOAL, dangerStatementId: '' }, AUTHOR, { now: NOW })
    expect(readMap(doc).safetyGoals[0]).toMatchObject({ dangerStatementId: null, dangerStatementNumber: null })
  })
})

describe('scaling marks (MM-17, MM-20)', () => {
  it('keeps one mark per person per scale, with reasons, overall first then by statement', () => {
    const doc = newMeetingDoc()
    const statement = addDangerStatement(doc, SLOTS, AUTHOR, { now: NOW })
    writeScalingMark(doc, { scaleId: statement, participant: LORNA, value: 4, reasons: REASONS }, { now: NOW })
    writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: LORNA, value: 6, reasons: REASONS }, { now: NOW })
    writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: LORNA, value: 7, reasons: REASONS }, { now: NOW })
    writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: SAM, value: 12, reasons: REASONS }, { now: NOW })
    expectAllRecordsValid(doc)
    const { scales } = readMap(doc)
    expect(scales.map((s) => [s.scaleId, s.dangerStatementNumber, s.marks.map((m) => [m.participantName, m.value])])).toEqual([
      [OVERALL_SCALE_ID, null, [['Lorna', 7], ['Sam', 10]]],
      [statement, 1, [['Lorna', 4]]],
    ])
    expect(scales[0]!.marks[0]).toMatchObject({ id: scalingMarkId(OVERALL_SCALE_ID, LORNA.id), ...REASONS })
  })

  it('places a mark on the rating band, further right for a higher number', () => {
    const doc = newMeetingDoc()
    const low = writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: LORNA, value: 2, reasons: REASONS }, { now: NOW })
    const high = writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: SAM, value: 9, reasons: REASONS }, { now: NOW })
    const records = readRecordMap(doc) as Map<string, { x: number; y: number }>
    expect(records.get(high)!.x).toBeGreaterThan(records.get(low)!.x)
    expect(records.get(low)!.y).toBeGreaterThanOrEqual(1900)
  })

  it('never loses a mark when two people rate at the same time on different docs, in either merge order', () => {
    for (const order of ['a-first', 'b-first'] as const) {
      const base = newMeetingDoc()
      const a = new Y.Doc()
      const b = new Y.Doc()
      syncOneWay(base, a)
      syncOneWay(base, b)
      writeScalingMark(a, { scaleId: OVERALL_SCALE_ID, participant: LORNA, value: 5, reasons: REASONS }, { now: NOW })
      writeScalingMark(b, { scaleId: OVERALL_SCALE_ID, participant: SAM, value: 3, reasons: REASONS }, { now: NOW })
      if (order === 'a-first') {
        syncOneWay(a, b)
        syncOneWay(b, a)
      } else {
        syncOneWay(b, a)
        syncOneWay(a, b)
      }
      for (const doc of [a, b]) {
        expect(readMap(doc).scales[0]!.marks.map((m) => [m.participantName, m.value]), order).toEqual([
          ['Lorna', 5],
          ['Sam', 3],
        ])
      }
    }
  })

  it('refuses a mark outside 0–10 or without a person in the schema, as the relay would', () => {
    const doc = newMeetingDoc()
    const id = writeScalingMark(doc, { scaleId: OVERALL_SCALE_ID, participant: LORNA, value: 5, reasons: REASONS }, { now: NOW })
    const mark = readRecordMap(doc).get(id) as { props: Record<string, unknown> }
    const store = newValidatingStore()
    for (const props of [{ value: 11 }, { value: -1 }, { participantId: '' }, { scaleId: '' }, { extra: 1 }]) {
      expect(() => store.put([{ ...mark, props: { ...mark.props, ...props } } as unknown as TLRecord]), JSON.stringify(props)).toThrow()
    }
  })

  it('refuses a next step whose due date is not YYYY-MM-DD', () => {
    const doc = newMeetingDoc()
    const id = addNextStep(doc, { action: 'call', owner: 'Sam', dueDate: '', safetyGoalId: '' }, AUTHOR, { now: NOW })
    const step = readRecordMap(doc).get(id) as { props: Record<string, unknown> }
    expect(() => newValidatingStore().put([step as unknown as TLRecord])).not.toThrow()
    expect(() => newValidatingStore().put([{ ...step, props: { ...step.props, dueDate: 'Friday' } } as unknown as TLRecord])).toThrow()
  })
})

describe('direct quotes on notes (MM-21)', () => {
  it('reports quote: true on a note flagged in meta, and nothing on others', () => {
    const doc = newMeetingDoc()
    const kv = openKeyValue(doc)
    kv.set('shape:q', noteRecord({ id: 'shape:q', x: 760, y: 240, text: 'I walk Kai to school', meta: { authorName: 'Lorna', quote: true } }))
    kv.set('shape:p', noteRecord({ id: 'shape:p', x: 1000, y: 240, text: 'Lorna walks Kai', meta: { authorName: 'Ana' } }))
    const strengths = readMap(doc).sections.strengths
    expect(strengths.map((i) => [i.id, i.quote])).toEqual([
      ['shape:q', true],
      ['shape:p', undefined],
    ])
  })
})
