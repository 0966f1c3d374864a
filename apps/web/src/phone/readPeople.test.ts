import { describe, expect, it } from 'vitest'
import { readPeople, samePeople } from './readPeople.ts'

const ana = { id: 'w-ana', name: 'Ana', color: '#1d6fb8', role: 'facilitator' }
const lorna = { id: 'p-lorna', name: 'Lorna', color: '#15803d', role: 'editor' }

describe('readPeople', () => {
  it('lists each person once, sorted by name, marking this device', () => {
    const states = new Map<number, unknown>([
      [30, { user: lorna }],
      [20, { user: ana, presence: {} }],
      [10, { user: ana }],
    ])
    expect(readPeople(states, 30)).toEqual([
      { clientId: 10, ...ana, isSelf: false },
      { clientId: 30, ...lorna, isSelf: true },
    ])
  })

  it('marks a person as self when any of their tabs is this device', () => {
    const states = new Map<number, unknown>([
      [5, { user: lorna }],
      [9, { user: lorna }],
    ])
    expect(readPeople(states, 9)).toEqual([{ clientId: 9, ...lorna, isSelf: true }])
    expect(readPeople(new Map([...states].reverse()), 9)).toEqual([{ clientId: 9, ...lorna, isSelf: true }])
  })

  it('skips states without a well-formed user', () => {
    const states = new Map<number, unknown>([
      [1, {}],
      [2, { user: { ...ana, name: 'x'.repeat(201) } }],
      [3, { user: { ...ana, id: 42 } }],
      [4, null],
      [5, { user: lorna }],
    ])
    expect(readPeople(states, 0).map((p) => p.id)).toEqual(['p-lorna'])
  })
})

describe('samePeople', () => {
  it('tells when nothing a person sees has changed', () => {
    const a = readPeople(new Map([[1, { user: ana }]]), 1)
    expect(samePeople(a, readPeople(new Map([[1, { user: ana }]]), 1))).toBe(true)
    expect(samePeople(a, readPeople(new Map([[1, { user: { ...ana, name: 'Ana R' } }]]), 1))).toBe(false)
  })
})
