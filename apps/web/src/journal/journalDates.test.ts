import { describe, expect, it } from 'vitest'
import { formatVisitDay, formatWrittenAt, linkEndsSoon, localToday } from './journalDates.ts'

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

  it('says a journal link ends soon in its last seven days, not before', () => {
    const endsAt = '2026-12-20T10:00:00Z'
    const day = 24 * 60 * 60 * 1000
    expect(linkEndsSoon(endsAt, Date.parse(endsAt) - 8 * day)).toBe(false)
    expect(linkEndsSoon(endsAt, Date.parse(endsAt) - 7 * day)).toBe(true)
    expect(linkEndsSoon(endsAt, Date.parse(endsAt) - 60_000)).toBe(true)
  })
})
