import { describe, expect, it } from 'vitest'
import { AUTHOR, NOW, expectAllRecordsValid, newMeetingDoc } from '../test/fixtures.ts'
import { addTemplateItem } from './addItem.ts'
import { deleteItem, updateItemText } from './editItem.ts'
import { placedZoneId, placeTemplate } from './placeTemplate.ts'
import { readMap } from './readMap.ts'
import { readRecordMap } from './recordEntries.ts'
import { recordWordingAgreed } from './recordWordingAgreed.ts'
import { storyWordingState, WORDING_AGREED_META_KEY } from './wordingAgreement.ts'

const LATER = new Date('2026-11-25T10:30:00.000Z')
const JESS = 'Jess, Kai’s mum'

function storyWithWords() {
  const doc = newMeetingDoc()
  const { placementId } = placeTemplate(doc, 'words-and-pictures', { placementId: 'story' })
  addTemplateItem(doc, placementId, 'story-title', 'Why Kai is staying with Grandma Lorna', AUTHOR, { now: NOW })
  const worried = addTemplateItem(doc, placementId, 'story-who-is-worried', 'Ana, the social worker, and Grandma Lorna', AUTHOR, { now: NOW })
  addTemplateItem(doc, placementId, 'story-grown-ups-now', 'Mum and Grandma make sure a grown-up is always awake', AUTHOR, { now: NOW })
  const story = () => readMap(doc).templates.find((t) => t.placementId === placementId)!
  return { doc, placementId, worried, story }
}

describe('words and pictures: the parents agree to the words (MM-36)', () => {
  it('reads the story page by page, as a draft until the parents agree', () => {
    const { doc, story } = storyWithWords()
    expectAllRecordsValid(doc)
    expect(story().templateId).toBe('words-and-pictures')
    expect(Object.fromEntries(Object.entries(story().sections).map(([key, items]) => [key, items.map((i) => i.text)]))).toEqual({
      'story-title': ['Why Kai is staying with Grandma Lorna'],
      'story-who-is-worried': ['Ana, the social worker, and Grandma Lorna'],
      'story-worried-about': [],
      'story-what-happened': [],
      'story-grown-ups-now': ['Mum and Grandma make sure a grown-up is always awake'],
    })
    expect(story().wordingAgreed).toBeNull()
    expect(storyWordingState(story().wordingAgreed)).toBe('draft')
  })

  it('records who agreed on every page with a fingerprint of the words, and readMap says it is still current', () => {
    const { doc, placementId, story } = storyWithWords()
    expect(recordWordingAgreed(doc, placementId, { givenBy: `  ${JESS} `, recordedBy: AUTHOR, at: NOW })).toBe(true)
    expectAllRecordsValid(doc)
    expect(story().wordingAgreed).toEqual({ givenBy: JESS, recordedById: AUTHOR.id, recordedByName: AUTHOR.name, at: NOW.toISOString(), stillCurrent: true })
    expect(storyWordingState(story().wordingAgreed)).toBe('agreed')
    const stored = readRecordMap(doc).get(placedZoneId(placementId, 'story-what-happened')) as { meta: Record<string, { fingerprint?: unknown }> }
    expect(stored.meta[WORDING_AGREED_META_KEY]?.fingerprint).toMatch(/^[0-9a-f]{16}$/)
    // The agreement is about words only: none of them are in the fingerprint's place.
    expect(JSON.stringify(stored.meta)).not.toContain('Grandma Lorna')
  })

  it('is no longer current once a note on the story is changed, added or removed, until it is recorded again', () => {
    const changes: ((s: ReturnType<typeof storyWithWords>) => void)[] = [
      ({ doc, worried }) => updateItemText(doc, worried, 'Ana and Grandma Lorna'),
      ({ doc, placementId }) => addTemplateItem(doc, placementId, 'story-what-happened', 'Mum fell asleep and Kai went outside', AUTHOR, { now: LATER }),
      ({ doc, worried }) => deleteItem(doc, worried),
    ]
    for (const change of changes) {
      const s = storyWithWords()
      recordWordingAgreed(s.doc, s.placementId, { givenBy: JESS, recordedBy: AUTHOR, at: NOW })
      change(s)
      expect(s.story().wordingAgreed).toMatchObject({ givenBy: JESS, stillCurrent: false })
      expect(storyWordingState(s.story().wordingAgreed)).toBe('changed')
      expect(recordWordingAgreed(s.doc, s.placementId, { givenBy: 'Sam, Kai’s dad', recordedBy: AUTHOR, at: LATER })).toBe(true)
      expect(s.story().wordingAgreed).toMatchObject({ givenBy: 'Sam, Kai’s dad', at: LATER.toISOString(), stillCurrent: true })
    }
  })

  it('stays current when a note elsewhere on the map changes', () => {
    const { doc, placementId, story } = storyWithWords()
    recordWordingAgreed(doc, placementId, { givenBy: JESS, recordedBy: AUTHOR, at: NOW })
    const plan = placeTemplate(doc, 'safety-plan', { placementId: 'plan' })
    addTemplateItem(doc, plan.placementId, 'safety-plan-rules', 'Kai is never left alone', AUTHOR, { now: LATER })
    expect(story().wordingAgreed?.stillCurrent).toBe(true)
  })

  it('records nothing for a placement that is not a story', () => {
    const doc = newMeetingDoc()
    placeTemplate(doc, 'three-houses', { placementId: 'houses' })
    expect(recordWordingAgreed(doc, 'houses', { givenBy: JESS, recordedBy: AUTHOR, at: NOW })).toBe(false)
    expect(recordWordingAgreed(doc, 'nope', { givenBy: JESS, recordedBy: AUTHOR, at: NOW })).toBe(false)
    expect(readMap(doc).templates[0]).not.toHaveProperty('wordingAgreed')
  })
})
