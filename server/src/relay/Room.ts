/**
 * One meeting's live state: its Y.Doc and Awareness, its peers, broadcast, and the path of every
 * update from a socket into the store (RL-2, RL-3, RL-4, RL-6, PS-4). It talks to sockets only
 * through {@link RelaySocket} and to storage only through {@link DocStore}.
 *
 * All work runs through one {@link TaskQueue}: the load first, then joins, messages, leaves and
 * maintenance in arrival order. A peer's update is decoded completely, applied, appended to the
 * store, and only then broadcast — encoded once for all other peers.
 *
 * ```ts
 * const room = new Room({ docId, store, logger, limits, counters, onClosed })
 * const peer = room.join({ connectionId, participantId, role, socket })
 * room.receive(peer, bytes)   // from the socket adapter
 * room.leave(peer)            // when the socket closed
 * ```
 */
import * as Y from 'yjs'
import {
  STORE_ERROR_CODES,
  type AppendedUpdate,
  type DocStore,
  type StoreError,
  type StoreResult,
  type StoredTail,
  type TailStats,
} from '../storage/index.ts'
import { applyCapturing, applyForwarding, pendingBytes, transactionChanged } from './applyCapturing.ts'
import type { AdmissionGate } from './AdmissionGate.ts'
import type { DocEncoder } from './DocEncoder.ts'
import type { GroupCommit } from './GroupCommit.ts'
import { RELAY_CLOSE, RELAY_ERROR_CODES, RelayError } from './closeCodes.ts'
import type { RelayLimits } from './limits.ts'
import { updateWritesSomething } from './updateWritesSomething.ts'
import { REMOTE_ORIGIN, SERVER_ORIGIN, STORAGE_ORIGIN, createPeerOrigin, type PeerOrigin } from './origins.ts'
import type { RoomFanout } from './fanout/RelayFanout.ts'
import type { LinkedRoom } from './fanout/RoomLink.ts'
import { inspectUpdate, UPDATE_REFUSAL, type UpdateRefusal } from './inspectUpdate.ts'
import type { AwarenessEntry } from './protocol/awareness.ts'
import { decodeClientMessage } from './protocol/decodeClientMessage.ts'
import { encodeSyncStep1, encodeSyncStep2, encodeSyncStep2Update, encodeSyncUpdate } from './protocol/sync.ts'
import { encodeEpochMessage } from './protocol/epoch.ts'
import type { RelayCounters } from './relayStats.ts'
import type { RelayLogger } from './RelayLogger.ts'
import type { RelaySocket } from './RelaySocket.ts'
import { RoomAwareness } from './RoomAwareness.ts'
import { TaskQueue } from './TaskQueue.ts'
import { TokenBucket } from './TokenBucket.ts'
import type { DecodedUpdate } from './protocol/sync.ts'

/** @public */
export type PeerRole = 'facilitator' | 'editor' | 'viewer'

type CloseReason = (typeof RELAY_CLOSE)[keyof typeof RELAY_CLOSE]

/** The state vector of a client that holds nothing: the answer to it is the whole map. */
const EMPTY_STATE_VECTOR = Uint8Array.of(0)

/** A connection as the room sees it. @internal */
export interface RoomPeer {
  readonly connectionId: number
  readonly participantId: string
  readonly role: PeerRole
  readonly socket: RelaySocket
  readonly origin: PeerOrigin
  /**
   * For a peer read-only because the map is finished (not a viewer by role): an update that would
   * change the doc closes it with this, so its client says so instead of silently queueing edits.
   */
  readonly readOnlyRefusal?: { readonly code: number; readonly reason: string }
  /** The epoch the client's local state belongs to ('' for none); absent for clients without the extension (RL-13). */
  readonly knownEpoch?: string
  /** Sent the whole map on join, unasked (a client with no copy, `RelayPeer.wantsWholeMap`). */
  readonly wantsWholeMap?: boolean
  /** The one awareness client id this connection may speak for (bar item 5). */
  awarenessClientId: number | null
  inboxMessages: number
  inboxBytes: number
  /** Token buckets of this connection's input (bar item 9). */
  readonly messageBucket: TokenBucket
  readonly byteBucket: TokenBucket
  /** When awareness from this connection was last applied, and what waits for the next slot (10 Hz). */
  awarenessAppliedAtMs: number
  awarenessPending: Map<number, AwarenessEntry> | null
  awarenessTimer: NodeJS.Timeout | null
  /**
   * Until the client answers our sync step 1, an edit it makes may build on changes only its
   * answer carries (y-websocket sends live edits as they happen); such updates wait here, in
   * order, bounded by `maxPendingUpdateBytes`, and are judged after the answer (RL-19).
   */
  awaitingSyncStep2: boolean
  heldUpdates: Array<{ readonly update: Uint8Array; readonly decoded: DecodedUpdate }>
  heldBytes: number
  /** False once the server closed it: its queued messages are dropped, not processed. */
  acceptsInput: boolean
  connected: boolean
}

