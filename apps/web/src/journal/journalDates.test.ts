import { describe, expect, it } from 'vitest'
import { formatVisitDay, formatWrittenAt, localToday } from './journalDates.ts'

describe('journal dates', () => {
  it('shows the visit’s day as written, in the page’s language', () => {
    expect(formatVisitDay('2026-11-12', 'en')).toBe('Nov 12, 2026')
    expect(formatVisitDay('2026-11-12', 'es')).toBe('12 nov 2026')
  })

  it('shows when an entry was written as day and time', () => {
    expect(formatWrittenAt('2026-11-13T18:04:00Z', 'en', 'UTC')).toBe('Nov 13, 6:04 PM')
    expect(formatWrittenAt('2026-11-13T18:04:00Z', 'es', 'UTC')).toMatch(/^13 nov, 6:04\sp\.\s?m\.$/)
  })

  it('takes today on the device’s calendar', () => {
    expect(localToday(new Date(2026, 10, 3, 23, 30))).toBe('2026-11-03')
  })
})
