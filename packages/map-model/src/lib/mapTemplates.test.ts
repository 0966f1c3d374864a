import { describe, expect, it } from 'vitest'
import { AUTHOR, NOW, expectAllRecordsValid, newMeetingDoc } from '../test/fixtures.ts'
import * as Y from 'yjs'
import { addItem, addPrivateNote, addTemplateItem } from './addItem.ts'
import { readRecordMap } from './recordEntries.ts'
import { MAP_TEMPLATES, TEMPLATE_IDS, templateZoneText, templateZoneWords } from './mapTemplates.ts'
import { MapModelError } from './MapModelError.ts'
import { placedZoneId, placeTemplate, TEMPLATE_PLACEMENT_GAP } from './placeTemplate.ts'
import { readMap } from './readMap.ts'
import { readZones } from './readZones.ts'
import { safetyMapTemplate } from './safetyMapTemplate.ts'
import { zoneHint, zoneLabel } from './zoneCatalogue.ts'
import { isItemZoneKey, SECTION_KEYS } from './zoneKeys.ts'

const CHILD = { id: 'participant-kai', name: 'Kai' } as const

describe('templates as data (MM-26)', () => {
  it('makes the foundation’s three-column map one template with the same zones', () => {
    const three = MAP_TEMPLATES['three-column']
    expect(three.zones.map(({ key, x, y, w, h }) => ({ key, x, y, w, h }))).toEqual(safetyMapTemplate.zones)
    expect(three.sections).toEqual(SECTION_KEYS)
  })

  it('gives every template non-overlapping-at-the-same-level zones whose sections hold items', () => {
    for (const id of TEMPLATE_IDS) {
      const t = MAP_TEMPLATES[id]
      expect(t.id).toBe(id)
      expect(new Set(t.zones.map((z) => z.key)).size, id).toBe(t.zones.length)
      for (const key of t.sections) expect(isItemZoneKey(key), `${id} ${key}`).toBe(true)
      for (const z of t.zones) {
        expect(z.w > 0 && z.h > 0 && z.x >= 0 && z.y >= 0, `${id} ${z.key}`).toBe(true)
        expect(z.x + z.w).toBeLessThanOrEqual(t.width)
        expect(z.y + z.h).toBeLessThanOrEqual(t.height)
      }
    }
    expect(MAP_TEMPLATES['three-houses'].sections).toEqual(['house-good-things', 'house-worries', 'house-hopes-dreams'])
    expect(MAP_TEMPLATES['safety-house'].sections).toEqual([
      'safety-house-lives-here',
      'safety-house-visits',
      'safety-house-rules',
      'safety-house-outside',
      'safety-house-path',
    ])
    expect(MAP_TEMPLATES.circles.sections).toEqual(['circle-outer', 'circle-wider', 'circle-close', 'circle-family'])
    expect(MAP_TEMPLATES['safety-plan'].sections).toEqual(['safety-plan-rules', 'safety-plan-who', 'safety-plan-warning-signs', 'safety-plan-if-broken', 'safety-plan-contacts'])
  })

  it('lays the safety plan out as five side-by-side boxes that never overlap, headed in plain words in both languages', () => {
    const plan = MAP_TEMPLATES['safety-plan']
    const zones = plan.zones
    expect(zones.every((z) => z.look === 'section')).toBe(true)
    for (const a of zones) {
      for (const b of zones) {
        if (a === b) continue
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
        expect(apart, `${a.key} and ${b.key}`).toBe(true)
      }
    }
    expect(plan.sections.map((key) => zoneLabel(templateZoneWords(key, 'safety-plan').heading, 'en'))).toEqual([
      'Rules that keep the child safe every day',
      'Who does what',
      'Warning signs to look out for',
      'If a rule is broken',
      'Phone numbers and contacts',
    ])
    expect(zoneLabel('safety-plan-contacts', 'es')).toBe('Teléfonos y contactos')
    expect(zoneLabel('safety-plan-rules', 'es')).toBe('Reglas que mantienen al niño o la niña a salvo cada día')
    for (const key of plan.sections) expect(zoneHint(key, 'es').length, key).toBeGreaterThan(0)
  })

  it('lays a words and pictures story out as five pages in one row, read left to right like a picture book (MM-36)', () => {
    const story = MAP_TEMPLATES['words-and-pictures']
    expect(story.sections).toEqual(['story-title', 'story-who-is-worried', 'story-worried-about', 'story-what-happened', 'story-grown-ups-now'])
    const pages = story.zones
    expect(pages.every((z) => z.look === 'section' && z.y === 0 && z.w === pages[0]!.w && z.h === pages[0]!.h)).toBe(true)
    for (const [i, page] of pages.entries()) if (i > 0) expect(page.x, page.key).toBeGreaterThanOrEqual(pages[i - 1]!.x + pages[i - 1]!.w)
    expect(story.sections.map((key) => templateZoneText(key, 'words-and-pictures', 'en').heading)).toEqual([
      'The story’s title',
      'Who is worried',
      'What they are worried about',
      'What happened',
      'What the grown-ups are doing now',
    ])
    expect(story.sections.map((key) => templateZoneText(key, 'words-and-pictures', 'es').heading)).toEqual([
      'El título del cuento',
      'Quién está preocupado',
      'Qué les preocupa',
      'Qué pasó',
      'Lo que hacen los adultos ahora',
    ])
    expect(zoneHint('story-what-happened', 'en')).toContain('Write it so the child can understand it.')
    expect(zoneHint('story-what-happened', 'es')).toContain('Escríbalo de manera que el niño o la niña lo pueda entender.')
  })

  it('lays feedback on the meeting out as two boxes side by side, each with a one-line hint in both languages (MM-38)', () => {
    const feedback = MAP_TEMPLATES.feedback
    expect(feedback.sections).toEqual(['feedback-helped', 'feedback-change'])
    const [helped, change] = feedback.zones
    expect(feedback.zones.every((z) => z.look === 'section')).toBe(true)
    expect(helped!.y).toBe(change!.y)
    expect(change!.x).toBeGreaterThanOrEqual(helped!.x + helped!.w)
    expect(feedback.sections.map((key) => templateZoneText(key, 'feedback', 'en'))).toEqual([
      { heading: 'What helped today?', hint: 'Anyone can write here. Short is fine.' },
      { heading: 'What would you change next time?', hint: 'Anyone can write here. Short is fine.' },
    ])
    expect(feedback.sections.map((key) => templateZoneText(key, 'feedback', 'es'))).toEqual([
      { heading: '¿Qué le ayudó hoy?', hint: 'Cualquier persona puede escribir aquí. Basta con pocas palabras.' },
      { heading: '¿Qué cambiaría la próxima vez?', hint: 'Cualquier persona puede escribir aquí. Basta con pocas palabras.' },
    ])
  })

  it('keeps the section keys in the variants and changes only their words (MM-27)', () => {
    expect(MAP_TEMPLATES.wellbeing.sections).toEqual(SECTION_KEYS)
    expect(zoneLabel(templateZoneWords('danger', 'wellbeing').heading, 'en')).toBe('Worry statements')
    expect(zoneLabel(templateZoneWords('goals', 'wellbeing').heading, 'en')).toBe('Wellbeing goals')
    expect(zoneLabel(templateZoneWords('goals', 'wellbeing').heading, 'es')).toBe('Metas de bienestar')
    expect(zoneLabel(templateZoneWords('danger', null).heading, 'en')).toBe('Danger statements')
    expect(MAP_TEMPLATES.consultation.sections).toEqual([...SECTION_KEYS.filter((k) => k !== 'scale'), 'grey-area', 'scale'])
    expect(zoneLabel(templateZoneWords('grey-area', 'consultation').heading, 'en')).toBe('Grey area')
    expect(zoneHint('grey-area', 'es')).toContain('no está claro')
  })
})

