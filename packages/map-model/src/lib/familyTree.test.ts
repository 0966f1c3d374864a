import { describe, expect, it } from 'vitest'
import { AUTHOR, NOW, arrowRecords, expectAllRecordsValid, newMeetingDoc, noteRecord } from '../test/fixtures.ts'
import { addFamilyMember, addTemplateItem } from './addItem.ts'
import { updateItemText } from './editItem.ts'
import { describeFamilyMember, FAMILY_RELATIONSHIPS, readNameAndAge, relationshipSentence, type FamilyMember } from './familyTree.ts'
import { MAP_TEMPLATES, TEMPLATE_IDS, templateZoneText } from './mapTemplates.ts'
import { placeTemplate } from './placeTemplate.ts'
import { readMap } from './readMap.ts'
import { readRecordMap, writeRecords } from './recordEntries.ts'

function familyTree() {
  const doc = newMeetingDoc()
  const { placementId } = placeTemplate(doc, 'family-tree', { placementId: 'tree' })
  const add = (name: string, gender: 'woman' | 'man' | 'not-given', age: number | null = null) => addFamilyMember(doc, placementId, { name, age, gender }, AUTHOR, { now: NOW })
  const jess = add('Jess', 'woman', 34)
  const sam = add('Sam', 'man')
  const tom = add('Kai’s grandfather Tom', 'man')
  const kai = add('Kai', 'man', 7)
  // As someone who has died is marked on the board: `meta.died` on the person's symbol.
  const record = readRecordMap(doc).get(tom) as { meta: Record<string, unknown> }
  writeRecords(doc, [{ ...record, meta: { ...record.meta, died: true } } as never])
  const tree = () => readMap(doc).templates.find((t) => t.placementId === placementId)!
  return { doc, placementId, jess, sam, tom, kai, tree }
}

