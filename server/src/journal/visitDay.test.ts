import { describe, expect, it } from 'vitest'
import { calendarDay, checkVisitDay } from './visitDay.ts'

describe('the day of a visit', () => {
  it('is today on the agency’s calendar, which can still be yesterday in UTC terms', () => {
    const lateEveningInCalifornia = Date.parse('2026-11-28T05:30:00Z')
    expect(calendarDay(lateEveningInCalifornia, 'America/Los_Angeles')).toBe('2026-11-27')
    expect(calendarDay(lateEveningInCalifornia, 'UTC')).toBe('2026-11-28')
  })

  it('takes a real day up to today and refuses one the calendar has not, or one still to come', () => {
    expect(checkVisitDay('2026-11-27', '2026-11-27')).toBe('ok')
    expect(checkVisitDay('2025-02-28', '2026-11-27')).toBe('ok')
    expect(checkVisitDay('2026-11-28', '2026-11-27')).toBe('future')
    expect(checkVisitDay('2026-02-30', '2026-11-27')).toBe('invalid')
    expect(checkVisitDay('27/11/2026', '2026-11-27')).toBe('invalid')
  })
})
