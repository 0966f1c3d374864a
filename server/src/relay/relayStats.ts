/**
 * Counters and gauges of a relay, for logs and the metrics endpoint. Numbers only: no meeting,
 * participant or map data (bar item 20: no PII in labels).
 */

/** Monotonic counters since the relay was created. @public */
export interface RelayCounters {
  messagesIn: number
  bytesIn: number
  bytesOut: number
  updatesAccepted: number
  viewerUpdatesDropped: number
  awarenessEntriesDropped: number
  rejectedMalformed: number
  rejectedRoomFull: number
  rejectedInboxOverflow: number
  rejectedSendBufferFull: number
  rejectedUnresolvedUpdates: number
  appendFailures: number
  compactions: number
  compactionFailures: number
  loadFailures: number
  roomResets: number
  roomsLoaded: number
  roomsUnloaded: number
  pingTimeouts: number
  rejectedRateLimited: number
  rejectedForeignClientId: number
  /** Presence states that claimed another person, or a facilitator's role or lead, dropped. */
  rejectedPresenceClaim: number
  rejectedInvalidRecord: number
  rejectedTemplateProtected: number
  rejectedUnresolvedParent: number
  rejectedPrivateRating: number
  rejectedDocTooLarge: number
  rejectedStaleEpoch: number
  /** Sync answers and snapshots encoded by the worker's replica of a large doc (RL-15). */
  offThreadEncodes: number
  awarenessCoalesced: number
  docSizeWarnings: number
}

/** A snapshot from `relay.stats()`. @public */
export interface RelayStats {
  /** Rooms in memory (loading or loaded). */
  readonly rooms: number
  /** Rooms still loading from the store. */
  readonly roomsLoading: number
  /** Rooms holding changes that are not yet in the store (failed append, compaction pending retry). */
  readonly roomsUnsaved: number
  /** Open connections over all rooms. */
  readonly connections: number
  /** Messages waiting in room queues. */
  readonly queuedTasks: number
  readonly counters: Readonly<RelayCounters>
}

/** @internal */
export function createRelayCounters(): RelayCounters {
  return {
    messagesIn: 0,
    bytesIn: 0,
    bytesOut: 0,
    updatesAccepted: 0,
    viewerUpdatesDropped: 0,
    awarenessEntriesDropped: 0,
    rejectedMalformed: 0,
    rejectedRoomFull: 0,
    rejectedInboxOverflow: 0,
    rejectedSendBufferFull: 0,
    rejectedUnresolvedUpdates: 0,
    appendFailures: 0,
    compactions: 0,
    compactionFailures: 0,
    loadFailures: 0,
    roomResets: 0,
    roomsLoaded: 0,
    roomsUnloaded: 0,
    pingTimeouts: 0,
    rejectedRateLimited: 0,
    rejectedForeignClientId: 0,
    rejectedPresenceClaim: 0,
    rejectedInvalidRecord: 0,
    rejectedTemplateProtected: 0,
    rejectedUnresolvedParent: 0,
    rejectedPrivateRating: 0,
    rejectedDocTooLarge: 0,
    rejectedStaleEpoch: 0,
    offThreadEncodes: 0,
    awarenessCoalesced: 0,
    docSizeWarnings: 0,
  }
}
