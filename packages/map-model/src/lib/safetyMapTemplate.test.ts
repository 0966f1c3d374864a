import { describe, expect, it } from 'vitest'
import { noteSlots } from './findNoteSlot.ts'
import { safetyMapTemplate, type ZoneBounds } from './safetyMapTemplate.ts'
import { COLUMN_KEYS, COLUMN_SECTIONS, SECTION_KEYS, ZONE_KEYS, type ZoneKey } from './zoneKeys.ts'

const zone = (key: ZoneKey): ZoneBounds => {
  const found = safetyMapTemplate.zones.find((z) => z.key === key)
  if (!found) throw new Error(`no zone ${key}`)
  return found
}

const overlap = (a: ZoneBounds, b: ZoneBounds) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe('safetyMapTemplate', () => {
  it('has exactly one zone per zone key (MM-6)', () => {
    expect(safetyMapTemplate.zones.map((z) => z.key).sort()).toEqual([...COLUMN_KEYS, ...SECTION_KEYS].sort())
  })

  it('lays the three columns out left to right, each heading strip above its sections (MM-5)', () => {
    const headings = COLUMN_KEYS.map(zone)
    expect(headings[0]!.x).toBeLessThan(headings[1]!.x)
    expect(headings[1]!.x).toBeLessThan(headings[2]!.x)
    for (const column of COLUMN_KEYS) {
      const heading = zone(column)
      let previousBottom = heading.y + heading.h
      for (const section of COLUMN_SECTIONS[column]) {
        const z = zone(section)
        expect(z.x, section).toBe(heading.x)
        expect(z.w, section).toBe(heading.w)
        expect(z.y, `${section} sits below what comes before it`).toBeGreaterThanOrEqual(previousBottom)
        previousBottom = z.y + z.h
      }
    }
  })

  it('puts the 0–10 band under every column, across the full width (MM-5)', () => {
    const scale = zone('scale')
    const left = Math.min(...safetyMapTemplate.zones.map((z) => z.x))
    const right = Math.max(...safetyMapTemplate.zones.map((z) => z.x + z.w))
    expect(scale.x).toBe(left)
    expect(scale.x + scale.w).toBe(right)
    for (const z of safetyMapTemplate.zones) {
      if (z.key !== 'scale') expect(z.y + z.h, z.key).toBeLessThanOrEqual(scale.y)
    }
  })

  it('has no overlapping zones, so every point belongs to at most one zone (MM-7)', () => {
    const zones = safetyMapTemplate.zones
    for (let i = 0; i < zones.length; i++) {
      for (let j = i + 1; j < zones.length; j++) {
        expect(overlap(zones[i]!, zones[j]!), `${zones[i]!.key} / ${zones[j]!.key}`).toBe(false)
      }
    }
  })

  it('fits at least three 200×200 notes per row and two rows in every column section (MM-10)', () => {
    for (const key of SECTION_KEYS) {
      const slots = noteSlots(zone(key))
      const rows = new Set(slots.map((s) => s.y)).size
      const perRow = slots.length / rows
      expect(perRow, key).toBeGreaterThanOrEqual(3)
      if (key !== 'scale') expect(rows, key).toBeGreaterThanOrEqual(2)
    }
  })

  it('keeps every slot inside its zone, clear of the heading band (MM-10)', () => {
    for (const key of SECTION_KEYS) {
      const z = zone(key)
      for (const slot of noteSlots(z)) {
        expect(slot.x).toBeGreaterThanOrEqual(0)
        expect(slot.y).toBeGreaterThanOrEqual(72)
        expect(slot.x + 200).toBeLessThanOrEqual(z.w)
        expect(slot.y + 200).toBeLessThanOrEqual(z.h)
      }
    }
  })
})
