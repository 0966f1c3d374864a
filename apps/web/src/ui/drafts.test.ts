import { describe, expect, it } from 'vitest'
import { addFormKey, changeFormKey, createDrafts, MAX_DRAFTS } from './drafts.ts'
import { memoryStorage } from '../phone/memoryStorage.ts'

describe('createDrafts', () => {
  it('keeps each form’s words across a reload until they are sent or cancelled', () => {
    const storage = memoryStorage()
    const first = createDrafts('m1', storage)
    first.set(addFormKey('strengths'), { text: 'Lorna walks Kai' })
    first.set(addFormKey('house-worries', 'h1'), { text: 'the shouting' })
    first.set(changeFormKey('shape:a'), { text: 'new words', base: 'old words' })
    const again = createDrafts('m1', storage)
    expect(again.get(addFormKey('strengths'))).toEqual({ text: 'Lorna walks Kai' })
    expect(again.get(addFormKey('house-worries', 'h1'))).toEqual({ text: 'the shouting' })
    expect(again.get(addFormKey('house-worries'))).toBeNull()
    expect(again.get(changeFormKey('shape:a'))).toEqual({ text: 'new words', base: 'old words' })
    again.set(addFormKey('strengths'), null)
    again.set(addFormKey('house-worries', 'h1'), null)
    again.set(changeFormKey('shape:a'), null)
    expect(createDrafts('m1', storage).get(addFormKey('strengths'))).toBeNull()
    expect(storage.data.size).toBe(0)
  })

  it('keeps meetings apart, forgets a meeting’s drafts at once, and survives broken storage content', () => {
    const storage = memoryStorage()
    createDrafts('m1', storage).set(addFormKey('harm'), { text: 'one' })
    createDrafts('m2', storage).set(addFormKey('harm'), { text: 'two' })
    createDrafts('m1', storage).clear()
    expect(createDrafts('m1', storage).get(addFormKey('harm'))).toBeNull()
    expect(createDrafts('m2', storage).get(addFormKey('harm'))).toEqual({ text: 'two' })
    storage.setItem('safetymap.drafts.m3', '{not json')
    expect(createDrafts('m3', storage).get(addFormKey('harm'))).toBeNull()
    storage.setItem('safetymap.drafts.m4', JSON.stringify([['add:harm', { text: 1 }], ['add:safety', { text: 'ok' }], 'junk']))
    expect(createDrafts('m4', storage).get(addFormKey('harm'))).toBeNull()
    expect(createDrafts('m4', storage).get(addFormKey('safety'))).toEqual({ text: 'ok' })
    expect(createDrafts('m5', null).get(addFormKey('harm'))).toBeNull()
  })

  it(`remembers at most ${MAX_DRAFTS} forms, dropping the one left longest`, () => {
    const storage = memoryStorage()
    const drafts = createDrafts('m1', storage)
    for (let i = 0; i <= MAX_DRAFTS; i++) drafts.set(changeFormKey(`shape:${i}`), { text: `words ${i}`, base: '' })
    const again = createDrafts('m1', storage)
    expect(again.get(changeFormKey('shape:0'))).toBeNull()
    expect(again.get(changeFormKey('shape:1'))).toEqual({ text: 'words 1', base: '' })
    expect(again.get(changeFormKey(`shape:${MAX_DRAFTS}`))).toEqual({ text: `words ${MAX_DRAFTS}`, base: '' })
  })
})
