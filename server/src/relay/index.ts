/**
 * The websocket relay (SPEC RL-1..RL-9): y-websocket protocol, validated updates, durable append
 * before broadcast, awareness with one identity per connection, idle unload.
 *
 * Seams: `webSocketAdapter.ts` (ws → {@link RelaySocket}), `Room.ts` (doc, peers, broadcast),
 * `RoomAwareness.ts` (presence), `protocol/` (one wire protocol per file, pure), persistence
 * through `../storage` ({@link DocStore}).
 *
 * ```ts
 * const relay = createRelay({ store: createSqliteDocStore(openDatabase(file)), logger: app.log })
 * await app.register(websocket, { options: { maxPayload: MAX_MESSAGE_BYTES } })
 * relay.acceptWebSocket(socket, { meetingId, participantId, role })
 * ```
 */
export { createRelay, type Relay, type RelayOptions, type RelayPeer } from './createRelay.ts'
export {
  RELAY_CLOSE,
  RELAY_ERROR_CODES,
  RelayError,
  isValidCloseCode,
  type RelayCloseCode,
  type RelayErrorCode,
} from './closeCodes.ts'
export {
  COMPACT_AFTER_BYTES,
  COMPACT_AFTER_UPDATES,
  COMPACT_RETRY_MAX_MS,
  COMPACT_RETRY_MIN_MS,
  DEFAULT_RELAY_LIMITS,
  IDLE_ROOM_UNLOAD_MS,
  MAX_AWARENESS_STATE_BYTES,
  MAX_MESSAGE_BYTES,
  MAX_PEERS_PER_ROOM,
  MAX_PENDING_UPDATE_BYTES,
  PEER_INBOX_MAX_BYTES,
  PEER_INBOX_MAX_MESSAGES,
  PEER_SEND_BUFFER_MAX_BYTES,
  PING_INTERVAL_MS,
  SHUTDOWN_FLUSH_TIMEOUT_MS,
  PEER_MESSAGES_PER_SECOND,
  PEER_MESSAGE_BURST,
  PEER_BYTES_PER_SECOND,
  PEER_BYTE_BURST,
  AWARENESS_MIN_INTERVAL_MS,
  AWARENESS_PENDING_MAX_ENTRIES,
  PRESENCE_FLUSH_MS,
  ONLINE_CHANGE_COALESCE_MS,
  MAX_DOC_BYTES,
  WARN_DOC_BYTES,
  JOIN_CONCURRENCY,
  OFF_THREAD_ENCODE_BYTES,
  resolveRelayLimits,
  type RelayLimits,
} from './limits.ts'
export type { RelayLogFn, RelayLogger } from './RelayLogger.ts'
export type { RelaySocket } from './RelaySocket.ts'
export type { PeerRole } from './Room.ts'
export type { FanoutListeners, MeetingMessage, MeetingMessageBody, RelayCommand, RelayFanout } from './fanout/RelayFanout.ts'
// Not `createRedisFanout`: it loads ioredis, which a single instance never needs (`app.ts` imports it when REDIS_URL is set).
export type { RedisFanoutOptions } from './fanout/createRedisFanout.ts'
export { FANOUT_REPAIR_INTERVAL_MS } from './fanout/RoomLink.ts'
export type { RelayCounters, RelayStats } from './relayStats.ts'
export {
  SERVER_ORIGIN,
  STORAGE_ORIGIN,
  REMOTE_ORIGIN,
  isPeerOrigin,
  type PeerOrigin,
  type RemoteOrigin,
  type RelayOrigin,
  type ServerOrigin,
  type StorageOrigin,
} from './origins.ts'
export { UPDATE_REFUSAL, type UpdateRefusal } from './inspectUpdate.ts'
export { MESSAGE_TYPE, type Decoded, type MessageType } from './protocol/wire.ts'
export { SYNC_TYPE, type DecodedUpdate, type SyncMessage } from './protocol/sync.ts'
export { decodeClientMessage, type ClientMessage } from './protocol/decodeClientMessage.ts'
export type { AwarenessEntry, AwarenessMessage } from './protocol/awareness.ts'
