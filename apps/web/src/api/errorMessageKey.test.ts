import { describe, expect, it } from 'vitest'
import { en } from '../i18n/catalogues/en.ts'
import { enBoard } from '../i18n/catalogues/enBoard.ts'
import { errorMessageKey } from './errorMessageKey.ts'

describe('errorMessageKey', () => {
  it('tells an invitee with an expired link to ask the facilitator for a new one', () => {
    const key = errorMessageKey('AUTH_INVITE_EXPIRED', 410)
    expect({ ...en, ...enBoard }[key]).toBe('This invite link has expired. Ask the meeting facilitator for a new one.')
  })

  it.each([
    ['AUTH_BAD_CREDENTIALS', 401, 'error.badCredentials'],
    ['AUTH_INVITE_INVALID', 404, 'error.inviteInvalid'],
    ['MEETING_NOT_FOUND', 404, 'error.meetingNotFound'],
    ['NETWORK', 0, 'error.network'],
    ['FST_ERR_VALIDATION', 400, 'error.invalidInput'],
    ['WORKER_NOT_FOUND', 404, 'error.workerNotFound'],
    ['MEETING_ENDED_NO_ROLE_CHANGES', 409, 'error.meetingEndedNoRoleChanges'],
  ] as const)('maps %s to its own message', (code, status, key) => {
    expect(errorMessageKey(code, status)).toBe(key)
  })

  it('falls back by status, then to the generic message', () => {
    expect(errorMessageKey(null, 401)).toBe('error.authRequired')
    expect(errorMessageKey('SOMETHING_NEW', 500)).toBe('error.generic')
    expect(en['error.generic']).toBe('Something went wrong. Please try again.')
  })
})
