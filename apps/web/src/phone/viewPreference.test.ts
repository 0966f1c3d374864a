import { describe, expect, it } from 'vitest'
import { chooseView, meetingListPath } from './viewPreference.ts'
import { matchRoute } from '../router/matchRoute.ts'

describe('chooseView', () => {
  it('offers the list on narrow screens and the board on wide ones', () => {
    expect(chooseView(null, true)).toBe('list')
    expect(chooseView(null, false)).toBe('board')
  })

  it('keeps a choice made on this device, both ways', () => {
    expect(chooseView('board', true)).toBe('board')
    expect(chooseView('list', false)).toBe('list')
  })
})

describe('meetingListPath', () => {
  it('builds a path the router maps back to the list of the same meeting', () => {
    expect(matchRoute(meetingListPath('a b/c'))).toEqual({ name: 'meetingList', meetingId: 'a b/c' })
  })
})
