/**
 * The {@link RelayFanout} over Redis pub/sub (ioredis): one connection publishes, one subscribes —
 * to the control channel always and to a meeting's channel while its room is loaded here. Every
 * instance publishes a heartbeat each second; one not heard for {@link INSTANCE_GONE_AFTER_MS}
 * (a `kill -9`, a network split) is reported gone, so its peers' cursors disappear everywhere.
 *
 * Who is connected where (for the roster's "online" flag) travels on the control channel too: each
 * instance publishes its participants per meeting when they change, and its complete list when
 * asked (an instance starting or resubscribing asks everyone), when publishing works again after
 * an outage, and every {@link PEERS_REPAIR_INTERVAL_MS} — so a lost change leaves an online dot
 * wrong for a few seconds at most. What a gone instance said is forgotten with it.
 *
 * Pub/sub drops what is published while a connection is down. Publishing fails fast (no ioredis
 * offline queue): updates and presence are repaired by the receivers from the store, but a
 * command (revoke, end, finalize, purge) has no other way to the other instances' sockets, so one
 * that could not be published waits, in order and at most {@link MAX_UNSENT_COMMANDS}, and goes
 * out as soon as publishing works again. A command whose publish failed on a dropped connection
 * may have gone out all the same: receivers may run it twice, which closes nothing more.
 *
 * ```ts
 * const fanout = await createRedisFanout({ url: config.redisUrl, logger: app.log })
 * await fanout.close()   // after relay.close(): says goodbye, quits both connections
 * ```
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { RelayLogger } from '../RelayLogger.ts'
import {
  CONTROL_CHANNEL,
  decodeControlMessage,
  decodeMeetingMessage,
  encodeControlMessage,
  encodeMeetingMessage,
  meetingChannel,
  meetingOfChannel,
} from './fanoutWire.ts'
import type { PeersMessageBody } from './fanoutWire.ts'
import type { FanoutListeners, MeetingMessage, RelayCommand, RelayFanout } from './RelayFanout.ts'
import { FANOUT_REPAIR_INTERVAL_MS } from './RoomLink.ts'

/** How often an instance says it is alive. @public */
export const HEARTBEAT_INTERVAL_MS = 1_000
/** Silence after which another instance counts as gone (3 missed heartbeats and some slack). @public */
export const INSTANCE_GONE_AFTER_MS = 3_500
/** How often an instance republishes everyone connected to it, as rooms re-read the store. @public */
export const PEERS_REPAIR_INTERVAL_MS = FANOUT_REPAIR_INTERVAL_MS
/** Commands kept while Redis is unreachable (ids and codes, a few hundred bytes each); past it the oldest go. @public */
export const MAX_UNSENT_COMMANDS = 1_000
/** How long one connection attempt may hang before it counts as failed. @public */
export const REDIS_CONNECT_TIMEOUT_MS = 10_000

/** How long closing waits for Redis to acknowledge QUIT before dropping the connections. */
const QUIT_DEADLINE_MS = 1_000

/** @public */
export interface RedisFanoutOptions {
  /** A `redis://` or `rediss://` URL. */
  readonly url: string
  readonly logger: RelayLogger
}

type MeetingListener = (message: MeetingMessage) => void

/**
 * Connects both connections and subscribes to the control channel. Throws (after closing them)
 * when Redis cannot be reached: an instance that cannot hear revocations must not serve.
 * @public
 */
