/**
 * Decodes one frame from a peer into a closed union, without side effects. The room switches on
 * the result exhaustively; a failure closes that peer with `RELAY_MALFORMED_MESSAGE` (RL-2).
 *
 * ```ts
 * const decoded = decodeClientMessage(bytes)
 * if (!decoded.ok) return closeMalformed(peer, decoded.reason)
 * switch (decoded.value.type) { … }
 * ```
 */
import * as decoding from 'lib0/decoding'
import { decodeAwarenessBody, type AwarenessMessage } from './awareness.ts'
import { decodeSyncBody, type SyncMessage } from './sync.ts'
import { MESSAGE_TYPE, decodeFailure, describeError, type Decoded } from './wire.ts'

/** Everything a peer may send. @public */
export type ClientMessage = SyncMessage | AwarenessMessage | { readonly type: 'query-awareness' }

/** @public */
export function decodeClientMessage(bytes: Uint8Array): Decoded<ClientMessage> {
  const decoder = decoding.createDecoder(bytes)
  let messageType: number
  try {
    messageType = decoding.readVarUint(decoder)
  } catch (error) {
    return decodeFailure(`type: missing (${describeError(error)})`)
  }
  switch (messageType) {
    case MESSAGE_TYPE.SYNC:
      return decodeSyncBody(decoder)
    case MESSAGE_TYPE.AWARENESS:
      return decodeAwarenessBody(decoder)
    case MESSAGE_TYPE.QUERY_AWARENESS:
      if (decoding.hasContent(decoder)) return decodeFailure('queryAwareness: trailing bytes')
      return { ok: true, value: { type: 'query-awareness' } }
    default:
      // Type 2 (auth) is server-to-client only; anything else is not y-websocket.
      return decodeFailure(`type: expected 0, 1 or 3, got ${messageType}`)
  }
}
