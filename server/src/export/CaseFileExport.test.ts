import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addDangerStatement,
  addDisagreement,
  addItem,
  addNextStep,
  addSafetyGoal,
  addTemplateItem,
  placeTemplate,
  readMap,
  updateItemText,
  writeSafetyMapTemplate,
  writeScalingMark,
} from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { buildCaseFileExport, recordDate, type BuildCaseFileExportInput } from './CaseFileExport.ts'
import { recordItemBlocks } from './itemBlocks.ts'
import { renderJson } from './renderJson.ts'

const T0 = Date.parse('2026-11-25T10:00:00Z')

function mapWith(items: [Parameters<typeof addItem>[1], string, string][]) {
  const doc = new Y.Doc()
  writeSafetyMapTemplate(doc, { title: 'Reunión', locale: 'es', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
  const ids = items.map(([section, text, name], i) => addItem(doc, section, text, { id: `p-${name}`, name }, { now: new Date(T0 + i * 1000) }))
  return { map: readMap(doc), ids }
}

const input = (over: Partial<BuildCaseFileExportInput> = {}): BuildCaseFileExportInput => ({
  meeting: { id: 'm1', title: 'Reunión', locale: 'es', status: 'live', createdAt: T0 },
  map: mapWith([]).map,
  stateSha256: 'ab'.repeat(32),
  roster: [],
  version: { number: 1, finalized: false, finalizedAt: null, finalizedBy: null },
  picture: { included: false },
  restrictedItemIds: new Set(),
  ...over,
})

describe('buildCaseFileExport', () => {
  it('lists every section in template order with items and their authors', () => {
    const { map } = mapWith([['danger', 'Peligro', 'José Nguyễn'], ['strengths', 'Fortaleza', 'Ana']])
    const model = buildCaseFileExport(input({ map }))
    expect(model.sections.map((s) => s.key)).toEqual(['harm', 'danger', 'complicating', 'strengths', 'safety', 'goals', 'next-steps', 'scale'])
    expect(model.sections[1]!.items.map((i) => [i.text, i.author.name])).toEqual([['Peligro', 'José Nguyễn']])
    expect(model.sections[1]!.label).toEqual({ en: 'Danger statements', es: expect.any(String) })
  })

  it('drops restricted items, counts them with those held elsewhere, and never names them', () => {
    const { map, ids } = mapWith([['harm', 'secreto', 'Ana'], ['harm', 'público', 'Ana']])
    const model = buildCaseFileExport(input({ map, restrictedItemIds: new Set([ids[0]!]), restrictedHeldElsewhere: 2 }))
    expect(model.sections[0]!.items.map((i) => i.text)).toEqual(['público'])
    expect(model.withheld).toEqual({ count: 3 })
    expect(renderJson(model).toString()).not.toContain('secreto')
  })

  it('names who else changed a note’s words beside its author, in the model, the record lines and the JSON (MM-9a)', () => {
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, { title: 'Reunión', locale: 'es', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
    const id = addItem(doc, 'strengths', 'Rosa lleva a Kai al parque', { id: 'p-rosa', name: 'Rosa' }, { now: new Date(T0) })
    updateItemText(doc, id, 'María lleva a Kai al parque', { editor: { id: 'p-maria', name: 'María', now: new Date(T0 + 60_000) } })
    const model = buildCaseFileExport(input({ map: readMap(doc) }))
    const item = model.sections.find((s) => s.key === 'strengths')!.items[0]!
    expect(item).toMatchObject({ author: { name: 'Rosa' }, changedBy: { participant: { id: 'p-maria', name: 'María' }, at: '2026-11-25T10:01:00.000Z' } })
    expect(recordItemBlocks(item, model.meeting.timeZone).map((b) => b.text)).toContain('Changed by María, 2026-11-25 10:01 UTC')
    expect(renderJson(model).toString()).toContain('"changedBy"')
  })

  it('heads and explains the sections in the map’s own wording: a wellbeing map’s worries are not “danger statements”', () => {
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, { title: 'R', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(T0), templateId: 'wellbeing' })
    const sections = buildCaseFileExport(input({ map: readMap(doc) })).sections
    const labels = Object.fromEntries(sections.map((s) => [s.key, s.label]))
    expect(labels.danger).toEqual({ en: 'Worry statements', es: 'Declaraciones de preocupación' })
    // The question under each heading too (the family copy prints it).
    expect(sections.find((s) => s.key === 'goals')!.hint.en).toBe('What will life look like when the child is doing well?')
    expect(labels.goals).toEqual({ en: 'Wellbeing goals', es: 'Metas de bienestar' })
    expect(labels.harm).toEqual({ en: 'Harm', es: expect.any(String) })
  })

  it('adds authors missing from the roster as contributors, once each', () => {
    const { map } = mapWith([['harm', 'a', 'Thu'], ['safety', 'b', 'Thu']])
    const model = buildCaseFileExport(input({ map }))
    expect(model.participants).toEqual([expect.objectContaining({ id: 'p-Thu', name: 'Thu', source: 'item-author', relationship: null })])
  })

  it('labels a live map as a draft of its version and a finalized one by number', () => {
    expect(buildCaseFileExport(input()).version.label).toBe(`v1-draft-${'ab'.repeat(6)}`)
    const finalized = buildCaseFileExport(input({ version: { number: 2, finalized: true, finalizedAt: T0 + 5000, finalizedBy: { id: 'w', name: 'Ana' } } }))
    expect(finalized.version).toMatchObject({ label: 'v2', finalizedAt: '2026-11-25T10:00:05.000Z' })
    expect(finalized.meeting.status).toBe('finalized')
    expect(recordDate(finalized).toISOString()).toBe('2026-11-25T10:00:05.000Z')
  })

  it('is deterministic: the same input gives the same JSON bytes and export id; a picture changes the id', () => {
    const { map } = mapWith([['goals', 'Meta', 'Ana']])
    const a = renderJson(buildCaseFileExport(input({ map })))
    const b = renderJson(buildCaseFileExport(input({ map })))
    expect(a.equals(b)).toBe(true)
    const withPicture = buildCaseFileExport(input({ map, picture: { included: true, mediaType: 'image/png', width: 1, height: 1, sha256: 'cd'.repeat(32) } }))
    expect(withPicture.exportId).not.toBe(JSON.parse(a.toString()).exportId)
  })

  it('dates a live map by its latest item, not by the clock', () => {
    const { map } = mapWith([['harm', 'a', 'Ana'], ['harm', 'b', 'Ana']])
    expect(recordDate(buildCaseFileExport(input({ map }))).toISOString()).toBe('2026-11-25T10:00:01.000Z')
  })

  it('withholds a restricted danger statement together with its scale, and counts it', () => {
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, { title: 'R', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
    const slots = { whoIsWorried: 'A', behaviour: 'b', situations: 'c', impactOnChild: 'd', whoDisagrees: '' }
    const open = addDangerStatement(doc, { ...slots, behaviour: 'open worry' }, { id: 'p', name: 'P' }, { now: new Date(T0) })
    const secret = addDangerStatement(doc, { ...slots, behaviour: 'treatment detail' }, { id: 'p', name: 'P' }, { now: new Date(T0) })
    writeScalingMark(doc, { scaleId: secret, participant: { id: 'p', name: 'P' }, value: 3, reasons: { whatMakesItThisHigh: 'x', onePointHigher: 'y' } }, { now: new Date(T0) })
    writeScalingMark(doc, { scaleId: open, participant: { id: 'p', name: 'P' }, value: 5, reasons: { whatMakesItThisHigh: 'x', onePointHigher: 'y' } }, { now: new Date(T0) })
    const model = buildCaseFileExport(input({ map: readMap(doc), restrictedItemIds: new Set([secret]) }))
    expect(model.dangerStatements.map((s) => s.id)).toEqual([open])
    expect(model.dangerStatements[0]!.disagreement).toBeNull()
    expect(model.scales.filter((s) => s.marks.length > 0).map((s) => s.scaleId)).toEqual([open])
    expect(model.withheld.count).toBe(1)
    expect(renderJson(model).toString()).not.toContain('treatment detail')
  })

  it('exports only what the child agreed to share from the Three Houses, counts the rest, and keeps other templates whole', () => {
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, { title: 'R', locale: 'es', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
    const houses = placeTemplate(doc, 'three-houses').placementId
    const circles = placeTemplate(doc, 'circles').placementId
    const child = { id: 'p-kai', name: 'Kai' }
    const now = { now: new Date(T0) }
    addTemplateItem(doc, houses, 'house-worries', 'No me gusta cuando gritan  ', child, { ...now, childAgreed: true })
    addTemplateItem(doc, houses, 'house-worries', 'a secret the child kept', child, now)
    addTemplateItem(doc, houses, 'house-good-things', 'Jugar fútbol con la abuela', child, { ...now, childAgreed: true })
    const restricted = addTemplateItem(doc, houses, 'house-hopes-dreams', 'restricted wish', child, { ...now, childAgreed: true })
    addTemplateItem(doc, circles, 'circle-close', 'La abuela Nguyễn', { id: 'p-ana', name: 'Ana' }, now)

    const model = buildCaseFileExport(input({ map: readMap(doc), restrictedItemIds: new Set([restricted]) }))
    const [threeHouses, rings] = model.templates
    expect(threeHouses).toMatchObject({ templateId: 'three-houses', childsOwnWords: true, notShared: 1, name: { en: 'Three Houses', es: 'Las tres casas' } })
    const worries = threeHouses!.sections.find((s) => s.key === 'house-worries')!
    expect(worries.label.en).toBe('House of worries')
    // Verbatim: the child's words are never trimmed or rewritten.
    expect(worries.items.map((i) => [i.text, i.childAgreed, i.author.name])).toEqual([['No me gusta cuando gritan  ', true, 'Kai']])
    expect(rings).toMatchObject({ templateId: 'circles', childsOwnWords: false, notShared: 0 })
    expect(rings!.sections.find((s) => s.key === 'circle-close')!.items.map((i) => [i.text, i.childAgreed])).toEqual([['La abuela Nguyễn', false]])
    expect(model.withheld.count).toBe(1)
    const json = renderJson(model).toString()
    expect(json).not.toContain('a secret the child kept')
    expect(json).not.toContain('restricted wish')
    expect(model.participants.map((p) => p.name)).toEqual(['Kai', 'Ana'])
  })

  it('carries who does not agree with each note and card, and when they said so, into the model and the JSON (MM-25)', () => {
    const doc = new Y.Doc()
    writeSafetyMapTemplate(doc, { title: 'R', locale: 'en', schema: createSafetyMapSchema().serialize(), now: new Date(T0) })
    const worker = { id: 'w1', name: 'Ana Ruiz' }
    const jess = { id: 'p-jess', name: 'Jess' }
    const at = (minutes: number) => ({ now: new Date(T0 + minutes * 60_000) })
    const note = addItem(doc, 'harm', 'Kai was left alone after school', worker, at(0))
    addItem(doc, 'harm', 'Kai missed school twice', worker, at(0))
    const statement = addDangerStatement(doc, { whoIsWorried: 'The school', behaviour: 'Kai is left alone', situations: '', impactOnChild: '', whoDisagrees: '' }, worker, at(1))
    const goal = addSafetyGoal(doc, { caregiversWillBeDoing: 'Grandma picks Kai up', childWillExperience: '', whoIsInvolved: '', forHowLong: '', howEveryoneWillKnow: '', dangerStatementId: statement }, worker, at(1))
    const step = addNextStep(doc, { action: 'Call the school', owner: 'Jess', dueDate: '', safetyGoalId: goal }, worker, at(1))
    addDisagreement(doc, note, { id: 'p-isabel', name: 'Isabel' }, at(6))
    addDisagreement(doc, note, jess, at(5))
    for (const card of [statement, goal, step]) addDisagreement(doc, card, jess, at(7))

    const model = buildCaseFileExport(input({ map: readMap(doc) }))
    const jessAt = (minutes: number) => ({ participant: { id: 'p-jess', name: 'Jess' }, at: new Date(T0 + minutes * 60_000).toISOString() })
    const [disagreed, agreed] = model.sections[0]!.items
    expect(disagreed!.disagreements).toEqual([jessAt(5), { participant: { id: 'p-isabel', name: 'Isabel' }, at: '2026-11-25T10:06:00.000Z' }])
    expect(agreed!.disagreements).toEqual([])
    const [card] = model.dangerStatements
    expect(card!.disagreements).toEqual([jessAt(7)])
    // The statement's own "who disagrees" slot stays what was typed into it.
    expect(card!.disagreement).toBeNull()
    expect(card!.safetyGoals[0]!.disagreements).toEqual([jessAt(7)])
    expect(model.nextSteps[0]!.disagreements).toEqual([jessAt(7)])
    expect(recordDate(model).toISOString()).toBe('2026-11-25T10:07:00.000Z')

    const json = JSON.parse(renderJson(model).toString())
    expect(json.schemaVersion).toBe('1.16.0')
    expect(json.sections[0].items[0].disagreements).toEqual([jessAt(5), { participant: { id: 'p-isabel', name: 'Isabel' }, at: '2026-11-25T10:06:00.000Z' }])
    expect(json.dangerStatements[0].disagreements).toEqual([jessAt(7)])
    expect(json.dangerStatements[0].safetyGoals[0].disagreements).toEqual([jessAt(7)])
    expect(json.nextSteps[0].disagreements).toEqual([jessAt(7)])
  })
})
