import { safetyMapTemplate } from '@safetymap/map-model'
import { describe, expect, it } from 'vitest'
import { focusZone, readFocus } from './readFocus.ts'

const zones = safetyMapTemplate.zones
const zone = (key: string) => {
  const z = zones.find((candidate) => candidate.key === key)
  if (!z) throw new Error(key)
  return z
}
const facilitator = { id: 'w1', name: 'Ana', color: '#000', role: 'facilitator' }

describe('focusZone', () => {
  it('names the section that fills the shown area', () => {
    const s = zone('strengths')
    expect(focusZone({ x: s.x + 10, y: s.y + 10, w: s.w - 20, h: s.h - 20 }, zones)).toBe('strengths')
  })

  it('names the column when the area spans its sections, and nothing for the whole map', () => {
    const a = zone('strengths')
    const b = zone('safety')
    expect(focusZone({ x: a.x, y: a.y, w: a.w, h: b.y + b.h - a.y }, zones)).toBe('working-well')
    expect(focusZone({ x: -100, y: -100, w: 5000, h: 5000 }, zones)).toBeNull()
  })
})

describe('readFocus', () => {
  it('reads a facilitator’s follow-me area, never this device’s own or a non-facilitator’s', () => {
    const s = zone('danger')
    const follow = { bounds: { x: s.x, y: s.y, w: s.w, h: s.h } }
    const states = new Map<number, unknown>([
      [1, { user: { ...facilitator, role: 'editor' }, smFollow: follow }],
      [2, { user: facilitator, smFollow: null }],
    ])
    expect(readFocus(states, 9, zones)).toBeNull()
    states.set(3, { user: facilitator, smFollow: follow })
    expect(readFocus(states, 9, zones)).toEqual({ leaderName: 'Ana', zone: 'danger' })
    expect(readFocus(states, 3, zones)).toBeNull()
    states.set(3, { user: facilitator, smFollow: { bounds: { x: 0, y: 0, w: -1, h: Number.NaN } } })
    expect(readFocus(states, 9, zones)).toBeNull()
  })

  it('follows the facilitator the boards follow when two lead at once: the later start', () => {
    const danger = zone('danger')
    const strengths = zone('strengths')
    const states = new Map<number, unknown>([
      [1, { user: facilitator, smFollow: { bounds: { x: danger.x, y: danger.y, w: danger.w, h: danger.h }, since: 2_000 } }],
      [2, { user: { ...facilitator, id: 'w2', name: 'Bea' }, smFollow: { bounds: { x: strengths.x, y: strengths.y, w: strengths.w, h: strengths.h }, since: 1_000 } }],
    ])
    expect(readFocus(states, 9, zones)).toEqual({ leaderName: 'Ana', zone: 'danger' })
    states.set(2, { user: { ...facilitator, id: 'w2', name: 'Bea' }, smFollow: { bounds: { x: strengths.x, y: strengths.y, w: strengths.w, h: strengths.h }, since: 3_000 } })
    expect(readFocus(states, 9, zones)).toEqual({ leaderName: 'Bea', zone: 'strengths' })
  })
})