describe('placeTemplate (MM-26)', () => {
  it('writes valid, locked zones to the right of the map with their own id prefix', () => {
    const doc = newMeetingDoc()
    const placed = placeTemplate(doc, 'three-houses', { placementId: 'houses1' })
    expect(placed.at).toEqual({ x: 2180 + TEMPLATE_PLACEMENT_GAP, y: 0 })
    expect(placed.zoneIds).toEqual([
      placedZoneId('houses1', 'house-good-things'),
      placedZoneId('houses1', 'house-worries'),
      placedZoneId('houses1', 'house-hopes-dreams'),
    ])
    expect(placed.zoneIds.every((id) => id.startsWith('shape:zone-'))).toBe(true)
    expectAllRecordsValid(doc)
    const zones = readZones(doc).filter((z) => z.placementId === 'houses1')
    expect(zones.map((z) => [z.key, z.templateId, z.x])).toEqual([
      ['house-good-things', 'three-houses', 2380],
      ['house-worries', 'three-houses', 3120],
      ['house-hopes-dreams', 'three-houses', 3860],
    ])
  })

  it('places every template schema-valid, and two placements of one template never collide', () => {
    const doc = newMeetingDoc()
    const ids = new Set<string>()
    for (const id of [...TEMPLATE_IDS, 'three-houses' as const]) {
      for (const zoneId of placeTemplate(doc, id).zoneIds) {
        expect(ids.has(zoneId)).toBe(false)
        ids.add(zoneId)
      }
    }
    expectAllRecordsValid(doc)
    const placements = readMap(doc).templates
    expect(placements.map((p) => p.templateId)).toEqual([...TEMPLATE_IDS, 'three-houses'])
    // Each placement starts right of the one before: nothing overlaps.
    const zones = readZones(doc)
    const lefts = placements.map((p) => Math.min(...zones.filter((z) => z.placementId === p.placementId).map((z) => z.x)))
    expect([...lefts].sort((a, b) => a - b)).toEqual(lefts)
  })

  it('indexes placed zones above the map’s zones and below every note', () => {
    const doc = newMeetingDoc()
    const noteId = addItem(doc, 'harm', 'A note', AUTHOR, { now: NOW })
    placeTemplate(doc, 'circles', { placementId: 'c1' })
    const records = new Map(
      (doc.getArray('records').toArray() as { key: string; val: { index: string } }[]).map((e) => [e.key, e.val.index]),
    )
    const placedIndexes = [...records].filter(([k]) => k.startsWith('shape:zone-c1-')).map(([, i]) => i)
    const mapIndexes = safetyMapTemplate.zones.map((z) => records.get(`shape:zone-${z.key}`) ?? '')
    for (const i of placedIndexes) {
      expect(i > mapIndexes.reduce((a, b) => (a > b ? a : b))).toBe(true)
      expect(i < (records.get(noteId) ?? '')).toBe(true)
    }
  })

  it('refuses unknown templates and malformed placement ids', () => {
    const doc = newMeetingDoc()
    expect(() => placeTemplate(doc, 'genogram' as never)).toThrow(MapModelError)
    expect(() => placeTemplate(doc, 'circles', { placementId: 'a-b' })).toThrow(/MAP_INVALID_PLACEMENT_ID/)
  })
})

