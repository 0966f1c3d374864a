/**
 * The person at this browser, as the canvas needs them: stable id, display name and their role in
 * this meeting. Colour is derived from the id (`userColor`), so it is the same on every device.
 *
 *   const user: MeetingUser = { id: worker.id, name: worker.name, role: meeting.role }
 */
import type { MeetingRole } from '../api/api.ts'

/** Who is using this browser in this meeting. */
export interface MeetingUser {
  readonly id: string
  readonly name: string
  readonly role: MeetingRole
}
