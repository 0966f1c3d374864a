import { describe, expect, it } from 'vitest'
import { matchRoute, meetingPath } from './matchRoute.ts'

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'home' }],
    ['/setup', { name: 'setup' }],
    ['/join', { name: 'join' }],
    ['/join/', { name: 'join' }],
    ['/m/abc123', { name: 'meeting', meetingId: 'abc123' }],
    ['/m/a%20b', { name: 'meeting', meetingId: 'a b' }],
    ['/m/', { name: 'notFound' }],
    ['/lobby/abc123', { name: 'lobby', meetingId: 'abc123' }],
    ['/lobby/', { name: 'notFound' }],
    ['/m/a/b', { name: 'notFound' }],
    ['/m/abc123/list', { name: 'meetingList', meetingId: 'abc123' }],
    ['/m/abc123/list/', { name: 'meetingList', meetingId: 'abc123' }],
    ['/m//list', { name: 'notFound' }],
    ['/m/abc123/journal', { name: 'meetingJournal', meetingId: 'abc123' }],
    ['/m/abc123/journal/x', { name: 'notFound' }],
    ['/m/%E0%A4%A', { name: 'notFound' }],
    ['/elsewhere', { name: 'notFound' }],
  ])('maps %s to its page', (path, route) => {
    expect(matchRoute(path)).toEqual(route)
  })

  it('builds meeting paths that match back to the same id', () => {
    const id = 'x/y z'
    expect(matchRoute(meetingPath(id))).toEqual({ name: 'meeting', meetingId: id })
  })
})