describe('family tree (MM-39)', () => {
  it('is one large box, offered in the picker, whose hint says what to do and what the symbols mean, in both languages', () => {
    expect(TEMPLATE_IDS).toContain('family-tree')
    expect(MAP_TEMPLATES['family-tree'].sections).toEqual(['family-tree'])
    expect(MAP_TEMPLATES['family-tree'].zones).toHaveLength(1)
    const en = templateZoneText('family-tree', 'family-tree', 'en')
    expect(en.heading).toBe('Family tree')
    expect(en.hint).toContain('Add each person in the family. Draw a line between two people to show how they are related.')
    expect(en.hint).toContain('A square is a man or boy, a circle a woman or girl, a diamond someone whose gender is not given.')
    expect(templateZoneText('family-tree', 'family-tree', 'es').heading).toBe('Árbol familiar')
  })

  it('reads each person drawn in the box with the standard symbol, their name, age and whether they have died', () => {
    const { doc, jess, sam, tom, kai, tree } = familyTree()
    expectAllRecordsValid(doc)
    const geo = (id: string) => (readRecordMap(doc).get(id) as { props: { geo: string } }).props.geo
    expect([geo(jess), geo(sam)]).toEqual(['ellipse', 'rectangle'])
    expect(tree().templateId).toBe('family-tree')
    expect(tree().familyMembers).toEqual([
      { itemId: jess, name: 'Jess', age: 34, gender: 'woman', died: false },
      { itemId: sam, name: 'Sam', age: null, gender: 'man', died: false },
      { itemId: tom, name: 'Kai’s grandfather Tom', age: null, gender: 'man', died: true },
      { itemId: kai, name: 'Kai', age: 7, gender: 'man', died: false },
    ])
    // Each person is also an ordinary attributed item of the box, its words what is written inside.
    expect(tree().sections['family-tree']?.map((i) => [i.text, i.authorName])).toEqual([
      ['Jess\n34', AUTHOR.name],
      ['Sam', AUTHOR.name],
      ['Kai’s grandfather Tom', AUTHOR.name],
      ['Kai\n7', AUTHOR.name],
    ])
    expect(tree().relationships).toEqual([])
    expect(readMap(doc).unsorted).toEqual([])
  })

  it('adds what someone writes from a phone as a person whose gender is not given, drawn as a diamond; changing the words changes name and age', () => {
    const { doc, placementId, tree } = familyTree()
    const alex = addTemplateItem(doc, placementId, 'family-tree', 'Alex', AUTHOR, { now: NOW })
    expectAllRecordsValid(doc)
    expect((readRecordMap(doc).get(alex) as { props: { geo: string } }).props.geo).toBe('diamond')
    expect(tree().familyMembers?.find((m) => m.itemId === alex)).toEqual({ itemId: alex, name: 'Alex', age: null, gender: 'not-given', died: false })
    expect(updateItemText(doc, alex, 'Alex\n15')).toBe(true)
    expect(tree().familyMembers?.find((m) => m.itemId === alex)).toMatchObject({ name: 'Alex', age: 15 })
  })

  it('reads each line between two people as a relationship with the kind the facilitator gave it, and leaves out lines to a note, to a symbol outside the box, or with a loose end', () => {
    const { doc, jess, sam, tom, kai, tree } = familyTree()
    const box = readRecordMap(doc).get('shape:zone-tree-family-tree') as { x: number; y: number }
    const notePerson = noteRecord({ id: 'shape:note-in-box', x: box.x + 1500, y: box.y + 1100, text: 'Dad works nights' })
    const outside = { ...(readRecordMap(doc).get(sam) as object), id: 'shape:far', x: -5000, y: -5000 }
    writeRecords(doc, [
      notePerson as never,
      outside as never,
      ...arrowRecords({ id: 'shape:jess-sam', fromId: jess, toId: sam, meta: { tie: 'separated' } }),
      ...arrowRecords({ id: 'shape:tom-jess', fromId: tom, toId: jess, meta: { tie: 'parent-child' } }),
      ...arrowRecords({ id: 'shape:jess-kai', fromId: jess, toId: kai }),
      ...arrowRecords({ id: 'shape:sam-kai', fromId: sam, toId: kai, meta: { tie: 'strong' } }),
      ...arrowRecords({ id: 'shape:loose', fromId: jess, toId: null, meta: { tie: 'partners' } }),
      ...arrowRecords({ id: 'shape:to-far', fromId: jess, toId: 'shape:far', meta: { tie: 'partners' } }),
      ...arrowRecords({ id: 'shape:to-note', fromId: jess, toId: 'shape:note-in-box', meta: { tie: 'partners' } }),
    ])
    expectAllRecordsValid(doc)
    expect(tree().familyMembers?.map((m) => m.itemId)).not.toContain('shape:far')
    expect(tree().sections['family-tree']?.map((i) => i.text)).toContain('Dad works nights')
    expect(tree().familyMembers?.map((m) => m.itemId)).not.toContain('shape:note-in-box')
    expect(tree().relationships).toEqual([
      { arrowId: 'shape:jess-sam', fromItemId: jess, fromText: 'Jess', toItemId: sam, toText: 'Sam', kind: 'separated' },
      { arrowId: 'shape:jess-kai', fromItemId: jess, fromText: 'Jess', toItemId: kai, toText: 'Kai', kind: null },
      { arrowId: 'shape:sam-kai', fromItemId: sam, fromText: 'Sam', toItemId: kai, toText: 'Kai', kind: null },
      { arrowId: 'shape:tom-jess', fromItemId: tom, fromText: 'Kai’s grandfather Tom', toItemId: jess, toText: 'Jess', kind: 'parent-child' },
    ])
    const members = tree().familyMembers!
    const sentences = (locale: 'en' | 'es') => tree().relationships!.map((r) => relationshipSentence(r, members, locale))
    expect(sentences('en')).toEqual([
      'Jess (woman, 34) — Sam (man): separated',
      'Jess (woman, 34) — Kai (boy, 7): related',
      'Sam (man) — Kai (boy, 7): related',
      'Kai’s grandfather Tom (man, has died) — Jess (woman, 34): parent and child',
    ])
    expect(sentences('es')[0]).toBe('Jess (mujer, 34 años) — Sam (hombre): separados')
  })

  it('says a person in plain words in English and Spanish', () => {
    const tom: FamilyMember = { itemId: 'shape:tom', name: 'Kai’s grandfather Tom', age: null, gender: 'man', died: true }
    expect(describeFamilyMember(tom, 'en')).toBe('Kai’s grandfather Tom (man, has died)')
    expect(describeFamilyMember(tom, 'es')).toBe('Kai’s grandfather Tom (hombre, falleció)')
    expect(describeFamilyMember({ ...tom, name: 'Mia', gender: 'woman', age: 1, died: false }, 'es')).toBe('Mia (niña, 1 año)')
    expect(describeFamilyMember({ ...tom, name: 'Alex', gender: 'not-given', died: false }, 'en')).toBe('Alex')
    expect(readNameAndAge('Jess\n34')).toEqual({ name: 'Jess', age: 34 })
    expect(readNameAndAge('Flat 34')).toEqual({ name: 'Flat 34', age: null })
    expect(FAMILY_RELATIONSHIPS.styles.separated.dash).not.toBe(FAMILY_RELATIONSHIPS.styles.partners.dash)
  })
})
