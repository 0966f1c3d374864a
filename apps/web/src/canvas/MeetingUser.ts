/**
 * The person at this browser, as the canvas needs them: stable id, display name and their role in
 * this meeting. Colour is derived from the id (`userColor`), so it is the same on every device.
 *
 *   const user: MeetingUser = { id: worker.id, name: worker.name, role: meeting.role }
 */
import type { CanTalk, MeetingRole } from '../api/api.ts'

/** Who is using this browser in this meeting. */
export interface MeetingUser {
  readonly id: string
  readonly name: string
  readonly role: MeetingRole
  /** Set for a remote family or network member, who is asked whether she can talk freely (safety/useTalkCheck.ts). */
  readonly talkCheck?: TalkCheckStart | null
}

/** Her answer to the talk check as the server had it when the page opened; null before one. */
export interface TalkCheckStart {
  readonly answer: CanTalk | null
}
