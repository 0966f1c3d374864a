/**
 * Hands an upgraded sync socket to the relay with the access the database gives it now. The upgrade
 * was checked before the handshake, and a facilitator may have removed the person, changed their
 * role, finished the map or ended the meeting since; that action's relay close found no socket to
 * close yet. So the decision is read again here, and read once more whenever a close ran on this
 * instance during the read, so no interleaving lets a stale decision join.
 *
 *   app.get('/sync/:meetingId', { websocket: true, preValidation: admit }, (socket, request) =>
 *     joinRelay(services, socket, request, { meetingId: docId, participantId }))
 */
import type { FastifyRequest } from 'fastify'
import type { WebSocket } from 'ws'
import type { Services } from './services.ts'
import { holdEarlyMessages } from './holdEarlyMessages.ts'
import { syncDecision, type SyncDecision } from './syncDecision.ts'
import { ACCESS_CLOSE } from '../access/accessCloseCodes.ts'

/** Reads before giving up on a decision that keeps going stale (closes arriving back to back). */
const DECISION_ATTEMPTS = 3
/** WebSocket "Try Again Later": the provider reconnects, and the next handshake decides afresh. */
const TRY_AGAIN_LATER = { code: 1013, reason: 'SYNC_ACCESS_CHANGING' }

export async function joinRelay(
  services: Services,
  socket: WebSocket,
  request: FastifyRequest,
  peer: { readonly meetingId: string; readonly participantId: string },
): Promise<void> {
  // The client may send its first sync message while the database is read: keep it for the relay.
  const release = holdEarlyMessages(socket)
  let decision: SyncDecision = { close: TRY_AGAIN_LATER }
  for (let attempt = 0; attempt < DECISION_ATTEMPTS; attempt++) {
    const closesBefore = services.relay.accessCloses()
    const fresh = await syncDecision(services, peer.meetingId, peer.participantId)
    if (socket.readyState !== socket.OPEN) return
    if (services.relay.accessCloses() === closesBefore) {
      decision = fresh
      break
    }
  }
  if ('close' in decision) return socket.close(decision.close.code, decision.close.reason)
  const { role, finalized } = decision
  request.log.info({ meetingId: peer.meetingId, participantId: peer.participantId, role }, 'sync connected')
  // `?epoch=` (RL-13): the doc epoch the client's local copy belongs to, so stale copies reset.
  // `?whole=1`: a client with no copy gets the whole map at once, a round trip sooner.
  const { epoch, whole } = request.query as { epoch?: unknown; whole?: unknown }
  services.relay.acceptWebSocket(socket, {
    ...peer,
    role,
    // On a finished map, changes (made offline before the finalize) are refused with its close
    // code rather than dropped silently, so the client can tell its user they were not kept.
    ...(finalized ? { readOnlyRefusal: ACCESS_CLOSE.FINALIZED_EDITS_REFUSED } : {}),
    ...(typeof epoch === 'string' ? { knownEpoch: epoch.slice(0, 64) } : {}),
    ...(whole === '1' ? { wantsWholeMap: true } : {}),
  })
  release()
}
