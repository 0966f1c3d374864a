/**
 * Every error the HTTP API can answer with, declared once: stable code, plain message, status.
 * The web app maps codes to its message catalogue; messages here are for API clients and logs.
 */
import createError from '@fastify/error'

export const AuthRequired = createError('AUTH_REQUIRED', 'Sign in first.', 401)
export const AuthBadCredentials = createError('AUTH_BAD_CREDENTIALS', 'The email or password is not right.', 401)
export const AuthSetupInvalid = createError('AUTH_SETUP_INVALID', 'This setup link is not valid or has been used. Ask an administrator for a new one.', 400)
export const AuthWorkerOnly = createError('AUTH_WORKER_ONLY', 'Only signed-in workers can do this.', 403)
export const AuthOriginMismatch = createError('AUTH_ORIGIN_MISMATCH', 'This request came from another website and was refused.', 403)
export const AuthInviteInvalid = createError('AUTH_INVITE_INVALID', 'This invite link is not valid. Ask the meeting facilitator for a new one.', 404)
export const AuthInviteExpired = createError('AUTH_INVITE_EXPIRED', 'This invite link has expired. Ask the meeting facilitator for a new one.', 410)
export const AuthEmailTaken = createError('AUTH_EMAIL_TAKEN', 'A worker with this email already exists.', 409)
export const MeetingNotFound = createError('MEETING_NOT_FOUND', 'This meeting does not exist, or you are not part of it.', 404)
export const MeetingForbidden = createError('MEETING_FORBIDDEN', 'Only the meeting facilitator can do this.', 403)
export const MeetingNotAMember = createError('MEETING_NOT_A_MEMBER', 'You are not part of this meeting. Ask the facilitator for an invite.', 403)
