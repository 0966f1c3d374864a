import { describe, expect, it } from 'vitest'
import { createMeetingEvents } from './meetingEvents.ts'

describe('createMeetingEvents', () => {
  it('signals only the changed meeting’s listeners, until they unsubscribe', () => {
    const events = createMeetingEvents()
    const heard: string[] = []
    const offA = events.subscribe('a', () => heard.push('a1'))
    events.subscribe('a', () => heard.push('a2'))
    events.subscribe('b', () => heard.push('b'))
    events.rosterChanged('a')
    expect(heard).toEqual(['a1', 'a2'])
    offA()
    offA()
    events.rosterChanged('a')
    expect(heard).toEqual(['a1', 'a2', 'a2'])
    expect(events.size()).toBe(2)
  })
})
