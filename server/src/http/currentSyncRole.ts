/**
 * The role a sync peer holds right now, read fresh from the database just before its socket joins
 * the relay. The upgrade is checked before the handshake (HT-4); a facilitator may remove someone
 * or change their role during that handshake, after `closePeer` already ran — so the route checks
 * once more and closes the new socket instead of letting a stale decision through.
 *
 *   const role = await currentSyncRole(services, meetingId, participantId)
 *   if (!role) socket.close(ACCESS_CLOSE.PARTICIPANT_REMOVED.code, ACCESS_CLOSE.PARTICIPANT_REMOVED.reason)
 */
import type { Services } from './services.ts'
import type { ParticipantRole } from '../meetings/MeetingStore.ts'

/** `null` when the peer may no longer connect; `viewer` for everyone on a finalized map. */
export async function currentSyncRole(services: Services, meetingId: string, participantId: string): Promise<ParticipantRole | null> {
  const meeting = await services.meetings.get(meetingId)
  if (!meeting) return null
  let role: ParticipantRole
  if (meeting.facilitatorIds.includes(participantId)) role = 'facilitator'
  else {
    const participant = await services.meetings.getParticipant(participantId)
    if (!participant || participant.meetingId !== meetingId || participant.status !== 'admitted') return null
    role = participant.role
  }
  return meeting.status === 'finalized' ? 'viewer' : role
}
