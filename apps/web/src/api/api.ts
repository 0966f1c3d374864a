/**
 * Typed calls to the SafetyMap HTTP API (server/SPEC.md, HT-n). Each resolves to an `ApiResult`;
 * the session cookie travels automatically, so callers never handle tokens.
 *
 *   const me = await api.getMe()
 *   if (!me.ok && me.error.status === 401) showSignIn()
 */
import type { LabelOverrides, Locale, MeetingFormat, MeetingType, TemplateId } from '@safetymap/map-model'
import type { ApiResult } from './ApiResult.ts'
import { request, requestFile, type DownloadedFile } from './request.ts'

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
  /** How they said they take part (absent from older servers). */
  readonly attendance?: Attendance | null
  /** Their own answer to "Can you talk freely where you are right now?"; null before one. */
  readonly canTalk?: CanTalk | null
  /** Joined by a journal link: the meeting's journal is all they have (absent from older servers). */
  readonly journalOnly?: boolean
}

/** A remote participant's answer to the talk check, seen by facilitators only. */
export type CanTalk = 'yes' | 'not-now'

/** Who the session cookie belongs to. */
export type Me =
  | { readonly kind: 'worker'; readonly worker: Worker }
  | { readonly kind: 'participant'; readonly participant: Participant }

/** Where a meeting stands: open for changes, finished (read-only for all), or ended for everyone. */
export type MeetingStatus = 'live' | 'finalized' | 'ended'

/** A meeting as listed on the home page. */
export interface MeetingSummary {
  readonly id: string
  readonly title: string
  readonly locale: Locale
  readonly status: MeetingStatus
  readonly createdAt: string
  /** When a facilitator ended the meeting for everyone; null while it goes on (absent from copies kept offline). */
  readonly endedAt?: string | null
  /** When the meeting itself starts, as the facilitator entered it (null: not entered). */
  readonly startTime?: string | null
}

/** One meeting, with the caller's role in it; `version` counts reopenings (absent on older servers). */
export interface Meeting extends MeetingSummary, Partial<MeetingDetails> {
  readonly role: MeetingRole
  readonly version?: number
  /** The agency's own section headings (map-model MM-28), on `getMeeting` only; absent from older servers. */
  readonly labels?: LabelOverrides
}

/** What the facilitator records about a meeting for the case file; null = not entered. Times are ISO 8601. */
export interface MeetingDetails {
  readonly caseReference: string | null
  /** The child or children the meeting is about, as the family calls them. */
  readonly children: readonly string[]
  readonly meetingType: MeetingType | null
  readonly meetingFormat: MeetingFormat | null
  readonly purpose: string | null
  /** The group's agreements, confidentiality among them. */
  readonly agreements: string | null
  readonly desiredOutcome: string | null
  readonly startTime: string | null
  readonly endTime: string | null
}

/** The files the server exports a map as. */
export type ExportFormat = 'pdf' | 'family-pdf' | 'docx' | 'json'

/** A fresh invite link; the token sits in the URL's fragment. */
export interface Invite {
  readonly url: string
  readonly token: string
  readonly expiresAt: string
}

/**
 * Who an invite is for: one named person (single use), a link the whole room shares, or a journal
 * link for one named person that opens only the safety journal, for days or weeks.
 */
export type InviteKind = 'personal' | 'shared' | 'journal'

/** What the facilitator chooses when making an invite to the meeting. */
export interface InviteRequest {
  readonly role: 'editor' | 'viewer'
  readonly kind: Exclude<InviteKind, 'journal'>
  /** Who the invite is for ("Grandma Lorna"); shown to the facilitator only. */
  readonly label?: string
  /** Whether joiners wait to be let in (the server's default: on for shared links). */
  readonly lobby?: boolean
}

/** What the facilitator chooses when making a journal link: who it is for, and for how many days. */
export interface JournalLinkRequest {
  readonly kind: 'journal'
  readonly label: string
  readonly days: number
}

/** An invite as the facilitator sees it; `url` and `token` only right after making it. */
export interface InviteDetails {
  readonly id: string
  readonly url?: string
  readonly token?: string
  readonly expiresAt: string
  readonly kind: InviteKind
  readonly role: 'editor' | 'viewer'
  readonly lobby: boolean
  readonly label?: string | null
  /** In lists: turned off by the facilitator. */
  readonly revoked?: boolean
  /** In lists: how many people have joined with it. */
  readonly uses?: number
}

/** How someone takes part in the meeting. */
export type Attendance = 'in-room' | 'video' | 'phone'

/** What a joiner learns before saying who they are: nothing of the meeting but the agreement. */
export interface JoinPreview {
  readonly role: MeetingRole
  /** A `journal` link asks nothing about today's meeting and opens the journal page. */
  readonly kind: InviteKind
  readonly lobby: boolean
  readonly consent: { readonly version: string; readonly text: Readonly<Record<Locale, string>> }
}

