/**
 * What a sync peer may do in a doc right now, read fresh from the database: join with a role, or
 * be closed with the access layer's code. The sync routes ask it just before a socket joins the
 * relay (the upgrade check ran before the handshake, and a facilitator may have acted since), and a
 * relay instance asks it for its peers after a lost fan-out subscription.
 *
 *   const decision = await syncDecision(services, docId, participantId)
 *   if ('close' in decision) socket.close(decision.close.code, decision.close.reason)
 */
import type { Services } from './services.ts'
import type { ParticipantRole } from '../meetings/MeetingStore.ts'
import { ACCESS_CLOSE } from '../access/accessCloseCodes.ts'
import { RESTRICTED_DOC_SUFFIX } from '../meetings/restrictedDoc.ts'
import { participantAccess } from './principal.ts'

/** `gone`: the meeting no longer exists (purged), so nothing of its doc may be written again. */
export type AccessClose = { readonly code: number; readonly reason: string; readonly gone?: boolean }

export type SyncDecision =
  | { readonly role: ParticipantRole; readonly finalized: boolean }
  | { readonly close: AccessClose }

/** `docId` is a meeting id or its restricted doc's id; a finalized map is read-only for everyone. */
export async function syncDecision(services: Services, docId: string, participantId: string): Promise<SyncDecision> {
  const restricted = docId.endsWith(RESTRICTED_DOC_SUFFIX)
  const meeting = await services.meetings.get(restricted ? docId.slice(0, -RESTRICTED_DOC_SUFFIX.length) : docId)
  const facilitator = meeting?.facilitatorIds.includes(participantId) === true
  if (!meeting) return { close: { ...ACCESS_CLOSE.MEETING_ENDED, gone: true } }
  // Ended: its participants' sessions ended with it; facilitators may still look.
  if (meeting.endedAt !== null && !facilitator) return { close: ACCESS_CLOSE.MEETING_ENDED }
  // The restricted doc is for the meeting's facilitating workers only.
  if (restricted && !facilitator) return { close: ACCESS_CLOSE.PARTICIPANT_REMOVED }
  let role: ParticipantRole = 'facilitator'
  if (!facilitator) {
    const participant = await services.meetings.getParticipant(participantId)
    const access = participant ? participantAccess(participant, meeting) : null
    if (!access?.ok) return { close: ACCESS_CLOSE.PARTICIPANT_REMOVED }
    role = access.role
  }
  const finalized = meeting.status === 'finalized'
  return { role: finalized ? 'viewer' : role, finalized }
}

/** The close the access layer would have sent a connected peer by now, or null when nothing changed. */
export async function syncAccessChange(
  services: Services,
  peer: { readonly meetingId: string; readonly participantId: string; readonly role: ParticipantRole },
): Promise<AccessClose | null> {
  const decision = await syncDecision(services, peer.meetingId, peer.participantId)
  if ('close' in decision) return decision.close
  if (decision.role === peer.role) return null
  return decision.finalized ? ACCESS_CLOSE.MEETING_FINALIZED : ACCESS_CLOSE.ROLE_CHANGED
}
