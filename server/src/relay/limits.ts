/**
 * Every bound the relay enforces, with its default. Constants carry their unit in the name; tests
 * and the server's config override them through {@link RelayLimits}.
 *
 * ```ts
 * createRelay({ store, logger, limits: { idleRoomUnloadMs: 50 } })
 * ```
 */

/** Largest accepted frame (RL-7). Pass as `maxPayload` to `@fastify/websocket`. @public */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024
/** A room without peers is compacted and unloaded after this long (RL-6). @public */
export const IDLE_ROOM_UNLOAD_MS = 30_000
/** Heartbeat period; a peer that missed the previous pong is terminated (RL-8), so ≤ 2× this. @public */
export const PING_INTERVAL_MS = 15_000
/** Compact once the tail holds this many updates (PS-4). @public */
export const COMPACT_AFTER_UPDATES = 500
/** …or this many bytes (PS-4). @public */
export const COMPACT_AFTER_BYTES = 1024 * 1024
/** First delay before retrying a failed compaction; doubles up to the maximum. @public */
export const COMPACT_RETRY_MIN_MS = 1_000
/** @public */
export const COMPACT_RETRY_MAX_MS = 60_000
/** Connections per room; the next one is closed with `RELAY_ROOM_FULL`. @public */
export const MAX_PEERS_PER_ROOM = 50
/** Messages one connection may have waiting in its room's queue (e.g. while the room loads). @public */
export const PEER_INBOX_MAX_MESSAGES = 64
/** Bytes one connection may have waiting in its room's queue. @public */
export const PEER_INBOX_MAX_BYTES = 8 * 1024 * 1024
/** Bytes the socket may buffer unsent before the peer is dropped as too slow. @public */
export const PEER_SEND_BUFFER_MAX_BYTES = 32 * 1024 * 1024
/** Unresolved (pending) structs + delete sets a doc may hold before the sender is resynced. @public */
export const MAX_PENDING_UPDATE_BYTES = 1024 * 1024
/** Largest awareness state (JSON) relayed for one client. @public */
export const MAX_AWARENESS_STATE_BYTES = 8 * 1024
/** Messages per second one connection may send on average (token bucket, bar item 9). @public */
export const PEER_MESSAGES_PER_SECOND = 100
/** Messages one connection may send in a burst. @public */
export const PEER_MESSAGE_BURST = 300
/** Bytes per second one connection may send on average. @public */
export const PEER_BYTES_PER_SECOND = 2 * 1024 * 1024
/** Bytes one connection may send in a burst (at least one largest frame). @public */
export const PEER_BYTE_BURST = 4 * 1024 * 1024
/** Awareness from one connection is applied at most once per this interval (10 Hz), later states coalesced. @public */
export const AWARENESS_MIN_INTERVAL_MS = 100
/**
 * Presence changes of a room wait at most this long to leave merged in one frame per recipient
 * (10 Hz, each connection's own rate). A doc update sends what waits at once, in the same write. @public
 */
export const PRESENCE_FLUSH_MS = 100
/**
 * A doc's "who is online" changes are told (`RelayOptions.onOnlineChanged`) at most once per this
 * interval, so a reconnect storm after a finish or reopen makes one roster refresh, not one per phone. @public
 */
export const ONLINE_CHANGE_COALESCE_MS = 300
/** Awareness entries (distinct client ids) one connection may have waiting while throttled. @public */
export const AWARENESS_PENDING_MAX_ENTRIES = 64
/** Largest stored document (snapshot + tail); an update past it is refused (bar item 8). @public */
export const MAX_DOC_BYTES = 16 * 1024 * 1024
/** A room whose stored document passes this size logs a warning (once per load). @public */
export const WARN_DOC_BYTES = 4 * 1024 * 1024
/** Room loads and full sync answers running at once, relay-wide; the rest wait their turn (RL-14). @public */
export const JOIN_CONCURRENCY = 4
/** Rooms that load with a stored state past this size are encoded off the event loop (RL-15). @public */
export const OFF_THREAD_ENCODE_BYTES = 1024 * 1024
/** `relay.close()` gives up waiting for final compactions after this long. @public */
export const SHUTDOWN_FLUSH_TIMEOUT_MS = 5_000

