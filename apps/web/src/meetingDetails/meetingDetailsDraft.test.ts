import { describe, expect, it } from 'vitest'
import { detailsFromDraft, draftFromDetails, endsBeforeStart, EMPTY_DRAFT, firstIncompleteTime } from './meetingDetailsDraft.ts'

describe('meeting details form values', () => {
  it('round-trips recorded details through the form, times in the browser’s own time zone', () => {
    const details = {
      caseReference: 'CWS-2026-0042',
      children: ['Kai', 'Lía'],
      meetingType: 'child-and-family-team' as const,
      meetingFormat: 'hybrid' as const,
      purpose: 'Plan para las noches de Kai',
      agreements: 'Lo que se dice aquí se queda aquí',
      desiredOutcome: 'Un calendario para las noches',
      startTime: '2026-11-25T17:00:00.000Z',
      endTime: '2026-11-25T18:30:00.000Z',
    }
    expect(detailsFromDraft(draftFromDetails(details))).toEqual(details)
  })

  it('sends empty fields as not recorded and trims text', () => {
    expect(detailsFromDraft({ ...EMPTY_DRAFT, caseReference: '  ', children: ' Kai ,, Lía,', purpose: ' Safety plan ', agreements: ' ' })).toEqual({
      caseReference: null,
      children: ['Kai', 'Lía'],
      meetingType: null,
      meetingFormat: null,
      purpose: 'Safety plan',
      agreements: null,
      desiredOutcome: null,
      startTime: null,
      endTime: null,
    })
  })

  it('notices an end before the start', () => {
    expect(endsBeforeStart({ ...EMPTY_DRAFT, startTime: '2026-11-25T10:00', endTime: '2026-11-25T09:00' })).toBe(true)
    expect(endsBeforeStart({ ...EMPTY_DRAFT, startTime: '2026-11-25T10:00', endTime: '' })).toBe(false)
  })

  it('finds a time field left half filled in (a date without a time), first the start', () => {
    const empty = { value: '', validity: { badInput: false } }
    const half = { value: '', validity: { badInput: true } }
    const full = { value: '2026-11-25T10:00', validity: { badInput: false } }
    expect(firstIncompleteTime({ startTime: empty, endTime: full })).toBeNull()
    expect(firstIncompleteTime({ startTime: null })).toBeNull()
    expect(firstIncompleteTime({ startTime: full, endTime: half })).toBe('endTime')
    expect(firstIncompleteTime({ startTime: half, endTime: half })).toBe('startTime')
  })
})
