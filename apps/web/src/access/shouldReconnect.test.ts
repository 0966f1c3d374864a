import { describe, expect, it } from 'vitest'
import { shouldReconnect } from './useRelayClose.ts'

describe('shouldReconnect', () => {
  it('retries a finalize and transient closes, gives up on 44xx and on refused offline edits', () => {
    expect(shouldReconnect({ code: 4002, reason: 'MEETING_FINALIZED' })).toBe(true)
    expect(shouldReconnect({ code: 4001, reason: 'ACCESS_ROLE_CHANGED' })).toBe(true)
    expect(shouldReconnect({ code: 1006, reason: '' })).toBe(true)
    expect(shouldReconnect({ code: 4403, reason: 'RELAY_ACCESS_REVOKED' })).toBe(false)
    expect(shouldReconnect({ code: 4002, reason: 'MEETING_FINALIZED_EDITS_REFUSED' })).toBe(false)
  })
})
