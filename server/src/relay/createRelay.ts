/**
 * The relay's front object: a registry of rooms by meeting id, the `ws` entry point, the
 * heartbeat (RL-8), and the administrative calls the HTTP layer makes (seed, revoke, close,
 * purge, stats, shutdown). Access control happens before `acceptWebSocket` (HT-4): whoever
 * reaches it is admitted with the role given.
 *
 * ```ts
 * const relay = createRelay({ store: createSqliteDocStore(db), logger: app.log })
 * await relay.seedDoc(meetingId, Y.encodeStateAsUpdate(templateDoc))
 * relay.acceptWebSocket(socket, { meetingId, participantId, role })   // in the /sync route
 * relay.closePeer(participantId, 4403, 'RELAY_ACCESS_REVOKED')
 * await relay.close()                                                  // on SIGTERM
 * ```
 */
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import type { WebSocket } from 'ws'
import type * as Y from 'yjs'
import type { DocStore } from '../storage/index.ts'
import { RELAY_CLOSE, RELAY_ERROR_CODES, RelayError, isValidCloseCode } from './closeCodes.ts'
import { resolveRelayLimits, type RelayLimits } from './limits.ts'
import { createRecordValidator } from './createRecordValidator.ts'
import { AdmissionGate } from './AdmissionGate.ts'
import { DocEncoder } from './DocEncoder.ts'
import { GroupCommit } from './GroupCommit.ts'
import { Heartbeat } from './Heartbeat.ts'
import { checkUpdate } from './protocol/sync.ts'
import { createRelayCounters, type RelayStats } from './relayStats.ts'
import type { RelayLogger } from './RelayLogger.ts'
import { Room, type PeerRole, type RoomPeer } from './Room.ts'
import { adaptWebSocket, type AdaptedWebSocket } from './webSocketAdapter.ts'
import type { RelayCommand, RelayFanout } from './fanout/RelayFanout.ts'
import { RoomLink } from './fanout/RoomLink.ts'
import { coalescePerKey } from './coalescePerKey.ts'

/** Who a socket belongs to, as established by the HTTP layer's auth. @public */
export interface RelayPeer {
  readonly meetingId: string
  readonly participantId: string
  readonly role: PeerRole
  /** A read-only peer (finished map) whose attempt to change the doc closes it with this code. */
  readonly readOnlyRefusal?: { readonly code: number; readonly reason: string }
  /** The doc epoch the client's local state belongs to (`?epoch=`, '' for none), RL-13. */
  readonly knownEpoch?: string
  /**
   * The client holds no copy and wants the whole map (`?whole=1`): it is sent on join, as the answer
   * to a sync step 1 with an empty state vector would be, without waiting a round trip for that ask.
   */
  readonly wantsWholeMap?: boolean
}

/** @public */
export interface RelayOptions {
  readonly store: DocStore
  readonly logger: RelayLogger
  /** Overrides of the defaults in `limits.ts`; nonsense throws here (refuse to boot). */
  readonly limits?: Partial<RelayLimits>
  /**
   * Other relay instances sharing `store` (issue 9, `REDIS_URL`): rooms exchange updates and
   * presence with them, and closing or purging reaches their sockets too. Absent: this instance alone.
   */
  readonly fanout?: RelayFanout
  /**
   * Called when the set of participants connected to a doc on this instance changed (someone's
   * first connection opened or their last one closed), at most once per doc per
   * `limits.onlineChangeCoalesceMs`: the roster's "online" (`peersOf`) moved, so its readers may
   * ask again. Never called for messages, nor for a second connection of someone already online.
   */
  readonly onOnlineChanged?: (docId: string) => void
  /**
   * Whether a connected participant may still be connected as they are, read afresh (the access
   * layer's database): a close reason closes their sockets in that room. Asked for every connected
   * participant when the fan-out's subscription comes back, since revocations, finalizes and
   * removals published meanwhile never reached this instance. `gone`: the meeting was purged
   * meanwhile, so its room is dropped unsaved, as the purge command would have done here.
   */
  readonly recheckPeer?: (peer: { readonly meetingId: string; readonly participantId: string; readonly role: PeerRole }) => Promise<{ readonly code: number; readonly reason: string; readonly gone?: boolean } | null>
}

