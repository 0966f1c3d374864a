/**
 * Whether a connected sync peer may stay connected as it is, decided afresh from the database as
 * the sync routes decide on connect. With several instances (`REDIS_URL`), a revocation, removal,
 * finalize or end reaches another instance's sockets as a fan-out command; an instance whose
 * subscription dropped meanwhile never heard it, so it asks this for each peer once it is back.
 *
 *   const close = await syncAccessChange(services, { meetingId: docId, participantId, role })
 *   if (close) relay.closePeerIn([docId], participantId, close.code, close.reason)
 */
import type { Services } from './services.ts'
import type { ParticipantRole } from '../meetings/MeetingStore.ts'
import { ACCESS_CLOSE } from '../access/accessCloseCodes.ts'
import { RESTRICTED_DOC_SUFFIX } from '../meetings/restrictedDoc.ts'
import { currentSyncRole } from './currentSyncRole.ts'

/** The close the access layer would have sent this peer by now, or null when nothing changed. */
export async function syncAccessChange(
  services: Services,
  peer: { readonly meetingId: string; readonly participantId: string; readonly role: ParticipantRole },
): Promise<{ readonly code: number; readonly reason: string } | null> {
  const restricted = peer.meetingId.endsWith(RESTRICTED_DOC_SUFFIX)
  const meetingId = restricted ? peer.meetingId.slice(0, -RESTRICTED_DOC_SUFFIX.length) : peer.meetingId
  const meeting = await services.meetings.get(meetingId)
  const facilitator = meeting?.facilitatorIds.includes(peer.participantId) === true
  // Gone (purged), or ended: its participants' sessions ended with it.
  if (!meeting || (meeting.endedAt !== null && !facilitator)) return ACCESS_CLOSE.MEETING_ENDED
  // The restricted doc is for the meeting's facilitating workers only.
  if (restricted && !facilitator) return ACCESS_CLOSE.PARTICIPANT_REMOVED
  const role = await currentSyncRole(services, meetingId, peer.participantId)
  if (role === null) return ACCESS_CLOSE.PARTICIPANT_REMOVED
  if (role === peer.role) return null
  return meeting.status === 'finalized' ? ACCESS_CLOSE.MEETING_FINALIZED : ACCESS_CLOSE.ROLE_CHANGED
}
