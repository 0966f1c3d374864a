/**
 * Maps the server's stable error codes (see `server/src/errors.ts`) to catalogue messages that say
 * what to do next. Unknown codes fall back by status, then to the generic "Something went wrong".
 *
 *   errorMessageKey('AUTH_INVITE_EXPIRED', 410) // 'error.inviteExpired'
 */
import type { MessageKey } from '../i18n/messages.ts'

/** The code `request` reports when the server could not be reached at all. */
export const NETWORK_ERROR_CODE = 'NETWORK'

const KEY_BY_CODE: Readonly<Record<string, MessageKey>> = {
  [NETWORK_ERROR_CODE]: 'error.network',
  AUTH_REQUIRED: 'error.authRequired',
  AUTH_BAD_CREDENTIALS: 'error.badCredentials',
  AUTH_SETUP_INVALID: 'error.setupInvalid',
  AUTH_WORKER_ONLY: 'error.workerOnly',
  AUTH_ORIGIN_MISMATCH: 'error.originMismatch',
  AUTH_INVITE_INVALID: 'error.inviteInvalid',
  AUTH_INVITE_EXPIRED: 'error.inviteExpired',
  AUTH_EMAIL_TAKEN: 'error.emailTaken',
  MEETING_NOT_FOUND: 'error.meetingNotFound',
  MEETING_FORBIDDEN: 'error.meetingForbidden',
  MEETING_NOT_A_MEMBER: 'error.notAMember',
  CONSENT_REQUIRED: 'error.consentRequired',
  LOBBY_WAITING: 'error.lobbyWaiting',
  LOBBY_DECLINED: 'lobby.declinedBody',
  AUTH_INVITE_REVOKED: 'error.inviteRevoked',
  AUTH_INVITE_USED: 'error.inviteUsed',
  INVITE_ALREADY_YOURS: 'error.inviteAlreadyYours',
  PARTICIPANT_REMOVED: 'meeting.removedHeading',
  MEETING_ENDED: 'meeting.endedHeading',
  MEETING_FINALIZED: 'error.meetingFinalized',
  MEETING_ENDED_NO_NEW_PEOPLE: 'error.meetingEndedNoNewPeople',
  MEETING_ENDED_NO_ROLE_CHANGES: 'error.meetingEndedNoRoleChanges',
  MEETING_TIMES_INVALID: 'meetingDetails.endBeforeStart',
  RATE_LIMITED: 'error.rateLimited',
  WORKER_NOT_FOUND: 'error.workerNotFound',
  PARENT_CONSENT_REQUIRED: 'newMeeting.consentRequired',
  CONTACT_NOT_ALLOWED: 'error.contactNotAllowed',
  CONTACTS_BOX_MISSING: 'error.contactsBoxMissing',
  RATING_FOR_OTHERS_FACILITATOR_ONLY: 'error.ratingForOthersFacilitatorOnly',
  RATING_PERSON_CANNOT_RATE: 'error.ratingPersonCannotRate',
  JOURNAL_NOT_ALLOWED: 'journal.notAllowed',
  JOURNAL_TEXT_TOO_LONG: 'journal.tooLong',
  JOURNAL_DAY_INVALID: 'journal.dayInvalid',
  JOURNAL_FULL: 'journal.full',
  JOURNAL_LINK_ONLY: 'error.journalLinkOnly',
  // fastify's own schema validation failure
  FST_ERR_VALIDATION: 'error.invalidInput',
}

/** The catalogue message for a failed call with this code and HTTP status. */
export function errorMessageKey(code: string | null, status: number): MessageKey {
  const byCode = code === null ? undefined : KEY_BY_CODE[code]
  if (byCode) return byCode
  if (status === 401) return 'error.authRequired'
  if (status === 400) return 'error.invalidInput'
  return 'error.generic'
}