/** @public */
export interface Relay {
  /** Adapts an open `ws` socket and joins it to its meeting's room, loading the room on first connect. */
  acceptWebSocket(ws: WebSocket, peer: RelayPeer): void
  /**
   * Stores the initial state of a brand-new meeting. Rejects with a {@link RelayError} whose code
   * is `RELAY_MALFORMED_UPDATE`, `RELAY_DOC_EXISTS`, `RELAY_CLOSED` or a `STORE_…` code.
   */
  seedDoc(meetingId: string, update: Uint8Array): Promise<void>
  /** Participant ids currently connected to the meeting (each once, on any live instance), for an "online" roster. */
  peersOf(meetingId: string): string[]
  /**
   * Loads the room if needed, runs `change` in one transaction with the server origin, appends the
   * resulting update durably, then broadcasts it (finalize, reveal). Rejects with a
   * {@link RelayError} (`RELAY_CLOSED`, `RELAY_STORE_UNAVAILABLE`, a `STORE_…` code) or with what
   * `change` threw; in every rejection nothing was stored or broadcast.
   */
  applyServerChange(meetingId: string, change: (doc: Y.Doc) => void): Promise<void>
  /** The authoritative current state (live room, else the store), or `null` for a meeting never stored. */
  readDocState(meetingId: string): Promise<Uint8Array | null>
  /** Closes every socket of a participant, in every room (RL-9); their presence goes with them. */
  closePeer(participantId: string, code: number, reason: string): number
  /** Closes a participant's sockets in the given rooms only (a worker leaving one meeting keeps the others). */
  closePeerIn(docIds: readonly string[], participantId: string, code: number, reason: string): number
  /** Closes every socket of a meeting; the room unloads after the idle delay. */
  closeMeeting(meetingId: string, code: number, reason: string): number
  /** Closes the meeting's sockets, drops its room unsaved and deletes its doc from the store. */
  purgeMeeting(meetingId: string): Promise<void>
  /**
   * How many close and purge commands ran on this instance so far. A sync route reads it around
   * its access check: a close that ran meanwhile found no socket to close, so it decides again.
   */
  accessCloses(): number
  /** Counts and gauges only — no ids, names or content. */
  stats(): RelayStats
  /** Whether the relay still accepts connections (false once `close()` began); for `/readyz`. */
  isAccepting(): boolean
  /** Closes every socket (1001), compacts and unloads every room; idempotent. */
  close(): Promise<void>
}

/** Rooms a server change tries before giving up (each failed because its room closed first). */
const SERVER_CHANGE_ATTEMPTS = 3

