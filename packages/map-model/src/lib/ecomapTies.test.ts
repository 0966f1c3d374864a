import { describe, expect, it } from 'vitest'
import { AUTHOR, NOW, arrowRecords, expectAllRecordsValid, newMeetingDoc, noteRecord } from '../test/fixtures.ts'
import { addItem, addTemplateItem } from './addItem.ts'
import { ECOMAP_TIE_STYLES, tieSentence } from './ecomapTies.ts'
import { MAP_TEMPLATES, TEMPLATE_IDS, templateZoneText } from './mapTemplates.ts'
import { placeTemplate } from './placeTemplate.ts'
import { readMap } from './readMap.ts'
import { writeRecords } from './recordEntries.ts'

function ecomapWithPeople() {
  const doc = newMeetingDoc()
  const { placementId } = placeTemplate(doc, 'ecomap', { placementId: 'eco' })
  const add = (text: string) => addTemplateItem(doc, placementId, 'ecomap-network', text, AUTHOR, { now: NOW })
  const kai = add('Kai')
  const lorna = add('Grandma Lorna')
  const school = add('Hillside School')
  const dad = add('Dad')
  const ecomap = () => readMap(doc).templates.find((t) => t.placementId === placementId)!
  return { doc, kai, lorna, school, dad, ecomap }
}

describe('family and network diagram (MM-37)', () => {
  it('is one large box, offered in the picker, whose hint says what to do in plain words in both languages', () => {
    expect(TEMPLATE_IDS).toContain('ecomap')
    const ecomap = MAP_TEMPLATES.ecomap
    expect(ecomap.sections).toEqual(['ecomap-network'])
    expect(ecomap.zones).toHaveLength(1)
    expect(ecomap.width * ecomap.height).toBeGreaterThanOrEqual(1600 * 1200)
    expect(templateZoneText('ecomap-network', 'ecomap', 'en').hint).toBe(
      'Put the child in the middle. Add a note for each person or place in the child’s life, and draw a line from the child to each one.',
    )
    expect(templateZoneText('ecomap-network', 'ecomap', 'es').hint).toContain('Ponga al niño o la niña en el centro.')
  })

  it('reads the people as the box’s notes, and no ties until an arrow joins two of them', () => {
    const { doc, ecomap } = ecomapWithPeople()
    expect(ecomap().templateId).toBe('ecomap')
    expect(ecomap().sections['ecomap-network']?.map((i) => [i.text, i.authorName])).toEqual([
      ['Kai', AUTHOR.name],
      ['Grandma Lorna', AUTHOR.name],
      ['Hillside School', AUTHOR.name],
      ['Dad', AUTHOR.name],
    ])
    expect(ecomap().ties).toEqual([])
    expect(readMap(doc).sections.strengths).toEqual([])
  })

  it('reads each arrow bound at both ends to notes in the box as a tie, from its start to its end, with the kind the facilitator gave it', () => {
    const { doc, kai, lorna, school, dad, ecomap } = ecomapWithPeople()
    writeRecords(doc, [
      ...arrowRecords({ id: 'shape:to-dad', fromId: kai, toId: dad, meta: { tie: 'stressful' } }),
      ...arrowRecords({ id: 'shape:to-lorna', fromId: kai, toId: lorna, meta: { tie: 'strong' } }),
      ...arrowRecords({ id: 'shape:to-school', fromId: kai, toId: school }),
      ...arrowRecords({ id: 'shape:lorna-school', fromId: lorna, toId: school, meta: { tie: 'very strong' } }),
    ])
    expectAllRecordsValid(doc)
    expect(ecomap().ties).toEqual([
      { arrowId: 'shape:to-lorna', fromItemId: kai, fromText: 'Kai', toItemId: lorna, toText: 'Grandma Lorna', kind: 'strong' },
      { arrowId: 'shape:to-school', fromItemId: kai, fromText: 'Kai', toItemId: school, toText: 'Hillside School', kind: null },
      { arrowId: 'shape:to-dad', fromItemId: kai, fromText: 'Kai', toItemId: dad, toText: 'Dad', kind: 'stressful' },
      { arrowId: 'shape:lorna-school', fromItemId: lorna, fromText: 'Grandma Lorna', toItemId: school, toText: 'Hillside School', kind: null },
    ])
  })

  it('leaves out an arrow with a loose end, one from a note to itself, and one to a note outside the box', () => {
    const { doc, kai, lorna, ecomap } = ecomapWithPeople()
    const strength = addItem(doc, 'strengths', 'Lorna drives Kai to school', AUTHOR, { now: NOW })
    writeRecords(doc, [
      noteRecord({ id: 'shape:far-away', x: -5000, y: -5000, text: 'Somewhere else' }),
      ...arrowRecords({ id: 'shape:loose', fromId: kai, toId: null, meta: { tie: 'strong' } }),
      ...arrowRecords({ id: 'shape:self', fromId: lorna, toId: lorna }),
      ...arrowRecords({ id: 'shape:to-map', fromId: kai, toId: strength }),
      ...arrowRecords({ id: 'shape:to-far', fromId: 'shape:far-away', toId: lorna }),
    ])
    expectAllRecordsValid(doc)
    expect(ecomap().ties).toEqual([])
  })

  it('says a tie as one plain sentence in English and Spanish, “connected” when it has no kind', () => {
    const tie = { fromText: 'Kai', toText: 'Grandma Lorna', kind: 'strong' } as const
    expect(tieSentence(tie, 'en')).toBe('Kai — Grandma Lorna: strong tie')
    expect(tieSentence({ ...tie, toText: 'Abuela Lorna' }, 'es')).toBe('Kai — Abuela Lorna: relación fuerte')
    expect(tieSentence({ ...tie, kind: null }, 'en')).toBe('Kai — Grandma Lorna: connected')
    expect(tieSentence({ ...tie, kind: 'stressful' }, 'es')).toBe('Kai — Grandma Lorna: relación difícil')
  })

  it('draws each kind with a different tldraw arrow style: strong thick and solid, weak dashed, stressful red and dotted', () => {
    expect(ECOMAP_TIE_STYLES.strong).toMatchObject({ dash: 'solid', size: 'xl' })
    expect(ECOMAP_TIE_STYLES.weak.dash).toBe('dashed')
    expect(ECOMAP_TIE_STYLES.stressful).toMatchObject({ dash: 'dotted', color: 'red' })
  })
})
