import { describe, expect, it } from 'vitest'
import { createPendingItems, MAX_PENDING_ITEMS } from './pendingItems.ts'
import { memoryStorage } from './memoryStorage.ts'

describe('createPendingItems', () => {
  it('remembers unsent ids across a reload until cleared', () => {
    const storage = memoryStorage()
    const first = createPendingItems('m1', storage)
    first.add('shape:a')
    first.add('shape:a')
    first.add('shape:b')
    const again = createPendingItems('m1', storage)
    expect(again.has('shape:a') && again.has('shape:b')).toBe(true)
    expect(again.size).toBe(2)
    again.clear()
    expect(createPendingItems('m1', storage).size).toBe(0)
    expect(storage.data.size).toBe(0)
  })

  it('keeps meetings apart and survives broken storage content', () => {
    const storage = memoryStorage()
    createPendingItems('m1', storage).add('shape:a')
    expect(createPendingItems('m2', storage).has('shape:a')).toBe(false)
    storage.setItem('safetymap.unsent.m3', '{not json')
    expect(createPendingItems('m3', storage).size).toBe(0)
  })

  it('keeps at most the newest MAX_PENDING_ITEMS ids', () => {
    const pending = createPendingItems('m', memoryStorage())
    for (let i = 0; i <= MAX_PENDING_ITEMS; i++) pending.add(`shape:${i}`)
    expect(pending.size).toBe(MAX_PENDING_ITEMS)
    expect(pending.has('shape:0')).toBe(false)
  })
})
