import { describe, expect, it } from 'vitest'
import { formatFamilyDate, formatFamilyDueDate, formatFamilyTime, formatRecordTime, recordEmptySection, recordStatus, withheldNotice } from './exportWords.ts'

describe('withheldNotice', () => {
  it('speaks of restricted items only, so it cannot contradict the count of a child’s words left out', () => {
    expect(withheldNotice(0)).toBe('No restricted items were withheld from this export.')
    expect(withheldNotice(2)).toMatch(/^2 items were withheld from this export because they are marked restricted/)
  })

  it('speaks of one item as "it" to the end', () => {
    expect(withheldNotice(1)).toMatch(/^1 item was withheld .* because it is marked restricted .*\. It is kept by the agency/)
    expect(withheldNotice(3)).toMatch(/\. They are kept by the agency/)
  })
})

describe('an empty section of the record', () => {
  it('sends the reader to the heading that lists what was written there, in plain words', () => {
    expect(recordEmptySection('danger', 1, 'three-column')).toBe('No notes; 1 danger statement listed under the safety plan below.')
    expect(recordEmptySection('goals', 2, 'wellbeing')).toBe('No notes; 2 wellbeing goals listed under the wellbeing plan below.')
    expect(recordEmptySection('next-steps', 3, 'three-column')).toBe('No notes; 3 next steps listed under Next steps below.')
    expect(recordEmptySection('scale', 2, 'three-column')).toBe('No notes; 2 ratings listed under Scaling below.')
    expect(recordEmptySection('strengths', 0, 'three-column')).toBe('No items.')
  })

  it('names a map that was not finished a draft, not "live"', () => {
    expect(recordStatus('live')).toBe('Draft, not finalized')
    expect(recordStatus('finalized')).toBe('Finalized')
  })
})

describe('times for people, on the agency’s clock (TIME_ZONE)', () => {
  const LA = 'America/Los_Angeles'
  // pdftotext and readers see these as spaces; ICU puts narrow ones before "AM".
  const spaced = (text: string) => text.replace(/\s/g, ' ')

  it('names the zone, and follows daylight saving time: PST in November, PDT in July', () => {
    expect(formatRecordTime('2026-11-25T10:01:00Z', LA)).toBe('2026-11-25 02:01 PST')
    expect(formatRecordTime('2026-07-04T10:01:00Z', LA)).toBe('2026-07-04 03:01 PDT')
    expect(formatRecordTime('2026-11-25T08:00:00Z', LA)).toBe('2026-11-25 00:00 PST')
    expect(formatRecordTime('2026-11-25T10:01:00Z', 'UTC')).toBe('2026-11-25 10:01 UTC')
    expect(formatRecordTime(null, LA)).toBe('not recorded')
    expect(spaced(formatFamilyTime('2026-07-04T16:30:00Z', 'en', LA))).toBe('July 4, 2026 at 9:30 AM PDT')
    expect(spaced(formatFamilyTime('2026-11-25T17:00:00Z', 'es', LA))).toBe('25 de noviembre de 2026 a las 9:00 a.m. PST')
  })

  it('dates a moment by the agency’s calendar, and a due date as the day that was written', () => {
    // 3 AM UTC on the 26th is still the evening of the 25th in Los Angeles.
    expect(formatFamilyDate('2026-11-26T03:00:00Z', 'en', LA)).toBe('November 25, 2026')
    expect(formatFamilyDueDate('2026-12-01', 'en')).toBe('December 1, 2026')
  })
})
