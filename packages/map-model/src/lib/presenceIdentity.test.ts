import { describe, expect, it } from 'vitest'
import { FOLLOW_PRESENCE_FIELD, speaksForItself } from './presenceIdentity.ts'

const lorna = { participantId: 'p-lorna', facilitator: false }
const ana = { participantId: 'w-ana', facilitator: true }
const view = { bounds: { x: 0, y: 0, w: 800, h: 600 }, since: 1 }
const state = (id: string, role: string, extra: Record<string, unknown> = {}) => ({
  user: { id, name: 'Someone', color: '#123456', role },
  presence: { version: 1, record: { id: 'instance_presence:7', userId: `user:${id}`, userName: 'Someone' } },
  ...extra,
})

describe('speaksForItself', () => {
  it('lets everyone announce themselves, and a facilitator lead the view', () => {
    expect(speaksForItself(state('p-lorna', 'editor', { [FOLLOW_PRESENCE_FIELD]: null }), lorna)).toBe(true)
    expect(speaksForItself(state('w-ana', 'facilitator', { [FOLLOW_PRESENCE_FIELD]: view }), ana)).toBe(true)
    // A removal, and states without our fields (another client of the same doc), claim nothing.
    expect(speaksForItself(null, lorna)).toBe(true)
    expect(speaksForItself({ cursor: { x: 1, y: 2 }, user: { name: 'bench' } }, lorna)).toBe(true)
  })

  it('refuses someone else’s id, in the user field or on the cursor', () => {
    expect(speaksForItself(state('w-ana', 'editor'), lorna)).toBe(false)
    const cursorOnly = state('p-lorna', 'editor')
    cursorOnly.presence.record.userId = 'user:w-ana'
    expect(speaksForItself(cursorOnly, lorna)).toBe(false)
  })

  it('refuses the facilitator role and leading the view from anyone who is not a facilitator', () => {
    expect(speaksForItself(state('p-lorna', 'facilitator'), lorna)).toBe(false)
    expect(speaksForItself(state('p-lorna', 'editor', { [FOLLOW_PRESENCE_FIELD]: view }), lorna)).toBe(false)
    expect(speaksForItself({ [FOLLOW_PRESENCE_FIELD]: view }, lorna)).toBe(false)
  })
})