/** Overridable limits of a relay (all in the unit their name says). @public */
export interface RelayLimits {
  readonly maxMessageBytes: number
  readonly idleRoomUnloadMs: number
  readonly pingIntervalMs: number
  readonly compactAfterUpdates: number
  readonly compactAfterBytes: number
  readonly compactRetryMinMs: number
  readonly compactRetryMaxMs: number
  readonly maxPeersPerRoom: number
  readonly peerInboxMaxMessages: number
  readonly peerInboxMaxBytes: number
  readonly peerSendBufferMaxBytes: number
  readonly maxPendingUpdateBytes: number
  readonly maxAwarenessStateBytes: number
  readonly shutdownFlushTimeoutMs: number
  readonly peerMessagesPerSecond: number
  readonly peerMessageBurst: number
  readonly peerBytesPerSecond: number
  readonly peerByteBurst: number
  readonly awarenessMinIntervalMs: number
  readonly awarenessPendingMaxEntries: number
  readonly presenceFlushMs: number
  readonly onlineChangeCoalesceMs: number
  readonly maxDocBytes: number
  readonly warnDocBytes: number
  readonly joinConcurrency: number
  readonly offThreadEncodeBytes: number
}

/** The defaults, from the constants above. @public */
export const DEFAULT_RELAY_LIMITS: RelayLimits = Object.freeze({
  maxMessageBytes: MAX_MESSAGE_BYTES,
  idleRoomUnloadMs: IDLE_ROOM_UNLOAD_MS,
  pingIntervalMs: PING_INTERVAL_MS,
  compactAfterUpdates: COMPACT_AFTER_UPDATES,
  compactAfterBytes: COMPACT_AFTER_BYTES,
  compactRetryMinMs: COMPACT_RETRY_MIN_MS,
  compactRetryMaxMs: COMPACT_RETRY_MAX_MS,
  maxPeersPerRoom: MAX_PEERS_PER_ROOM,
  peerInboxMaxMessages: PEER_INBOX_MAX_MESSAGES,
  peerInboxMaxBytes: PEER_INBOX_MAX_BYTES,
  peerSendBufferMaxBytes: PEER_SEND_BUFFER_MAX_BYTES,
  maxPendingUpdateBytes: MAX_PENDING_UPDATE_BYTES,
  maxAwarenessStateBytes: MAX_AWARENESS_STATE_BYTES,
  shutdownFlushTimeoutMs: SHUTDOWN_FLUSH_TIMEOUT_MS,
  peerMessagesPerSecond: PEER_MESSAGES_PER_SECOND,
  peerMessageBurst: PEER_MESSAGE_BURST,
  peerBytesPerSecond: PEER_BYTES_PER_SECOND,
  peerByteBurst: PEER_BYTE_BURST,
  awarenessMinIntervalMs: AWARENESS_MIN_INTERVAL_MS,
  awarenessPendingMaxEntries: AWARENESS_PENDING_MAX_ENTRIES,
  presenceFlushMs: PRESENCE_FLUSH_MS,
  onlineChangeCoalesceMs: ONLINE_CHANGE_COALESCE_MS,
  maxDocBytes: MAX_DOC_BYTES,
  warnDocBytes: WARN_DOC_BYTES,
  joinConcurrency: JOIN_CONCURRENCY,
  offThreadEncodeBytes: OFF_THREAD_ENCODE_BYTES,
})

/**
 * Merges overrides into the defaults and refuses nonsense (non-positive or non-finite values, a
 * ping interval over 20 s, a message cap over 2 MiB), so a bad config stops the boot.
 * @public
 */
export function resolveRelayLimits(overrides: Partial<RelayLimits> = {}): RelayLimits {
  const limits: RelayLimits = { ...DEFAULT_RELAY_LIMITS, ...overrides }
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new RangeError(`relay limit ${name} must be a positive finite number`)
    }
  }
  if (limits.pingIntervalMs > 20_000) throw new RangeError('relay limit pingIntervalMs must be ≤ 20000 (RL-8)')
  if (limits.maxMessageBytes > MAX_MESSAGE_BYTES) throw new RangeError('relay limit maxMessageBytes must be ≤ 2 MiB (RL-7)')
  if (limits.peerByteBurst < limits.maxMessageBytes) throw new RangeError('relay limit peerByteBurst must be ≥ maxMessageBytes')
  if (limits.warnDocBytes > limits.maxDocBytes) throw new RangeError('relay limit warnDocBytes must be ≤ maxDocBytes')
  if (limits.compactRetryMinMs > limits.compactRetryMaxMs) {
    throw new RangeError('relay limit compactRetryMinMs must be ≤ compactRetryMaxMs')
  }
  return Object.freeze(limits)
}