describe('readMap with placed templates (MM-26, MM-29)', () => {
  it('keeps the three-column sections as before and groups other templates’ items per placement and section', () => {
    const doc = newMeetingDoc()
    addItem(doc, 'danger', 'Map worry', AUTHOR, { now: NOW })
    const a = placeTemplate(doc, 'three-houses', { placementId: 'housesA' })
    const b = placeTemplate(doc, 'three-houses', { placementId: 'housesB' })
    addTemplateItem(doc, a.placementId, 'house-worries', 'When dad shouts', CHILD, { now: NOW })
    addTemplateItem(doc, b.placementId, 'house-good-things', 'My dog Rocky', CHILD, { now: NOW })
    const map = readMap(doc)
    expect(map.sections.danger.map((i) => i.text)).toEqual(['Map worry'])
    expect(map.unsorted).toEqual([])
    expect(map.templates).toHaveLength(2)
    const [first, second] = map.templates
    expect(first?.placementId).toBe('housesA')
    expect(first?.templateId).toBe('three-houses')
    expect(first?.sections['house-worries']?.map((i) => i.text)).toEqual(['When dad shouts'])
    expect(first?.sections['house-good-things']).toEqual([])
    expect(first?.sections['house-hopes-dreams']).toEqual([])
    expect(second?.sections['house-good-things']?.map((i) => i.text)).toEqual(['My dog Rocky'])
  })

  it('reads a placed wellbeing map under its own placement with the same section keys, not into the map’s sections', () => {
    const doc = newMeetingDoc()
    const placed = placeTemplate(doc, 'wellbeing', { placementId: 'well' })
    addTemplateItem(doc, placed.placementId, 'danger', 'Kai could miss school', AUTHOR, { now: NOW })
    const map = readMap(doc)
    expect(map.sections.danger).toEqual([])
    expect(Object.keys(map.templates[0]?.sections ?? {})).toEqual([...SECTION_KEYS])
    expect(map.templates[0]?.sections.danger?.map((i) => i.text)).toEqual(['Kai could miss school'])
  })

  it('returns the consultation grey area and the Safety House and circles sections', () => {
    const doc = newMeetingDoc()
    const consultation = placeTemplate(doc, 'consultation', { placementId: 'cons' })
    const house = placeTemplate(doc, 'safety-house', { placementId: 'sh' })
    const circles = placeTemplate(doc, 'circles', { placementId: 'rings' })
    addTemplateItem(doc, consultation.placementId, 'grey-area', 'Not sure who was home', AUTHOR, { now: NOW })
    addTemplateItem(doc, house.placementId, 'safety-house-rules', 'No shouting after 8', CHILD, { now: NOW })
    addTemplateItem(doc, circles.placementId, 'circle-family', 'Mum', AUTHOR, { now: NOW })
    addTemplateItem(doc, circles.placementId, 'circle-close', 'Grandma Lorna', AUTHOR, { now: NOW })
    addTemplateItem(doc, circles.placementId, 'circle-outer', 'Coach Sam', AUTHOR, { now: NOW })
    expectAllRecordsValid(doc)
    const byId = new Map(readMap(doc).templates.map((t) => [t.placementId, t.sections]))
    expect(byId.get('cons')?.['grey-area']?.map((i) => i.text)).toEqual(['Not sure who was home'])
    expect(byId.get('sh')?.['safety-house-rules']?.map((i) => i.text)).toEqual(['No shouting after 8'])
    const rings = byId.get('rings')
    expect(rings?.['circle-family']?.map((i) => i.text)).toEqual(['Mum'])
    expect(rings?.['circle-close']?.map((i) => i.text)).toEqual(['Grandma Lorna'])
    expect(rings?.['circle-wider']).toEqual([])
    expect(rings?.['circle-outer']?.map((i) => i.text)).toEqual(['Coach Sam'])
  })

  it('reads each safety plan note in its own box, with who wrote it', () => {
    const doc = newMeetingDoc()
    const plan = placeTemplate(doc, 'safety-plan', { placementId: 'plan' })
    addTemplateItem(doc, plan.placementId, 'safety-plan-rules', 'Kai is never left alone in the bath', AUTHOR, { now: NOW })
    addTemplateItem(doc, plan.placementId, 'safety-plan-who', 'Lorna checks on bath night', AUTHOR, { now: NOW })
    addTemplateItem(doc, plan.placementId, 'safety-plan-warning-signs', 'Jess stays in bed past noon', AUTHOR, { now: NOW })
    addTemplateItem(doc, plan.placementId, 'safety-plan-if-broken', 'Lorna takes Kai for the night', AUTHOR, { now: NOW })
    expectAllRecordsValid(doc)
    const map = readMap(doc)
    expect(map.unsorted).toEqual([])
    const [placed] = map.templates
    expect(placed?.templateId).toBe('safety-plan')
    expect(Object.fromEntries(Object.entries(placed?.sections ?? {}).map(([key, items]) => [key, items.map((i) => `${i.text} / ${i.authorName}`)]))).toEqual({
      'safety-plan-rules': [`Kai is never left alone in the bath / ${AUTHOR.name}`],
      'safety-plan-who': [`Lorna checks on bath night / ${AUTHOR.name}`],
      'safety-plan-warning-signs': [`Jess stays in bed past noon / ${AUTHOR.name}`],
      'safety-plan-if-broken': [`Lorna takes Kai for the night / ${AUTHOR.name}`],
      'safety-plan-contacts': [],
    })
  })

  it('reads what helped and what to change in their own boxes of the feedback, with who wrote each (MM-38)', () => {
    const doc = newMeetingDoc()
    const feedback = placeTemplate(doc, 'feedback', { placementId: 'fb' })
    addTemplateItem(doc, feedback.placementId, 'feedback-helped', 'Being asked what I think', CHILD, { now: NOW })
    addTemplateItem(doc, feedback.placementId, 'feedback-change', 'Start earlier in the day', AUTHOR, { now: NOW })
    expectAllRecordsValid(doc)
    const map = readMap(doc)
    expect(map.unsorted).toEqual([])
    expect(map.templates.map((t) => ({ placementId: t.placementId, templateId: t.templateId, sections: Object.fromEntries(Object.entries(t.sections).map(([key, items]) => [key, items.map((i) => `${i.text} / ${i.authorName}`)])) }))).toEqual([
      {
        placementId: 'fb',
        templateId: 'feedback',
        sections: { 'feedback-helped': ['Being asked what I think / Kai'], 'feedback-change': [`Start earlier in the day / ${AUTHOR.name}`] },
      },
    ])
  })

  it('writes a phone number for the plan’s contacts box into the workers-only doc, never into the shared map (MM-35)', () => {
    const shared = newMeetingDoc()
    const plan = placeTemplate(shared, 'safety-plan', { placementId: 'plan' })
    expect(() => addTemplateItem(shared, plan.placementId, 'safety-plan-contacts', 'Lorna 555 0101', AUTHOR)).toThrow(
      expect.objectContaining({ code: 'MAP_WORKERS_ONLY_SECTION' }),
    )
    const restricted = new Y.Doc()
    const first = addPrivateNote(shared, restricted, plan.placementId, 'safety-plan-contacts', 'Lorna 555 0101', AUTHOR, { now: NOW })
    const second = addPrivateNote(shared, restricted, plan.placementId, 'safety-plan-contacts', 'Clinic 555 0199', AUTHOR, { now: NOW })
    expect(Buffer.from(Y.encodeStateAsUpdate(shared)).includes(Buffer.from('555'))).toBe(false)
    expect(readMap(shared).templates[0]?.sections['safety-plan-contacts']).toEqual([])
    const notes = [first, second].map((id) => readRecordMap(restricted).get(id) as { parentId: string; x: number; y: number; meta: Record<string, unknown> })
    const box = MAP_TEMPLATES['safety-plan'].zones.find((z) => z.key === 'safety-plan-contacts')!
    for (const note of notes) {
      expect(note.parentId).toBe(placedZoneId(plan.placementId, 'safety-plan-contacts'))
      expect(note.x >= 0 && note.y >= 0 && note.x < box.w && note.y < box.h).toBe(true)
      expect(note.meta).toMatchObject({ authorId: AUTHOR.id, authorName: AUTHOR.name })
    }
    expect(notes[0]?.x === notes[1]?.x && notes[0]?.y === notes[1]?.y).toBe(false)
    expect(() => addPrivateNote(shared, restricted, plan.placementId, 'safety-plan-rules', 'x', AUTHOR)).toThrow(MapModelError)
    expect(() => addPrivateNote(shared, restricted, 'nope', 'safety-plan-contacts', 'x', AUTHOR)).toThrow(expect.objectContaining({ code: 'MAP_ZONE_MISSING' }))
  })

  it('reports the child-agreed flag and keeps the child’s words exactly as written (MM-29)', () => {
    const doc = newMeetingDoc()
    const placed = placeTemplate(doc, 'three-houses', { placementId: 'h' })
    const words = '  i dont like when   mum is sad ,\nit makes me scared  '
    addTemplateItem(doc, placed.placementId, 'house-worries', words, CHILD, { now: NOW, childAgreed: true })
    addTemplateItem(doc, placed.placementId, 'house-worries', 'Not for sharing yet', CHILD, { now: NOW })
    expectAllRecordsValid(doc)
    const items = readMap(doc).templates[0]?.sections['house-worries'] ?? []
    expect(items.map((i) => [i.text, i.childAgreed])).toEqual([
      [words, true],
      ['Not for sharing yet', undefined],
    ])
    expect(items[0]?.authorName).toBe('Kai')
  })
})