/** @internal */
export interface RoomOptions {
  readonly docId: string
  readonly store: DocStore
  /** The relay's group commit over `store` (PS-8): every append goes through it. */
  readonly commits: GroupCommit
  /** The relay's admission control for loads and full sync answers (RL-14). */
  readonly joins: AdmissionGate
  /** The relay's off-thread encoder for large docs (RL-15). */
  readonly encoder: DocEncoder
  readonly logger: RelayLogger
  readonly limits: RelayLimits
  readonly counters: RelayCounters
  /** Whether a value may be stored in the records array (the pinned tldraw schema's validators). */
  readonly isValidRecord: (value: unknown) => boolean
  /** Called once when the room is gone (unloaded, failed, reset or purged). */
  readonly onClosed: (room: Room) => void
  /**
   * Other relay instances share the store (fan-out, issue 9): accepted updates and local presence
   * are published, and compaction first catches up from the store, so it never deletes an
   * update another instance stored that this doc lacks.
   */
  readonly fanout?: RoomFanout
}

/** @internal */
export type RoomState = 'loading' | 'ready' | 'closed'

/** @internal */
export class Room implements LinkedRoom {
  readonly docId: string
  state: RoomState = 'loading'
  /** Changes in memory that the store does not hold (after a failed append). */
  unsaved = false
  readonly peers = new Map<number, RoomPeer>()

  private readonly options: RoomOptions
  private readonly doc = new Y.Doc()
  private readonly awareness: RoomAwareness
  private readonly queue: TaskQueue
  /** Which live connection writes under which doc client id (bar item 7). */
  private readonly docClients = new Map<number, RoomPeer>()
  /** Size of what the store holds (snapshot + tail), tracked without encoding the doc. */
  private storedBytes = 0
  private warnedDocSize = false
  private lastSeq = 0
  /** Every stored update up to this seq is in the doc (set by the load and each catch-up; fan-out only). */
  private storeSeq = 0
  private catchingUp = false
  private tail: TailStats = { updates: 0, bytes: 0 }
  private compactRetryMs: number
  private compactNotBefore = 0
  private maintenanceTimer: NodeJS.Timeout | null = null
  /** Settles once every append this room started has been committed (or failed). */
  private committed: Promise<unknown> = Promise.resolve()
  private compactionQueued = false
  /** The doc's epoch (PS-9), read when a client of the extension first needs it; null until the doc exists. */
  private epoch: string | null = null
  /** The sync step 2 a client with an empty doc gets; dropped on every change of the doc. */
  private fullStateReply: Uint8Array | null = null
  /** Counts changes of the doc, so a reply encoded meanwhile is not cached as current. */
  private docVersion = 0
  /** Whether a worker replica encodes this (large) doc (RL-15). */
  private replicated = false

