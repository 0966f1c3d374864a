/**
 * Close codes the access layer sends when a facilitator changes who may do what, on top of the
 * relay's own (`RELAY_CLOSE`). The stock y-websocket provider gives up on 4400–4499 and reconnects
 * on anything else, so:
 * - a changed role, a finalize and a reopen use codes below 4400: the client reconnects at once
 *   and the upgrade hands it its new role (`viewer` for everyone on a finalized map);
 * - removal and ending the meeting use the relay's terminal 4403 / 4410.
 *
 *   relay.closePeer(participantId, ACCESS_CLOSE.ROLE_CHANGED.code, ACCESS_CLOSE.ROLE_CHANGED.reason)
 */
import { RELAY_CLOSE } from '../relay/index.ts'

export const ACCESS_CLOSE = {
  /** The facilitator changed this participant's role; reconnect to get it. Retried. */
  ROLE_CHANGED: { code: 4001, reason: 'ACCESS_ROLE_CHANGED' },
  /** The map was finalized; reconnect read-only. Retried. */
  MEETING_FINALIZED: { code: 4002, reason: 'MEETING_FINALIZED' },
  /**
   * A client on a finished map sent changes (made offline before the finalize): refused with the
   * finalize code; the reason tells our web client to stop and say so instead of re-sending them.
   */
  FINALIZED_EDITS_REFUSED: { code: 4002, reason: 'MEETING_FINALIZED_EDITS_REFUSED' },
  /** The map was reopened; reconnect in your role. Retried. */
  MEETING_REOPENED: { code: 4003, reason: 'MEETING_REOPENED' },
  /** Removed from the meeting. Terminal. */
  PARTICIPANT_REMOVED: RELAY_CLOSE.RELAY_ACCESS_REVOKED,
  /** The facilitator ended the meeting for everyone. Terminal. */
  MEETING_ENDED: RELAY_CLOSE.RELAY_MEETING_CLOSED,
} as const