/** What a joiner tells the meeting about themselves. */
export interface JoinRequest {
  readonly token: string
  readonly name: string
  readonly relationship: string
  /** Left out for a journal link only. */
  readonly attendance?: Attendance
  readonly consentVersion: string
}

/** Whether a joiner is in, still waiting in the lobby, or was not let in. */
export type AdmissionStatus = 'admitted' | 'waiting' | 'declined'

/** The outcome of joining; `status` is absent on servers without a lobby, which admit everyone. */
export interface Joined {
  readonly meetingId: string
  readonly participantId: string
  readonly role: MeetingRole
  readonly status?: 'admitted' | 'waiting'
  /** Joined by a journal link: only the journal page is theirs. */
  readonly journalOnly?: boolean
}

/** One person on a meeting's roster. */
export interface RosterEntry {
  /** In a facilitator's roster only: joined by a journal link, so in the journal and nowhere else. */
  readonly journalOnly?: boolean
  /** In a facilitator's roster only: when their journal link, and so their way in, stops working (ISO 8601). */
  readonly journalLinkEndsAt?: string | null
  readonly id: string
  readonly name: string
  readonly relationship: string | null
  readonly attendance: Attendance | null
  readonly role: MeetingRole
  readonly status: AdmissionStatus | 'removed'
  readonly online: boolean
  readonly consentedAt: string | null
  /** On facilitators: whether they created the meeting (absent on older servers). */
  readonly owner?: boolean
  /** In a facilitator's roster only: the person's talk-check answer. */
  readonly canTalk?: CanTalk | null
  /** In a facilitator's roster only: whether a facilitator recorded their signed release-of-information form. */
  readonly releaseConsent?: boolean
}

/** One line of a meeting's audit trail: ids, an action code and a time; never names or map text. */
export interface AuditEntry {
  readonly seq: number
  readonly at: string
  readonly action: string
  readonly actor: { readonly kind: 'worker' | 'participant' | 'system' | 'anonymous'; readonly id: string }
  readonly meetingId: string | null
  readonly subjectId: string | null
  readonly details: Readonly<Record<string, string | number | boolean | null>>
}

/** What the server says about a setup code; nulls mean "first worker: ask for name and email". */
export interface SetupInfo {
  readonly email: string | null
  readonly name: string | null
  /** The shortest password the server takes. */
  readonly passwordMinLength: number
}

/** Settings the browser reads at run time. */
export interface ClientConfig {
  readonly tldrawLicenseKey: string | null
  /** The agency's own section headings (map-model MM-28); absent from older servers. */
  readonly labels?: LabelOverrides
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

  /** `template` is the map laid out at creation (three columns by default); Three Houses needs `parentConsent`. */
  createMeeting: (
    input: { title: string; locale: Locale; template?: TemplateId; parentConsent?: { givenBy: string } } & Partial<MeetingDetails>,
  ): Promise<ApiResult<MeetingSummary>> =>
    request('POST', '/api/meetings', input),

  /** Changes the meeting's details for the case file and its language (facilitators); fields left out stay as they are. */
  updateMeetingDetails: (meetingId: string, details: Partial<MeetingDetails> & { readonly locale?: Locale }): Promise<ApiResult<Meeting>> =>
    request('PATCH', meetingUrl(meetingId), details),

  /** Records a picture of the map (PNG or SVG) this browser made, before saving it; answers its checksum. */
  recordPictureExport: (meetingId: string, picture: Blob): Promise<ApiResult<{ sha256: string }>> =>
    request('POST', `${meetingUrl(meetingId)}/export/pictures`, picture),

  /**
   * One export of the map as a file (facilitators); with a picture of the canvas (PNG) it is posted
   * along. `language` is for the family copy only (`null`: the server uses the meeting's).
   */
  exportMeeting: (meetingId: string, input: { format: ExportFormat; language: Locale | null; picture: Blob | null }): Promise<ApiResult<DownloadedFile>> =>
    requestFile(
      input.picture ? 'POST' : 'GET',
      `${meetingUrl(meetingId)}/export?format=${input.format}${input.language ? `&language=${input.language}` : ''}`,
      input.picture,
    ),

  getMeeting: (meetingId: string): Promise<ApiResult<Meeting>> => request('GET', meetingUrl(meetingId)),

  createInvite: (meetingId: string, input: InviteRequest | JournalLinkRequest): Promise<ApiResult<InviteDetails & Invite>> =>
    request('POST', `${meetingUrl(meetingId)}/invites`, input),

  listInvites: (meetingId: string): Promise<ApiResult<{ invites: InviteDetails[] }>> =>
    request('GET', `${meetingUrl(meetingId)}/invites`),

