/**
 * When the journal links of a meeting stop working, by invite id (ms): the people who joined by
 * one are in the journal until then, for their session lasts exactly as long (joinRoutes.ts). The
 * journal page tells its person; the facilitator's roster shows it beside them.
 *
 *   const ends = await journalLinkEnds(services.meetings, meeting.id)
 *   ends.get(participant.inviteId)   // undefined for anyone not joined by a journal link
 */
import type { MeetingStore } from './MeetingStore.ts'

export async function journalLinkEnds(meetings: MeetingStore, meetingId: string): Promise<Map<string, number>> {
  const links = (await meetings.listInvites(meetingId)).filter((invite) => invite.kind === 'journal')
  return new Map(links.map((invite) => [invite.id, invite.expiresAt]))
}

/** The end of the journal link `inviteId` as ISO 8601, or `null` when it is not one of `ends`. */
export function journalLinkEndIso(ends: ReadonlyMap<string, number>, inviteId: string | null): string | null {
  const end = inviteId === null ? undefined : ends.get(inviteId)
  return end === undefined ? null : new Date(end).toISOString()
}
