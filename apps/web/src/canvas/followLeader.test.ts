import { describe, expect, it } from 'vitest'
import { FOLLOW_FIELD, nextStart, readLeads, winningLead } from './followLeader.ts'

const view = { x: 0, y: 0, w: 100, h: 50 }
const leading = (id: string, since?: number) => ({ user: { id, name: id, role: 'facilitator' }, [FOLLOW_FIELD]: { bounds: view, since } })

describe('who leads follow-me', () => {
  it('is the latest start, then the higher client id, on every device alike', () => {
    const states = new Map<number, unknown>([
      [7, leading('ana', 1_000)],
      [3, leading('bea', 2_000)],
      [9, leading('cruz', 2_000)],
      [5, { user: { id: 'lorna', name: 'Lorna', role: 'editor' }, [FOLLOW_FIELD]: { bounds: view, since: 5_000 } }],
    ])
    // Whichever device looks (and in whatever order awareness delivered the states), Cruz leads.
    for (const self of [7, 3, 5]) expect(winningLead(readLeads(states, self))?.name).toBe('cruz')
    expect(winningLead(readLeads(new Map([...states].reverse()), 7))?.name).toBe('cruz')
    // Cruz's own device sees Bea as the best of the others, and Cruz's start beats her.
    expect(winningLead(readLeads(states, 9))?.name).toBe('bea')
  })

  it('stamps a new start after every start seen, whatever this clock says', () => {
    const leads = readLeads(new Map([[1, leading('ana', 10_000)], [2, leading('bea')]]), 3)
    expect(leads.map((l) => l.since)).toEqual([10_000, 0])
    expect(nextStart(leads, 4_000)).toBe(10_001)
    expect(nextStart(leads, 20_000)).toBe(20_000)
    expect(nextStart([], 20_000)).toBe(20_000)
  })
})