/** @public */
export function createRelay(options: RelayOptions): Relay {
  const { store, logger } = options
  const limits = resolveRelayLimits(options.limits)
  const counters = createRelayCounters()
  const commits = new GroupCommit(store)
  const joins = new AdmissionGate(limits.joinConcurrency)
  const encoder = new DocEncoder()
  const isValidRecord = createRecordValidator(createSafetyMapSchema())
  const rooms = new Map<string, Room>()
  const sockets = new Set<AdaptedWebSocket>()
  let nextConnectionId = 1
  let closing: Promise<void> | null = null

  const heartbeat = new Heartbeat<AdaptedWebSocket>(limits.pingIntervalMs, (adapted) => {
    if (!adapted.heartbeat()) counters.pingTimeouts++
  })

  const roomFor = (meetingId: string): Room => {
    const existing = rooms.get(meetingId)
    if (existing) return existing
    const link = options.fanout ? new RoomLink({ fanout: options.fanout, meetingId }) : null
    const room: Room = new Room({
      docId: meetingId,
      store,
      commits,
      joins,
      encoder,
      logger,
      limits,
      counters,
      isValidRecord,
      ...(link ? { fanout: link } : {}),
      onClosed: (closed) => {
        link?.close()
        if (rooms.get(closed.docId) === closed) rooms.delete(closed.docId)
      },
    })
    rooms.set(meetingId, room)
    link?.attach(room)
    return room
  }

  const localPeersOf = (meetingId: string): string[] => {
    const room = rooms.get(meetingId)
    return room ? [...new Set([...room.peers.values()].map((peer) => peer.participantId))] : []
  }
  /** Tells the other instances who is connected here, after a join or leave (the roster's "online"). */
  const sharePeers = (meetingId: string): void => options.fanout?.setLocalPeers(meetingId, localPeersOf(meetingId))

  const { onOnlineChanged } = options
  const onlineChanges = onOnlineChanged
    ? coalescePerKey(limits.onlineChangeCoalesceMs, (docId) => {
      try {
        onOnlineChanged(docId)
      } catch (error) {
        logger.warn({ err: error, meetingId: docId }, 'relay online-change listener failed')
      }
    })
    : null
  /**
   * After a join (`expected` 1) or a leave (0) of `participantId`: if that was their first or last
   * connection to `room`, its online set changed. Runs on connects and disconnects only (≤ 50 peers).
   */
  const tellIfOnlineChanged = (room: Room, participantId: string, expected: 0 | 1): void => {
    if (!onlineChanges) return
    let connections = 0
    for (const peer of room.peers.values()) if (peer.participantId === participantId) connections++
    if (connections === expected) onlineChanges.touch(room.docId)
  }

  const checkClose = (code: number, reason: string): void => {
    if (!isValidCloseCode(code)) throw new RangeError(`invalid WebSocket close code ${code}`)
    if (Buffer.byteLength(reason) > 123) throw new RangeError('close reason longer than 123 bytes')
  }

  const closeWhere = (match: (room: Room, peer: RoomPeer) => boolean, code: number, reason: string): number => {
    checkClose(code, reason)
    let closed = 0
    for (const room of [...rooms.values()]) {
      for (const peer of [...room.peers.values()]) {
        if (!match(room, peer)) continue
        room.closePeer(peer, { code, reason }, { dropInput: true })
        closed++
      }
    }
    return closed
  }

  let accessCloses = 0
  /** Runs a close or purge on this instance's sockets; returns how many it closed. */
  const runCommand = (command: RelayCommand): number => {
    accessCloses++
    switch (command.kind) {
      case 'close-participant': {
        const { participantId, docIds } = command
        return closeWhere((room, peer) => peer.participantId === participantId && (docIds === null || docIds.includes(room.docId)), command.code, command.reason)
      }
      case 'close-meeting':
        return closeWhere((room) => room.docId === command.meetingId, command.code, command.reason)
      case 'purge-meeting':
        rooms.get(command.meetingId)?.terminate(RELAY_CLOSE.RELAY_MEETING_CLOSED)
        return 0
      default: {
        const unreachable: never = command
        throw new Error(`unhandled relay command ${String(unreachable)}`)
      }
    }
  }

  /** Runs a command here and, with a fan-out, on every other instance (revocation reaches every socket). */
  const runEverywhere = (command: RelayCommand): number => {
    const closed = runCommand(command)
    options.fanout?.publishCommand(command)
    return closed
  }

  /** Asks `recheckPeer` once per participant and role in each room; closes those it refuses. */
  const recheckPeers = async (recheck: NonNullable<RelayOptions['recheckPeer']>): Promise<void> => {
    const asked = new Set<string>()
    for (const room of [...rooms.values()]) {
      for (const { participantId, role } of [...room.peers.values()]) {
        const key = JSON.stringify([room.docId, participantId, role])
        if (asked.has(key)) continue
        asked.add(key)
        let close: Awaited<ReturnType<typeof recheck>>
        try {
          close = await recheck({ meetingId: room.docId, participantId, role })
        } catch (error) {
          logger.warn({ err: error, meetingId: room.docId }, 'relay could not recheck a participant’s access')
          continue
        }
        if (!close || closing) continue
        if (close.gone) {
          // Compacting it on unload would write the purged doc back into the store.
          runCommand({ kind: 'purge-meeting', meetingId: room.docId })
          logger.info({ meetingId: room.docId }, 'relay dropped a room whose meeting was purged while the fan-out was down')
          break
        }
        const closed = closeWhere((r, peer) => r.docId === room.docId && peer.participantId === participantId && peer.role === role, close.code, close.reason)
        logger.info({ meetingId: room.docId, participantId, code: close.code, sockets: closed }, 'relay closed a participant whose access changed while the fan-out was down')
      }
    }
  }

  options.fanout?.listen({
    command: (command) => {
      try {
        const closed = runCommand(command)
        logger.info({ command: command.kind, sockets: closed }, 'relay ran a command from another instance')
      } catch (error) {
        logger.warn({ err: error, command: command.kind }, 'relay refused a command from another instance')
      }
    },
    instanceGone: (instanceId) => {
      for (const room of rooms.values()) room.forgetInstance(instanceId)
    },
    resubscribed: () => {
      for (const room of rooms.values()) room.catchUp()
      if (options.recheckPeer) void recheckPeers(options.recheckPeer)
    },
  })

  return {
    acceptWebSocket(ws, peer) {
      const connectionId = nextConnectionId++
      if (closing || ws.readyState !== ws.OPEN) {
        ws.on('error', () => {})
        if (ws.readyState === ws.OPEN) ws.close(RELAY_CLOSE.RELAY_SHUTTING_DOWN.code, RELAY_CLOSE.RELAY_SHUTTING_DOWN.reason)
        else ws.terminate()
        return
      }
      const room = roomFor(peer.meetingId)
      let roomPeer: RoomPeer | null = null
      const adapted = adaptWebSocket(ws, {
        connectionId,
        logger,
        maxMessageBytes: limits.maxMessageBytes,
        onMessage: (bytes) => {
          if (roomPeer) room.receive(roomPeer, bytes)
        },
        onClose: () => {
          sockets.delete(adapted)
          heartbeat.delete(adapted)
          if (!roomPeer) return
          room.leave(roomPeer)
          sharePeers(peer.meetingId)
          tellIfOnlineChanged(room, peer.participantId, 0)
        },
      })
      sockets.add(adapted)
      heartbeat.add(adapted)
      roomPeer = room.join({
        connectionId,
        participantId: peer.participantId,
        role: peer.role,
        socket: adapted.socket,
        ...(peer.readOnlyRefusal ? { readOnlyRefusal: peer.readOnlyRefusal } : {}),
        ...(peer.knownEpoch !== undefined ? { knownEpoch: peer.knownEpoch } : {}),
        ...(peer.wantsWholeMap ? { wantsWholeMap: true } : {}),
      })
      if (roomPeer) {
        sharePeers(peer.meetingId)
        tellIfOnlineChanged(room, peer.participantId, 1)
        logger.debug({ meetingId: peer.meetingId, participantId: peer.participantId, connectionId, role: peer.role }, 'relay peer joined')
      }
    },

    async seedDoc(meetingId, update) {
      if (closing) throw new RelayError(RELAY_ERROR_CODES.RELAY_CLOSED)
      const owned = update.slice()
      const checked = checkUpdate(owned)
      if (!checked.ok) throw new RelayError(RELAY_ERROR_CODES.RELAY_MALFORMED_UPDATE)
      const room = rooms.get(meetingId)
      // A connection raced the seed and loaded the (empty) room: seed through it, so its peers see it.
      if (room) return room.seed(owned)
      const exists = await store.hasDoc(meetingId)
      if (!exists.ok) throw new RelayError(exists.error.code, { cause: exists.error.cause })
      if (exists.value) throw new RelayError(RELAY_ERROR_CODES.RELAY_DOC_EXISTS)
      const appended = await store.appendUpdate(meetingId, owned)
      if (!appended.ok) throw new RelayError(appended.error.code, { cause: appended.error.cause })
    },

    peersOf(meetingId) {
      const here = localPeersOf(meetingId)
      return options.fanout ? [...new Set([...here, ...options.fanout.remotePeersOf(meetingId)])] : here
    },

    async applyServerChange(meetingId, change) {
      // A room may unload between lookup and its turn in the queue: retry on the fresh one.
      for (let attempt = 0; attempt < SERVER_CHANGE_ATTEMPTS; attempt++) {
        if (closing) throw new RelayError(RELAY_ERROR_CODES.RELAY_CLOSED)
        if (await roomFor(meetingId).applyServerChange(change)) return
      }
      throw new RelayError(RELAY_ERROR_CODES.RELAY_STORE_UNAVAILABLE)
    },

    async readDocState(meetingId) {
      const room = rooms.get(meetingId)
      if (room) {
        const state = await room.readState()
        if (state) return state
      }
      const loaded = await store.load(meetingId)
      if (!loaded.ok) throw new RelayError(loaded.error.code, { cause: loaded.error.cause })
      return loaded.value?.state ?? null
    },

    closePeer(participantId, code, reason) {
      const closed = runEverywhere({ kind: 'close-participant', participantId, docIds: null, code, reason })
      logger.info({ participantId, code, sockets: closed }, 'relay closed participant')
      return closed
    },

    closePeerIn(docIds, participantId, code, reason) {
      const closed = runEverywhere({ kind: 'close-participant', participantId, docIds: [...docIds], code, reason })
      logger.info({ participantId, code, sockets: closed }, 'relay closed participant in meeting')
      return closed
    },

    closeMeeting(meetingId, code, reason) {
      const closed = runEverywhere({ kind: 'close-meeting', meetingId, code, reason })
      logger.info({ meetingId, code, sockets: closed }, 'relay closed meeting')
      return closed
    },

    async purgeMeeting(meetingId) {
      const room = rooms.get(meetingId)
      runEverywhere({ kind: 'purge-meeting', meetingId })
      // An append of this tick still waiting for its group commit must not land after the delete.
      await room?.settled()
      const deleted = await store.delete(meetingId)
      if (!deleted.ok) throw new RelayError(deleted.error.code, { cause: deleted.error.cause })
      logger.info({ meetingId }, 'relay purged meeting')
    },

    accessCloses() {
      return accessCloses
    },

    stats() {
      let connections = 0
      let roomsLoading = 0
      let roomsUnsaved = 0
      let queuedTasks = 0
      for (const room of rooms.values()) {
        connections += room.peers.size
        if (room.state === 'loading') roomsLoading++
        if (room.unsaved) roomsUnsaved++
        queuedTasks += room.queuedTasks
      }
      return { rooms: rooms.size, roomsLoading, roomsUnsaved, connections, queuedTasks, counters: { ...counters } }
    },

    isAccepting() {
      return closing === null
    },

    close() {
      if (closing) return closing
      heartbeat.stop()
      onlineChanges?.stop()
      const flushes = Promise.all([...rooms.values()].map((room) => room.shutdown())).then(() => undefined)
      let timer: NodeJS.Timeout | undefined
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          logger.error({ rooms: rooms.size }, 'relay shutdown flush timed out')
          resolve()
        }, limits.shutdownFlushTimeoutMs)
        timer.unref()
      })
      closing = Promise.race([flushes, deadline]).finally(() => {
        clearTimeout(timer)
        for (const adapted of sockets) adapted.socket.close(RELAY_CLOSE.RELAY_SHUTTING_DOWN.code, RELAY_CLOSE.RELAY_SHUTTING_DOWN.reason)
        void encoder.destroy()
      })
      return closing
    },
  }
}
