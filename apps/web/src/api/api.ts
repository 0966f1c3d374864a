/**
 * Typed calls to the SafetyMap HTTP API (server/SPEC.md, HT-n). Each resolves to an `ApiResult`;
 * the session cookie travels automatically, so callers never handle tokens.
 *
 *   const me = await api.getMe()
 *   if (!me.ok && me.error.status === 401) showSignIn()
 */
import type { Locale } from '@safetymap/map-model'
import type { ApiResult } from './ApiResult.ts'
import { request } from './request.ts'

/** A staff account. */
export interface Worker {
  readonly id: string
  readonly name: string
  readonly email: string
}

/** What a person may do in one meeting. */
export type MeetingRole = 'facilitator' | 'editor' | 'viewer'

/** Someone who joined one meeting through an invite link. */
export interface Participant {
  readonly id: string
  readonly name: string
  readonly meetingId: string
  readonly role: MeetingRole
}

/** Who the session cookie belongs to. */
export type Me =
  | { readonly kind: 'worker'; readonly worker: Worker }
  | { readonly kind: 'participant'; readonly participant: Participant }

/** A meeting as listed on the home page. */
export interface MeetingSummary {
  readonly id: string
  readonly title: string
  readonly locale: Locale
  readonly status: 'live' | 'finalized'
  readonly createdAt: string
}

/** One meeting, with the caller's role in it. */
export interface Meeting extends MeetingSummary {
  readonly role: MeetingRole
}

/** A fresh invite link; the token sits in the URL's fragment. */
export interface Invite {
  readonly url: string
  readonly token: string
  readonly expiresAt: string
}

/** What the server says about a setup code; nulls mean "first worker: ask for name and email". */
export interface SetupInfo {
  readonly email: string | null
  readonly name: string | null
}

/** Settings the browser reads at run time. */
export interface ClientConfig {
  readonly tldrawLicenseKey: string | null
}

/** The SafetyMap API, one function per endpoint. */
export const api = {
  getConfig: (): Promise<ApiResult<ClientConfig>> => request('GET', '/api/config'),

  /** 401 means signed out. */
  getMe: (): Promise<ApiResult<Me>> => request('GET', '/api/me'),

  signIn: (input: { email: string; password: string }): Promise<ApiResult<{ worker: Worker }>> =>
    request('POST', '/api/auth/signin', input),

  getSetupInfo: (code: string): Promise<ApiResult<SetupInfo>> => request('POST', '/api/auth/setup-info', { code }),

  setUp: (input: { code: string; name?: string; email?: string; password: string }): Promise<ApiResult<{ worker: Worker }>> =>
    request('POST', '/api/auth/setup', input),

  signOut: (): Promise<ApiResult<undefined>> => request('POST', '/api/auth/signout'),

  listMeetings: (): Promise<ApiResult<{ meetings: MeetingSummary[] }>> => request('GET', '/api/meetings'),

  createMeeting: (input: { title: string; locale: Locale }): Promise<ApiResult<MeetingSummary>> =>
    request('POST', '/api/meetings', input),

  getMeeting: (meetingId: string): Promise<ApiResult<Meeting>> =>
    request('GET', `/api/meetings/${encodeURIComponent(meetingId)}`),

  createInvite: (meetingId: string, role: 'editor' | 'viewer'): Promise<ApiResult<Invite>> =>
    request('POST', `/api/meetings/${encodeURIComponent(meetingId)}/invites`, { role }),

  join: (input: { token: string; name: string }): Promise<ApiResult<{ meetingId: string; participantId: string; role: MeetingRole }>> =>
    request('POST', '/api/join', input),
}