  constructor(options: RoomOptions) {
    this.options = options
    this.docId = options.docId
    this.compactRetryMs = options.limits.compactRetryMinMs
    this.queue = new TaskQueue((error) =>
      options.logger.error({ err: error, meetingId: this.docId }, 'relay room task failed'),
    )
    this.awareness = new RoomAwareness({
      maxStateBytes: options.limits.maxAwarenessStateBytes,
      flushAfterMs: options.limits.presenceFlushMs,
      counters: options.counters,
      ...(options.fanout ? { publish: (frame: Uint8Array) => options.fanout?.publishAwareness(frame) } : {}),
      broadcast: (messageFor) => {
        for (const peer of this.peers.values()) {
          const message = messageFor(peer.origin)
          if (message) this.send(peer, message)
        }
      },
    })
    // Not an 'update' listener: with none, Yjs does not encode a copy of every change (hot path).
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (!transactionChanged(transaction)) return
      this.docVersion++
      this.fullStateReply = null
    })
    this.queue.push(() => this.options.joins.run(() => this.load()))
  }

  /** Settles once every update this room accepted so far is committed (or its commit failed). */
  settled(): Promise<void> {
    return this.committed.then(() => undefined)
  }

  /** Messages waiting in this room's queue. */
  get queuedTasks(): number {
    return this.queue.size
  }

  /** Adds a connection; its welcome (sync step 1 + awareness, RL-1) is sent once loaded. */
  join(info: {
    connectionId: number
    participantId: string
    role: PeerRole
    socket: RelaySocket
    readOnlyRefusal?: { readonly code: number; readonly reason: string }
    knownEpoch?: string
    wantsWholeMap?: boolean
  }): RoomPeer | null {
    if (this.peers.size >= this.options.limits.maxPeersPerRoom) {
      this.options.counters.rejectedRoomFull++
      this.options.logger.info({ meetingId: this.docId, connectionId: info.connectionId }, 'relay room full')
      info.socket.close(RELAY_CLOSE.RELAY_ROOM_FULL.code, RELAY_CLOSE.RELAY_ROOM_FULL.reason)
      return null
    }
    // Every field set explicitly, in one order: peers share one hidden class, so the hot paths
    // reading them stay monomorphic whichever optional parts a connection has.
    const peer: RoomPeer = {
      connectionId: info.connectionId,
      participantId: info.participantId,
      role: info.role,
      socket: info.socket,
      readOnlyRefusal: info.readOnlyRefusal,
      knownEpoch: info.knownEpoch,
      wantsWholeMap: info.wantsWholeMap ?? false,
      origin: createPeerOrigin(info.connectionId),
      awarenessClientId: null,
      inboxMessages: 0,
      inboxBytes: 0,
      messageBucket: new TokenBucket({ capacity: this.options.limits.peerMessageBurst, refillPerSecond: this.options.limits.peerMessagesPerSecond }),
      byteBucket: new TokenBucket({ capacity: this.options.limits.peerByteBurst, refillPerSecond: this.options.limits.peerBytesPerSecond }),
      awarenessAppliedAtMs: -Infinity,
      awarenessPending: null,
      awarenessTimer: null,
      awaitingSyncStep2: false,
      heldUpdates: [],
      heldBytes: 0,
      acceptsInput: true,
      connected: true,
    }
    this.peers.set(peer.connectionId, peer)
    this.queue.push(() => this.welcome(peer))
    return peer
  }

  /** Queues one frame from `peer`, within its inbox limits. */
  receive(peer: RoomPeer, bytes: Uint8Array): void {
    if (!peer.acceptsInput || this.state === 'closed') return
    const { limits, counters } = this.options
    counters.messagesIn++
    counters.bytesIn += bytes.byteLength
    const now = performance.now()
    if (!peer.messageBucket.take(1, now) || !peer.byteBucket.take(bytes.byteLength, now)) {
      counters.rejectedRateLimited++
      this.options.logger.info({ meetingId: this.docId, connectionId: peer.connectionId }, 'relay peer rate limited')
      this.closePeer(peer, RELAY_CLOSE.RELAY_RATE_LIMITED, { dropInput: true })
      return
    }
    if (peer.inboxMessages >= limits.peerInboxMaxMessages || peer.inboxBytes + bytes.byteLength > limits.peerInboxMaxBytes) {
      counters.rejectedInboxOverflow++
      this.closePeer(peer, RELAY_CLOSE.RELAY_INBOX_OVERFLOW, { dropInput: true })
      return
    }
    peer.inboxMessages++
    peer.inboxBytes += bytes.byteLength
    this.queue.pushCall(this.handleQueued, peer, bytes)
  }

  /** One message's turn in the queue (made once: `receive` runs for every message). */
  private readonly handleQueued = (peer: RoomPeer, bytes: Uint8Array): void | Promise<void> => {
    peer.inboxMessages--
    peer.inboxBytes -= bytes.byteLength
    return this.handle(peer, bytes)
  }

  /** The socket of `peer` closed (either side). Its queued input still runs unless the server closed it. */
  leave(peer: RoomPeer): void {
    if (!peer.connected) return
    peer.connected = false
    this.peers.delete(peer.connectionId)
    if (peer.awarenessTimer) clearTimeout(peer.awarenessTimer)
    peer.awarenessTimer = null
    peer.awarenessPending = null
    for (const [client, owner] of this.docClients) if (owner === peer) this.docClients.delete(client)
    if (this.state === 'closed') return
    this.queue.push(() => {
      if (this.state !== 'ready') return
      this.awareness.forget(peer)
      if (this.peers.size === 0) this.scheduleMaintenance(this.options.limits.idleRoomUnloadMs)
    })
  }

  /** Closes `peer` with `reason`; with `dropInput` its queued messages are discarded. */
  closePeer(peer: RoomPeer, reason: { code: number; reason: string }, options: { dropInput: boolean }): void {
    if (options.dropInput) peer.acceptsInput = false
    peer.socket.close(reason.code, reason.reason)
  }

  /**
   * Applies and stores the first state of a brand-new meeting (the seeded template). Rejects
   * with `RELAY_DOC_EXISTS` if the doc already has content.
   */
  seed(update: Uint8Array): Promise<void> {
    return this.queue.pushAndWait(async () => {
      if (this.state !== 'ready') throw new RelayError(RELAY_ERROR_CODES.RELAY_CLOSED)
      if (this.lastSeq > 0 || this.doc.store.clients.size > 0) throw new RelayError(RELAY_ERROR_CODES.RELAY_DOC_EXISTS)
      let emitted: Uint8Array | null
      try {
        emitted = applyCapturing(this.doc, update, SERVER_ORIGIN)
      } catch (error) {
        this.terminate(RELAY_CLOSE.RELAY_ROOM_RESET)
        throw new RelayError(RELAY_ERROR_CODES.RELAY_MALFORMED_UPDATE, { cause: error })
      }
      if (emitted && !(await this.persistAndBroadcast(emitted, null))) {
        throw new RelayError(STORE_ERROR_CODES.STORE_WRITE_FAILED)
      }
    }, () => new RelayError(RELAY_ERROR_CODES.RELAY_CLOSED))
  }

  /**
   * Runs `change` in one transaction with the server origin, appends what it wrote, then
   * broadcasts it. Resolves `false` (nothing done) if the room closed before the change ran, so the
   * caller can retry on a fresh room. A throwing `change` leaves store and peers untouched: whatever
   * it had already written in memory is discarded by resetting the room.
   */
  applyServerChange(change: (doc: Y.Doc) => void): Promise<boolean> {
    return this.queue.pushAndWait(async () => {
      if (this.state !== 'ready') return false
      const written: Uint8Array[] = []
      const capture = (update: Uint8Array, origin: unknown): void => {
        if (origin === SERVER_ORIGIN) written.push(update)
      }
      this.doc.on('update', capture)
      try {
        this.doc.transact(() => change(this.doc), SERVER_ORIGIN)
      } catch (error) {
        if (written.length > 0) this.terminate(RELAY_CLOSE.RELAY_ROOM_RESET)
        throw error
      } finally {
        this.doc.off('update', capture)
      }
      const update = written.length === 0 ? null : written.length === 1 ? written[0]! : Y.mergeUpdates(written)
      if (update && !(await this.persistAndBroadcast(update, null))) {
        throw new RelayError(STORE_ERROR_CODES.STORE_WRITE_FAILED)
      }
      return true
    }, () => new RelayError(RELAY_ERROR_CODES.RELAY_CLOSED)).catch((error: unknown) => {
      if (error instanceof RelayError && error.code === RELAY_ERROR_CODES.RELAY_CLOSED) return false
      throw error
    })
  }

  /** The full current state (`Y.encodeStateAsUpdate`), or `null` if the room closed before it could be read. */
  readState(): Promise<Uint8Array | null> {
    return this.queue
      .pushAndWait(async () => {
        await this.committed
        if (this.state === 'ready' && this.options.fanout) await this.catchUpFromStore()
        return this.state === 'ready' ? Y.encodeStateAsUpdate(this.doc) : null
      }, () => new RelayError(RELAY_ERROR_CODES.RELAY_CLOSED))
      .catch(() => null)
  }

  /** Closes every peer (their queued input still runs), then compacts and unloads. */
  shutdown(): Promise<void> {
    if (this.state === 'closed') return Promise.resolve()
    for (const peer of [...this.peers.values()]) {
      this.closePeer(peer, RELAY_CLOSE.RELAY_SHUTTING_DOWN, { dropInput: false })
    }
    return this.queue.pushAndWait(async () => {
      if (this.state !== 'ready') return
      const saved = await this.compact()
      if (this.state !== 'ready') return
      if (!saved && this.unsaved) {
        this.options.logger.error({ meetingId: this.docId }, 'relay shutdown: unsaved changes remain with clients only')
      }
      this.unload()
    }, () => new RelayError(RELAY_ERROR_CODES.RELAY_CLOSED)).catch(() => undefined)
  }

  /** Closes every peer and drops the room without saving (purge, failed load, reset). */
  terminate(reason: CloseReason): void {
    if (this.state === 'closed') return
    this.state = 'closed'
    this.clearMaintenance()
    for (const peer of [...this.peers.values()]) this.closePeer(peer, reason, { dropInput: true })
    this.queue.clear()
    this.destroy()
  }

  /** An update another relay instance stored: applied and sent to this room's peers, never stored again. */
  applyRemoteUpdate(update: Uint8Array): void {
    this.queue.push(() => {
      if (this.state === 'ready') this.applyRemote([update], REMOTE_ORIGIN)
    })
  }

  /** Presence another instance relayed (a complete awareness frame); a malformed one is dropped. */
  applyRemoteAwareness(frame: Uint8Array, instanceId: string): void {
    this.queue.push(() => {
      if (this.state !== 'ready') return
      const decoded = decodeClientMessage(frame)
      if (decoded.ok && decoded.value.type === 'awareness') this.awareness.receiveRemote(decoded.value.entries, instanceId)
    })
  }

  /** Removes the presence of an instance that stopped. */
  forgetInstance(instanceId: string): void {
    this.queue.push(() => {
      if (this.state === 'ready') this.awareness.forgetInstance(instanceId)
    })
  }

  /** Publishes this instance's peers' presence (asked by an instance that just loaded the room). */
  publishLocalAwareness(): void {
    this.queue.push(() => {
      const frame = this.state === 'ready' ? this.awareness.encodeLocalStates() : null
      if (frame) this.options.fanout?.publishAwareness(frame)
    })
  }

  /**
   * Applies what other instances stored that this doc lacks (fan-out repair); one at a time. The
   * store is read outside the queue, so its round trip never holds up live updates; what it
   * returned is applied in the queue (applying a stored update twice changes nothing).
   */
  catchUp(): void {
    if (this.catchingUp || this.state === 'closed') return
    this.catchingUp = true
    this.queue.push(() => {
      if (this.state !== 'ready') {
        this.catchingUp = false
        return
      }
      void this.readStoredSince(this.storeSeq).then((read) =>
        this.queue.push(() => {
          this.catchingUp = false
          if (!read.ok) {
            this.options.logger.warn({ err: read.error.cause, meetingId: this.docId, code: read.error.code }, 'relay catch-up from the store failed')
          } else if (this.state === 'ready') {
            this.applyStored(read.value)
          }
        }),
      )
    })
  }

  private async load(): Promise<void> {
    const loaded = await this.options.store.load(this.docId)
    if (this.state !== 'loading') return
    if (!loaded.ok) return this.failLoad(loaded.error)
    if (loaded.value) {
      try {
        Y.applyUpdate(this.doc, loaded.value.state, STORAGE_ORIGIN)
      } catch (error) {
        return this.failLoad({ code: STORE_ERROR_CODES.STORE_CORRUPT_DOC, cause: error })
      }
      this.lastSeq = loaded.value.lastSeq
      this.storeSeq = loaded.value.lastSeq
      this.tail = loaded.value.tail
      this.storedBytes = loaded.value.state.byteLength
      if (this.storedBytes > this.options.limits.offThreadEncodeBytes) {
        this.replicated = true
        this.options.encoder.open(this.docId, loaded.value.state)
        // Every change from now on, whatever its path (peers, server changes, other instances), reaches the replica.
        this.doc.on('update', (update: Uint8Array) => this.options.encoder.apply(this.docId, update))
      }
    }
    this.state = 'ready'
    this.options.counters.roomsLoaded++
    this.options.logger.debug({ meetingId: this.docId, tailUpdates: this.tail.updates }, 'relay room loaded')
    if (this.peers.size === 0) this.scheduleMaintenance(this.options.limits.idleRoomUnloadMs)
  }

  private failLoad(error: StoreError): void {
    this.options.counters.loadFailures++
    this.options.logger.error({ err: error.cause, meetingId: this.docId, code: error.code }, 'relay room load failed')
    // Never serve (and later save) an empty doc in place of one we could not read (bar item 12).
    this.terminate(RELAY_CLOSE.RELAY_STORE_UNAVAILABLE)
  }

  private async welcome(peer: RoomPeer): Promise<void> {
    if (!peer.connected || this.state !== 'ready') return
    if (peer.knownEpoch !== undefined && !(await this.checkEpoch(peer))) return
    peer.awaitingSyncStep2 = peer.role !== 'viewer'
    this.send(peer, encodeSyncStep1(this.doc))
    const states = this.awareness.encodeWelcomeStates()
    if (states) this.send(peer, states)
    if (peer.wantsWholeMap) await this.answerSyncStep1(peer, EMPTY_STATE_VECTOR)
  }

  /**
   * RL-13: a client whose local state belongs to another epoch is closed before anything of it is
   * read (its queued messages are dropped); any other client of the extension is told the epoch.
   */
  private async checkEpoch(peer: RoomPeer): Promise<boolean> {
    if (this.epoch === null && this.options.store.loadEpoch) {
      const loaded = await this.options.store.loadEpoch(this.docId)
      if (!loaded.ok) {
        this.closePeer(peer, RELAY_CLOSE.RELAY_STORE_UNAVAILABLE, { dropInput: true })
        return false
      }
      this.epoch = loaded.value
    }
    if (!peer.connected || this.state !== 'ready') return false
    if (this.epoch === null) return true
    if (peer.knownEpoch !== '' && peer.knownEpoch !== this.epoch) {
      this.options.counters.rejectedStaleEpoch++
      this.options.logger.info({ meetingId: this.docId, connectionId: peer.connectionId }, 'relay refused state of another doc epoch')
      this.closePeer(peer, RELAY_CLOSE.RELAY_DOC_EPOCH_CHANGED, { dropInput: true })
      return false
    }
    this.send(peer, encodeEpochMessage(this.epoch))
    return true
  }

  /** Returns a promise only for work that waits (sync answers, updates): presence runs synchronously. */
  private handle(peer: RoomPeer, bytes: Uint8Array): void | Promise<void> {
    if (!peer.acceptsInput || this.state !== 'ready') return
    const decoded = decodeClientMessage(bytes)
    if (!decoded.ok) {
      this.options.counters.rejectedMalformed++
      this.options.logger.warn(
        { meetingId: this.docId, connectionId: peer.connectionId, code: RELAY_CLOSE.RELAY_MALFORMED_MESSAGE.reason, detail: decoded.reason },
        'relay rejected a malformed message',
      )
      this.closePeer(peer, RELAY_CLOSE.RELAY_MALFORMED_MESSAGE, { dropInput: true })
      return
    }
    const message = decoded.value
    switch (message.type) {
      case 'sync-step-1':
        return this.answerSyncStep1(peer, message.stateVector)
      case 'sync-step-2':
      case 'sync-update':
        if (peer.role === 'viewer') {
          this.options.counters.viewerUpdatesDropped++
          if (peer.readOnlyRefusal && updateWritesSomething(this.doc, message.decoded)) {
            this.closePeer(peer, peer.readOnlyRefusal, { dropInput: true })
          }
          return
        }
        if (message.type === 'sync-step-2') return this.applySyncStep2(peer, message.update, message.decoded)
        return this.applyPeerUpdate(peer, message.update, message.decoded)
      case 'awareness':
        return this.receiveAwareness(peer, message.entries)
      case 'query-awareness': {
        const states = this.awareness.encodeAllStates()
        if (states && peer.connected) this.send(peer, states)
        return
      }
      default: {
        const unreachable: never = message
        throw new Error(`unhandled message ${String(unreachable)}`)
      }
    }
  }

  /**
   * Sends what the peer lacks — only what is committed, since what a peer holds must survive a
   * crash (RL-3). A client with an empty doc (a fresh join) gets the cached full state.
   */
  private async answerSyncStep1(peer: RoomPeer, stateVector: Uint8Array): Promise<void> {
    await this.committed
    const empty = stateVector.length === 1 && stateVector[0] === 0
    if (empty && this.fullStateReply) return this.send(peer, this.fullStateReply)
    // Not awaited: the room goes on meanwhile; what it commits later reaches the peer by broadcast.
    if (this.replicated) return void this.answerOffThread(peer, empty ? null : stateVector)
    // Encoding is the heavy step of a join: it waits its turn (RL-14).
    await this.options.joins.run(() => {
      if (!peer.connected || this.state !== 'ready') return
      if (!empty) return this.send(peer, encodeSyncStep2(this.doc, stateVector))
      this.fullStateReply ??= encodeSyncStep2(this.doc)
      this.send(peer, this.fullStateReply)
    })
  }

  /** RL-15: the worker's replica encodes the answer; on the main thread only if the worker failed. */
  private async answerOffThread(peer: RoomPeer, stateVector: Uint8Array | null): Promise<void> {
    const version = this.docVersion
    const state = await this.options.encoder.encode(this.docId, stateVector)
    if (!peer.connected || this.state !== 'ready') return
    if (!state) return this.send(peer, encodeSyncStep2(this.doc, stateVector ?? undefined))
    this.options.counters.offThreadEncodes++
    const reply = encodeSyncStep2Update(state)
    if (!stateVector && version === this.docVersion) this.fullStateReply = reply
    this.send(peer, reply)
  }

  /** Applies awareness at most every `awarenessMinIntervalMs` per connection; later states wait, latest wins (bar item 5). */
  private receiveAwareness(peer: RoomPeer, entries: readonly AwarenessEntry[]): void {
    const { awarenessMinIntervalMs, awarenessPendingMaxEntries } = this.options.limits
    const now = performance.now()
    const waitMs = peer.awarenessAppliedAtMs + awarenessMinIntervalMs - now
    if (waitMs <= 0 && !peer.awarenessPending) {
      peer.awarenessAppliedAtMs = now
      this.awareness.receive(peer, entries)
      return
    }
    this.options.counters.awarenessCoalesced++
    const pending = (peer.awarenessPending ??= new Map())
    for (const entry of entries) {
      if (pending.has(entry.clientId) || pending.size < awarenessPendingMaxEntries) pending.set(entry.clientId, entry)
    }
    if (peer.awarenessTimer) return
    peer.awarenessTimer = setTimeout(() => {
      peer.awarenessTimer = null
      this.queue.push(() => {
        const due = peer.awarenessPending
        peer.awarenessPending = null
        if (!due || !peer.connected || this.state !== 'ready') return
        peer.awarenessAppliedAtMs = performance.now()
        this.awareness.receive(peer, [...due.values()])
      })
    }, Math.max(0, waitMs))
    peer.awarenessTimer.unref()
  }

  /**
   * Refuses, before anything is applied: structs under another live connection's client id, an
   * invalid record or a template change by a non-facilitator, and growth past `maxDocBytes`.
   * Returns whether the update may be applied; on refusal the sender is closed.
   */
  private async admitUpdate(peer: RoomPeer, update: Uint8Array, decoded: DecodedUpdate): Promise<boolean> {
    const { counters, logger, limits } = this.options
    const inspect = () =>
      inspectUpdate({
        doc: this.doc,
        decoded,
        isValidRecord: this.options.isValidRecord,
        mayEditTemplate: peer.role === 'facilitator',
      })
    let verdict = inspect()
    if (!verdict.ok && verdict.reason === UPDATE_REFUSAL.UNRESOLVED_PARENT && peer.awaitingSyncStep2) {
      this.holdUntilSyncStep2(peer, update, decoded)
      return false
    }
    // A client that moved here from a dead instance may build on what that instance stored but
    // never published: read the store once, then judge again.
    const elsewhere = !verdict.ok && verdict.reason === UPDATE_REFUSAL.UNRESOLVED_PARENT && this.options.fanout !== undefined
    if (elsewhere) {
      await this.catchUpFromStore()
      if (this.state !== 'ready') return false
      verdict = inspect()
    }
    if (!verdict.ok) {
      this.countRefusal(verdict.reason)
      logger.warn({ meetingId: this.docId, connectionId: peer.connectionId, code: verdict.reason }, 'relay refused an update')
      // Still missing: another client that moved off the dead instance may hold it and bring it
      // here on reconnect, so let this one retry (it resends everything) rather than give up.
      const close = elsewhere && verdict.reason === UPDATE_REFUSAL.UNRESOLVED_PARENT ? RELAY_CLOSE.RELAY_UNRESOLVED_UPDATES : RELAY_CLOSE.RELAY_UPDATE_REFUSED
      this.closePeer(peer, close, { dropInput: true })
      return false
    }
    for (const client of verdict.clients) {
      const owner = this.docClients.get(client)
      const foreign = client === this.doc.clientID || (owner && owner !== peer && owner.connected && owner.participantId !== peer.participantId)
      if (foreign) {
        counters.rejectedForeignClientId++
        logger.warn({ meetingId: this.docId, connectionId: peer.connectionId }, 'relay refused an update under another connection’s client id')
        this.closePeer(peer, RELAY_CLOSE.RELAY_CLIENT_ID_IN_USE, { dropInput: true })
        return false
      }
    }
    if (this.storedBytes + update.byteLength > limits.maxDocBytes && this.tail.updates > 0) await this.compact()
    if (this.storedBytes + update.byteLength > limits.maxDocBytes) {
      counters.rejectedDocTooLarge++
      logger.warn({ meetingId: this.docId, connectionId: peer.connectionId, storedBytes: this.storedBytes }, 'relay refused an update: document too large')
      this.closePeer(peer, RELAY_CLOSE.RELAY_DOC_TOO_LARGE, { dropInput: true })
      return false
    }
    for (const client of verdict.clients) this.docClients.set(client, peer)
    return true
  }

  private countRefusal(reason: UpdateRefusal): void {
    const { counters } = this.options
    switch (reason) {
      case UPDATE_REFUSAL.INVALID_RECORD:
        counters.rejectedInvalidRecord++
        return
      case UPDATE_REFUSAL.TEMPLATE_PROTECTED:
        counters.rejectedTemplateProtected++
        return
      case UPDATE_REFUSAL.UNRESOLVED_PARENT:
        counters.rejectedUnresolvedParent++
        return
      case UPDATE_REFUSAL.PRIVATE_RATING:
        counters.rejectedPrivateRating++
        return
      default: {
        const unreachable: never = reason
        throw new Error(`unhandled refusal ${String(unreachable)}`)
      }
    }
  }

  private async applyPeerUpdate(peer: RoomPeer, update: Uint8Array, decoded: DecodedUpdate): Promise<void> {
    if (!(await this.admitUpdate(peer, update, decoded))) return
    if (!peer.acceptsInput || this.state !== 'ready') return
    let emitted: Uint8Array | null
    try {
      emitted = applyForwarding(this.doc, update, decoded, peer.origin)
    } catch (error) {
      // Decoding passed, yet Yjs threw mid-apply: the doc may hold part of the update. Discard
      // the whole in-memory doc; the store holds every accepted update, clients resync.
      this.options.counters.roomResets++
      this.options.logger.error({ err: error, meetingId: this.docId, connectionId: peer.connectionId }, 'relay apply failed; resetting room')
      this.closePeer(peer, RELAY_CLOSE.RELAY_MALFORMED_MESSAGE, { dropInput: true })
      this.terminate(RELAY_CLOSE.RELAY_ROOM_RESET)
      return
    }
    this.boundPending(peer)
    // Not awaited: the room goes on with its next message while this tick's group commit runs.
    if (emitted) void this.persistAndBroadcast(emitted, peer)
  }

  /** The client's answer to our sync step 1, then every update that waited for it (RL-19). */
  private async applySyncStep2(peer: RoomPeer, update: Uint8Array, decoded: DecodedUpdate): Promise<void> {
    peer.awaitingSyncStep2 = false
    await this.applyPeerUpdate(peer, update, decoded)
    const held = peer.heldUpdates
    peer.heldUpdates = []
    peer.heldBytes = 0
    for (const next of held) {
      if (!peer.acceptsInput || this.state !== 'ready') return
      await this.applyPeerUpdate(peer, next.update, next.decoded)
    }
  }

  private holdUntilSyncStep2(peer: RoomPeer, update: Uint8Array, decoded: DecodedUpdate): void {
    peer.heldBytes += update.byteLength
    if (peer.heldBytes > this.options.limits.maxPendingUpdateBytes) {
      this.options.counters.rejectedUnresolvedUpdates++
      this.options.logger.warn({ meetingId: this.docId, connectionId: peer.connectionId, pendingBytes: peer.heldBytes }, 'relay dropped updates held for a sync answer')
      this.closePeer(peer, RELAY_CLOSE.RELAY_UNRESOLVED_UPDATES, { dropInput: true })
      return
    }
    peer.heldUpdates.push({ update, decoded })
  }

  /** Updates whose dependencies never arrive sit invisibly in the doc; cap them (bar item 7). */
  private boundPending(peer: RoomPeer): void {
    const pending = pendingBytes(this.doc)
    if (pending <= this.options.limits.maxPendingUpdateBytes) return
    this.doc.store.pendingStructs = null
    this.doc.store.pendingDs = null
    this.options.counters.rejectedUnresolvedUpdates++
    this.options.logger.warn({ meetingId: this.docId, connectionId: peer.connectionId, pendingBytes: pending }, 'relay dropped unresolved updates')
    this.closePeer(peer, RELAY_CLOSE.RELAY_UNRESOLVED_UPDATES, { dropInput: true })
  }

  /**
   * RL-3, the one path of every accepted change: append (in this tick's group commit, PS-8), then
   * broadcast the same bytes to every other peer; queue a compaction past the PS-4 thresholds.
   * Resolves whether the update is durable.
   */
  private persistAndBroadcast(update: Uint8Array, sender: RoomPeer | null): Promise<boolean> {
    // Counted now, so the size cap sees updates still waiting for their commit.
    this.storedBytes += update.byteLength
    const done = this.options.commits.append(this.docId, update).then((appended) => this.afterCommit(appended, update, sender))
    this.committed = done
    return done
  }

  private afterCommit(appended: StoreResult<AppendedUpdate>, update: Uint8Array, sender: RoomPeer | null): boolean {
    if (this.state !== 'ready') return appended.ok
    if (!appended.ok) {
      this.unsaved = true
      this.options.counters.appendFailures++
      this.options.logger.error({ err: appended.error.cause, meetingId: this.docId, code: appended.error.code }, 'relay append failed')
      if (sender) this.closePeer(sender, RELAY_CLOSE.RELAY_STORE_UNAVAILABLE, { dropInput: true })
      this.scheduleMaintenance(this.compactRetryMs)
      return false
    }
    this.lastSeq = appended.value.seq
    this.tail = appended.value.tail
    if (this.storedBytes > this.options.limits.warnDocBytes && !this.warnedDocSize) {
      this.warnedDocSize = true
      this.options.counters.docSizeWarnings++
      this.options.logger.warn({ meetingId: this.docId, storedBytes: this.storedBytes }, 'relay document is large')
    }
    this.options.counters.updatesAccepted++
    this.broadcast(encodeSyncUpdate(update), sender)
    this.options.fanout?.publishUpdate(update)
    const { compactAfterUpdates, compactAfterBytes } = this.options.limits
    const due = (this.tail.updates >= compactAfterUpdates || this.tail.bytes >= compactAfterBytes) && Date.now() >= this.compactNotBefore
    if (due && !this.compactionQueued) {
      this.compactionQueued = true
      this.queue.push(async () => {
        this.compactionQueued = false
        if (this.state === 'ready') await this.compact()
      })
    }
    return true
  }

  /**
   * Reads what the store holds past `storeSeq` (the whole doc after another instance compacted),
   * applies it and sends the difference to this room's peers. Resolves the new `storeSeq`.
   */
  private async catchUpFromStore(): Promise<StoreResult<number>> {
    const read = await this.readStoredSince(this.storeSeq)
    if (!read.ok) return read
    if (this.state === 'ready') this.applyStored(read.value)
    return { ok: true, value: this.storeSeq }
  }

  /** What the store holds past `since`: its tail, or the whole doc once a compaction passed `since`. */
  private async readStoredSince(since: number): Promise<StoreResult<StoredTail>> {
    const tail = await this.options.store.loadTail(this.docId, since)
    if (!tail.ok) return tail
    if (tail.value) return { ok: true, value: tail.value }
    const loaded = await this.options.store.load(this.docId)
    if (!loaded.ok) return loaded
    return { ok: true, value: { updates: loaded.value ? [loaded.value.state] : [], lastSeq: loaded.value?.lastSeq ?? since } }
  }

  /** Applies a read of the store (sending what was new to the peers); the doc then holds everything up to its `lastSeq`. */
  private applyStored(read: StoredTail): void {
    if (read.updates.length > 0) this.applyRemote(read.updates, STORAGE_ORIGIN)
    if (this.state === 'ready') this.storeSeq = Math.max(this.storeSeq, read.lastSeq)
  }

  /** Applies updates that are already stored (by another instance) and sends what was new to every peer. */
  private applyRemote(updates: readonly Uint8Array[], origin: object): void {
    let emitted: Uint8Array | null
    try {
      emitted = applyCapturing(this.doc, updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates as Uint8Array[]), origin)
    } catch (error) {
      // Stored bytes that do not apply: start over from the store, as after a failed peer apply.
      this.options.counters.roomResets++
      this.options.logger.error({ err: error, meetingId: this.docId }, 'relay could not apply a stored update; resetting room')
      this.terminate(RELAY_CLOSE.RELAY_ROOM_RESET)
      return
    }
    if (!emitted) return
    this.storedBytes += emitted.byteLength
    this.broadcast(encodeSyncUpdate(emitted), null)
  }

  /** PS-4: replaces snapshot + tail with the doc's state. Returns whether the store holds everything. */
  private async compact(): Promise<boolean> {
    // Runs in the queue, so nothing new is applied meanwhile: after this the doc is what was committed.
    await this.committed
    if (this.state !== 'ready') return false
    if (this.tail.updates === 0 && !this.unsaved) return true
    // With other writers, only what this doc is known to hold may leave the tail.
    const through = this.options.fanout ? await this.catchUpFromStore() : ({ ok: true, value: this.lastSeq } as const)
    if (this.state !== 'ready') return false
    // The queue waits meanwhile, so the replica's state is this doc's (RL-15).
    const replicaState = this.replicated ? await this.options.encoder.encode(this.docId) : null
    if (replicaState) this.options.counters.offThreadEncodes++
    const state = replicaState ?? Y.encodeStateAsUpdate(this.doc)
    if (this.state !== 'ready') return false
    const result = through.ok ? await this.options.store.compact(this.docId, { state, throughSeq: through.value }) : through
    if (!result.ok) {
      this.options.counters.compactionFailures++
      this.options.logger.error({ err: result.error.cause, meetingId: this.docId, code: result.error.code }, 'relay compaction failed')
      this.compactNotBefore = Date.now() + this.compactRetryMs
      this.compactRetryMs = Math.min(this.compactRetryMs * 2, this.options.limits.compactRetryMaxMs)
      return false
    }
    this.options.counters.compactions++
    this.tail = { updates: 0, bytes: 0 }
    this.storedBytes = state.byteLength
    this.unsaved = false
    this.compactRetryMs = this.options.limits.compactRetryMinMs
    this.compactNotBefore = 0
    return true
  }

  /** RL-6: compact, then unload if still idle; a failed save keeps the room and retries. */
  private async maintain(): Promise<void> {
    if (this.state !== 'ready') return
    if (this.peers.size > 0 && !this.unsaved) return
    const retryMs = this.compactRetryMs
    const saved = await this.compact()
    if (this.state !== 'ready') return
    if (!saved) return this.scheduleMaintenance(retryMs)
    if (this.peers.size === 0) this.unload()
  }

  private scheduleMaintenance(delayMs: number): void {
    this.clearMaintenance()
    this.maintenanceTimer = setTimeout(() => {
      this.maintenanceTimer = null
      this.queue.push(() => this.maintain())
    }, delayMs)
    this.maintenanceTimer.unref()
  }

  private clearMaintenance(): void {
    if (this.maintenanceTimer) clearTimeout(this.maintenanceTimer)
    this.maintenanceTimer = null
  }

  private unload(): void {
    this.state = 'closed'
    this.clearMaintenance()
    this.options.counters.roomsUnloaded++
    this.options.logger.debug({ meetingId: this.docId }, 'relay room unloaded')
    this.destroy()
  }

  private destroy(): void {
    if (this.replicated) this.options.encoder.close(this.docId)
    this.awareness.destroy()
    this.doc.destroy()
    this.options.onClosed(this)
  }

  private send(peer: RoomPeer, bytes: Uint8Array): void {
    if (peer.socket.bufferedBytes() > this.options.limits.peerSendBufferMaxBytes) {
      this.options.counters.rejectedSendBufferFull++
      this.closePeer(peer, RELAY_CLOSE.RELAY_SEND_BUFFER_FULL, { dropInput: true })
      return
    }
    if (peer.socket.send(bytes)) this.options.counters.bytesOut += bytes.byteLength
  }

  /** Sends a doc change to every peer but `exclude`; presence waiting for its window goes in the same write. */
  private broadcast(bytes: Uint8Array, exclude: RoomPeer | null): void {
    this.awareness.flushNow()
    for (const peer of this.peers.values()) {
      if (peer !== exclude) this.send(peer, bytes)
    }
  }
}