  revokeInvite: (meetingId: string, inviteId: string): Promise<ApiResult<unknown>> =>
    request('DELETE', `${meetingUrl(meetingId)}/invites/${encodeURIComponent(inviteId)}`),

  /** What an invite link leads to, before anything of the meeting is shown. */
  previewJoin: (token: string): Promise<ApiResult<JoinPreview>> => request('POST', '/api/join/preview', { token }),

  join: (input: JoinRequest): Promise<ApiResult<Joined>> => request('POST', '/api/join', input),

  /** For a joiner's own session: still waiting, let in, or not let in. */
  getLobby: (): Promise<ApiResult<{ status: AdmissionStatus }>> => request('GET', '/api/lobby'),

  listParticipants: (meetingId: string): Promise<ApiResult<{ participants: RosterEntry[] }>> =>
    request('GET', `${meetingUrl(meetingId)}/participants`),

  setParticipantRole: (meetingId: string, participantId: string, role: 'editor' | 'viewer'): Promise<ApiResult<unknown>> =>
    request('PATCH', participantUrl(meetingId, participantId), { role }),

  /** The caller's own talk-check answer (the server refuses anyone else's). */
  setCanTalk: (meetingId: string, participantId: string, canTalk: CanTalk): Promise<ApiResult<{ canTalk: CanTalk }>> =>
    request('PUT', `${participantUrl(meetingId, participantId)}/can-talk`, { canTalk }),

  /** Records (or takes back) that the participant signed the release-of-information form (facilitators). */
  setReleaseConsent: (meetingId: string, participantId: string, signed: boolean): Promise<ApiResult<unknown>> =>
    request('PUT', `${participantUrl(meetingId, participantId)}/release-consent`, { signed }),

  removeParticipant: (meetingId: string, participantId: string): Promise<ApiResult<unknown>> =>
    request('DELETE', participantUrl(meetingId, participantId)),

  admitParticipant: (meetingId: string, participantId: string): Promise<ApiResult<unknown>> =>
    request('POST', `${participantUrl(meetingId, participantId)}/admit`),

  declineParticipant: (meetingId: string, participantId: string): Promise<ApiResult<unknown>> =>
    request('POST', `${participantUrl(meetingId, participantId)}/decline`),

  /** Ends the meeting for everyone (their connections close for good). */
  endMeeting: (meetingId: string): Promise<ApiResult<unknown>> => request('POST', `${meetingUrl(meetingId)}/end`),

  /** Finishes the map: read-only for everyone until reopened. */
  finalizeMeeting: (meetingId: string): Promise<ApiResult<unknown>> => request('POST', `${meetingUrl(meetingId)}/finalize`),

  /** Opens a finished map again, as a new version. */
  reopenMeeting: (meetingId: string): Promise<ApiResult<unknown>> => request('POST', `${meetingUrl(meetingId)}/reopen`),

  /** Moves an item of the shared map into the workers-only doc (facilitators). */
  restrictItem: (meetingId: string, shapeId: string): Promise<ApiResult<{ shapeId: string }>> =>
    request('POST', `${meetingUrl(meetingId)}/restricted-items`, { shapeId }),

  /** Adds a phone number or contact to a safety plan's contacts box: only the meeting's workers ever see it (family may write it, never read it). */
  addPrivateContact: (meetingId: string, placementId: string, text: string): Promise<ApiResult<{ shapeId: string }>> =>
    request('POST', `${meetingUrl(meetingId)}/private-contacts`, { placementId, text }),

  /** Adds a colleague, by their work email, as a co-facilitator (facilitators); the meeting then shows in their list. */
  addFacilitator: (meetingId: string, email: string): Promise<ApiResult<{ id: string; name: string }>> =>
    request('POST', `${meetingUrl(meetingId)}/facilitators`, { email }),

  /** Takes a co-facilitator off the meeting (its owner only); their sockets for it close. */
  removeFacilitator: (meetingId: string, workerId: string): Promise<ApiResult<unknown>> =>
    request('DELETE', `${meetingUrl(meetingId)}/facilitators/${encodeURIComponent(workerId)}`),

  /** The meeting's audit trail (facilitators). */
  getAuditTrail: (meetingId: string): Promise<ApiResult<{ entries: AuditEntry[] }>> => request('GET', `${meetingUrl(meetingId)}/audit`),
}

/** The server-sent event stream that says "the roster changed" (`roster` events). */
export function rosterEventsUrl(meetingId: string): string {
  return `${meetingUrl(meetingId)}/roster/events`
}

function meetingUrl(meetingId: string): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}`
}

function participantUrl(meetingId: string, participantId: string): string {
  return `${meetingUrl(meetingId)}/participants/${encodeURIComponent(participantId)}`
}