export async function createRedisFanout(options: RedisFanoutOptions): Promise<RelayFanout> {
  const { logger } = options
  const instanceId = randomUUID()
  const connection = {
    lazyConnect: true,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    // Reconnect forever, backing off to 2 s: the relay keeps serving its own sockets meanwhile.
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 2_000),
  }
  const publisher = new Redis(options.url, { ...connection, enableOfflineQueue: false, maxRetriesPerRequest: 0 })
  // The subscriber queues only SUBSCRIBE/UNSUBSCRIBE (at most two per room load) while reconnecting.
  const subscriber = new Redis(options.url, { ...connection, autoResubscribe: true })
  const onConnectionError = (which: string) => (error: Error) => logger.warn({ err: error, connection: which }, 'fan-out: redis connection error')
  publisher.on('error', onConnectionError('publish'))
  subscriber.on('error', onConnectionError('subscribe'))
  try {
    await Promise.all([publisher.connect(), subscriber.connect()])
    await subscriber.subscribe(CONTROL_CHANNEL)
  } catch (error) {
    publisher.disconnect()
    subscriber.disconnect()
    // Never the URL itself: it may hold a password.
    throw new Error('could not connect to Redis (REDIS_URL)', { cause: error })
  }

  const meetings = new Map<string, MeetingListener>()
  const lastHeard = new Map<string, number>()
  let listeners: FanoutListeners | null = null
  let rosterListener: ((meetingId: string | null) => void) | null = null
  /** Participant ids connected here, per meeting (non-empty lists only). */
  const localPeers = new Map<string, readonly string[]>()
  /** What each other live instance said is connected there, per meeting. */
  const remotePeers = new Map<string, Map<string, readonly string[]>>()
  /** Instances reported gone by silence: if heard again, their peers are asked for anew. */
  const silenced = new Set<string>()
  let publishFailing = false
  /** Encoded commands that failed to publish, oldest first; only ever non-empty while `publishFailing`. */
  const unsentCommands: Uint8Array[] = []
  let droppedCommands = false
  /** Meetings whose roster change failed to publish: each is announced once publishing works again. */
  const unsentRosterChanges = new Set<string>()
  let closing: Promise<void> | null = null

  const publishBytes = (channel: string, bytes: Uint8Array): Promise<unknown> =>
    publisher.publish(channel, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))

  const published = (): void => {
    if (!publishFailing) return
    publishFailing = false
    droppedCommands = false
    logger.info({ unsentCommands: unsentCommands.length }, 'fan-out: publishing again')
    // Changes of our peers published meanwhile were lost; the commands were kept.
    publishCompletePeers()
    for (const bytes of unsentCommands.splice(0)) sendCommand(bytes)
    const rosterChanges = [...unsentRosterChanges]
    unsentRosterChanges.clear()
    for (const meetingId of rosterChanges) publishRosterChange(meetingId)
  }
  const publishFailed = (error: unknown): void => {
    // Logged once per outage.
    if (!publishFailing) logger.warn({ err: error }, 'fan-out: publish failed; commands wait, other instances repair the rest from the store')
    publishFailing = true
  }

  const send = (channel: string, bytes: Uint8Array): Promise<void> => publishBytes(channel, bytes).then(published, publishFailed)

  const keepUnsent = (bytes: Uint8Array): void => {
    unsentCommands.push(bytes)
    if (unsentCommands.length <= MAX_UNSENT_COMMANDS) return
    unsentCommands.shift()
    // Once per outage: the instances that missed it recheck their peers when they resubscribe.
    if (!droppedCommands) logger.error({ max: MAX_UNSENT_COMMANDS }, 'fan-out: too many commands waiting for Redis; dropping the oldest')
    droppedCommands = true
  }
  const sendCommand = (bytes: Uint8Array): void => {
    void publishBytes(CONTROL_CHANNEL, bytes).then(published, (error: unknown) => {
      keepUnsent(bytes)
      publishFailed(error)
    })
  }

  /**
   * A roster change waits out an outage too (a lobby joiner the facilitator never hears of stays
   * waiting), but apart from the commands: one per meeting is enough, and it must never push a
   * revocation out of their bounded queue.
   */
  function publishRosterChange(meetingId: string): void {
    void publishBytes(CONTROL_CHANNEL, encodeControlMessage(instanceId, { kind: 'roster-changed', meetingId })).then(published, (error: unknown) => {
      unsentRosterChanges.add(meetingId)
      publishFailed(error)
    })
  }

  const publishCompletePeers = (): void => {
    const peers: PeersMessageBody = { complete: true, meetings: [...localPeers] }
    void send(CONTROL_CHANNEL, encodeControlMessage(instanceId, { kind: 'peers', peers }))
  }
  const queryPeers = (): void => void send(CONTROL_CHANNEL, encodeControlMessage(instanceId, { kind: 'peers-query' }))

  const receivePeers = (from: string, peers: PeersMessageBody): void => {
    let known = remotePeers.get(from)
    if (!known || peers.complete) remotePeers.set(from, (known = new Map()))
    for (const [meetingId, participantIds] of peers.meetings) {
      if (participantIds.length > 0) known.set(meetingId, participantIds)
      else known.delete(meetingId)
    }
  }

  const gone = (id: string, silent: boolean): void => {
    const meetingsThere = [...(remotePeers.get(id)?.keys() ?? [])]
    lastHeard.delete(id)
    remotePeers.delete(id)
    if (silent) silenced.add(id)
    logger.info({ instanceId: id }, 'fan-out: relay instance gone')
    listeners?.instanceGone(id)
    // Everyone connected there just went offline: those rosters changed (each instance sees this itself).
    for (const meetingId of meetingsThere) rosterListener?.(meetingId)
  }

  const heartbeat = setInterval(() => {
    void send(CONTROL_CHANNEL, encodeControlMessage(instanceId, { kind: 'heartbeat' }))
    const now = Date.now()
    for (const [id, at] of lastHeard) if (now - at > INSTANCE_GONE_AFTER_MS) gone(id, true)
  }, HEARTBEAT_INTERVAL_MS)
  heartbeat.unref()
  const peersRepair = setInterval(() => publishCompletePeers(), PEERS_REPAIR_INTERVAL_MS)
  peersRepair.unref()
  void send(CONTROL_CHANNEL, encodeControlMessage(instanceId, { kind: 'heartbeat' }))
  queryPeers()

  // Registered once connected, so every 'ready' seen here follows a drop, during which messages were lost.
  subscriber.on('ready', () => {
    listeners?.resubscribed()
    // Any roster change may have been among them: every open roster stream asks again.
    rosterListener?.(null)
    queryPeers()
  })

  subscriber.on('messageBuffer', (channelBytes: Buffer, payload: Buffer) => {
    const channel = channelBytes.toString()
    const bytes = new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength)
    if (channel === CONTROL_CHANNEL) {
      const decoded = decodeControlMessage(bytes)
      if (!decoded.ok) return logger.warn({ detail: decoded.reason }, 'fan-out: dropped a malformed control message')
      const message = decoded.value
      if (message.from === instanceId) return
      if (message.kind === 'goodbye') return gone(message.from, false)
      lastHeard.set(message.from, Date.now())
      if (silenced.delete(message.from)) queryPeers()
      switch (message.kind) {
        case 'command':
          return listeners?.command(message.command)
        case 'peers':
          return receivePeers(message.from, message.peers)
        case 'peers-query':
          return publishCompletePeers()
        case 'roster-changed':
          return rosterListener?.(message.meetingId)
        default:
          return
      }
    }
    const meetingId = meetingOfChannel(channel)
    const listener = meetingId === null ? undefined : meetings.get(meetingId)
    if (!listener) return
    const decoded = decodeMeetingMessage(bytes)
    if (!decoded.ok) return logger.warn({ meetingId, detail: decoded.reason }, 'fan-out: dropped a malformed meeting message')
    if (decoded.value.from === instanceId) return
    lastHeard.set(decoded.value.from, Date.now())
    listener(decoded.value)
  })

  return {
    instanceId,

    async subscribe(meetingId, onMessage) {
      meetings.set(meetingId, onMessage)
      await subscriber.subscribe(meetingChannel(meetingId))
    },

    unsubscribe(meetingId, onMessage) {
      if (meetings.get(meetingId) !== onMessage) return
      meetings.delete(meetingId)
      subscriber.unsubscribe(meetingChannel(meetingId)).catch(() => undefined)
    },

    publish(meetingId, message) {
      void send(meetingChannel(meetingId), encodeMeetingMessage(instanceId, message))
    },

    publishCommand(command: RelayCommand) {
      const bytes = encodeControlMessage(instanceId, { kind: 'command', command })
      // Behind the ones still waiting, so every instance runs them in the order given.
      if (unsentCommands.length > 0) keepUnsent(bytes)
      else sendCommand(bytes)
    },

    setLocalPeers(meetingId, participantIds) {
      if (participantIds.length > 0) localPeers.set(meetingId, [...participantIds])
      else if (!localPeers.delete(meetingId)) return
      const peers: PeersMessageBody = { complete: false, meetings: [[meetingId, participantIds]] }
      void send(CONTROL_CHANNEL, encodeControlMessage(instanceId, { kind: 'peers', peers }))
    },

    remotePeersOf(meetingId) {
      const online = new Set<string>()
      for (const meetings of remotePeers.values()) for (const id of meetings.get(meetingId) ?? []) online.add(id)
      return [...online]
    },

    publishRosterChanged(meetingId) {
      publishRosterChange(meetingId)
    },

    onRosterChanged(listener) {
      if (rosterListener) throw new Error('a roster listener is already registered')
      rosterListener = listener
    },

    listen(given) {
      if (listeners) throw new Error('fan-out listeners are already registered')
      listeners = given
    },

    close() {
      closing ??= (async () => {
        clearInterval(heartbeat)
        clearInterval(peersRepair)
        if (unsentCommands.length > 0) logger.warn({ commands: unsentCommands.length }, 'fan-out: closing with commands Redis never took')
        await send(CONTROL_CHANNEL, encodeControlMessage(instanceId, { kind: 'goodbye' }))
        meetings.clear()
        // QUIT waits for a reconnect while Redis is down; don't let that hold up a shutdown.
        let timer: NodeJS.Timeout | undefined
        const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, QUIT_DEADLINE_MS)))
        await Promise.race([Promise.all([publisher.quit(), subscriber.quit()]).catch(() => undefined), deadline])
        clearTimeout(timer)
        publisher.disconnect()
        subscriber.disconnect()
      })()
      return closing
    },
  }
}
