/**
 * A lightweight whiteboard client for benchmarks: one Y.Doc, one `ws` socket, and the wire
 * protocol of the server under test written by hand (y-websocket framing, or Hocuspocus framing:
 * document name first, then an auth message). After its initial sync it does not apply what
 * others send — it only decodes enough to time it (struct ids of updates, the sender's timestamp in
 * cursor states) — so the load generator spends its CPU on sending, not on replaying the room.
 *
 * ```ts
 * const client = new BenchClient({ protocol, url, room, token, metrics })
 * await client.synced
 * client.moveOwnNote(index, clientsInRoom); client.sendCursor()
 * ```
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { SampleLog } from './stats.ts'
import { openBoard, type Board } from './whiteboardOps.ts'

export type WireProtocol = 'y-websocket' | 'hocuspocus'

/**
 * Shared bookkeeping of one benchmark phase: what was sent when, and what arrived. Kept in typed
 * arrays and maps of small integers, so the load generator's own GC pauses stay short: they delay
 * every delivery it times, whichever server runs.
 */
export class BenchMetrics {
  /** Sent doc updates: sender client id → first struct clock → slot in the columns below. */
  private readonly slots = new Map<number, Map<number, number>>()
  private readonly sentAt = new SampleLog()
  private readonly expected = new SampleLog()
  private readonly received = new SampleLog()
  readonly updateLatencies = new SampleLog()
  readonly cursorLatencies = new SampleLog()
  expectedCursors = 0
  receivedCursors = 0
  receivedUpdates = 0
  /** Each client's room, and the clock of the last cursor it sent inside the window. */
  private readonly roomOf = new Map<number, string>()
  private readonly lastCursorSent = new Map<number, number>()
  /** receiver → sender → the newest cursor clock it received while counting. */
  private readonly newestCursorSeen = new Map<number, Map<number, number>>()
  /** Only messages sent inside the window count… */
  measuring = false
  /** …and are counted on arrival until the window plus a grace period ends. */
  counting = false
  /** The measurement window (performance.now()); cursors carry their send time. */
  windowStart = Infinity
  windowEnd = Infinity

  reset(): void {
    this.slots.clear()
    for (const log of [this.sentAt, this.expected, this.received, this.updateLatencies, this.cursorLatencies]) log.clear()
    this.expectedCursors = 0
    this.receivedCursors = 0
    this.receivedUpdates = 0
    this.lastCursorSent.clear()
    this.newestCursorSeen.clear()
  }

  joined(client: number, room: string): void {
    this.roomOf.set(client, room)
  }

  cursorSent(client: number, clock: number): void {
    this.lastCursorSent.set(client, clock)
  }

  cursorSeen(receiver: number, sender: number, clock: number): void {
    let bySender = this.newestCursorSeen.get(receiver)
    if (!bySender) this.newestCursorSeen.set(receiver, (bySender = new Map()))
    if (clock > (bySender.get(sender) ?? 0)) bySender.set(sender, clock)
  }

  /**
   * Presence is "latest wins": a relay may send a newer position in place of older ones it has not
   * sent yet. Of each (receiver, sender) pair of a room whose sender moved its cursor in the
   * window, the share that ended up with the sender's last position: 1 means no cursor was lost,
   * only superseded.
   */
  latestCursorDelivered(): number {
    let pairs = 0
    let delivered = 0
    for (const [receiver, room] of this.roomOf) {
      const seen = this.newestCursorSeen.get(receiver)
      for (const [sender, clock] of this.lastCursorSent) {
        if (sender === receiver || this.roomOf.get(sender) !== room) continue
        pairs++
        if ((seen?.get(sender) ?? 0) >= clock) delivered++
      }
    }
    return pairs === 0 ? 1 : delivered / pairs
  }

  get updatesSent(): number {
    return this.sentAt.size
  }

  recordSent(client: number, clock: number, receivers: number): void {
    let byClock = this.slots.get(client)
    if (!byClock) this.slots.set(client, (byClock = new Map()))
    byClock.set(clock, this.sentAt.size)
    this.sentAt.push(performance.now())
    this.expected.push(receivers)
    this.received.push(0)
  }

  /** Counts the arrival of update `client:clock` if it was sent in the window. */
  recordReceived(client: number, clock: number, now: number): void {
    const slot = this.slots.get(client)?.get(clock)
    if (slot === undefined) return
    this.received.values()[slot]!++
    this.receivedUpdates++
    this.updateLatencies.push(now - this.sentAt.values()[slot]!)
  }

  /** Deliveries of sent updates that were expected, and how many of those arrived (extra copies not counted). */
  updateDeliveries(): { expected: number; received: number } {
    const expected = this.expected.values()
    const arrived = this.received.values()
    let total = 0
    let received = 0
    for (let slot = 0; slot < expected.length; slot++) {
      total += expected[slot]!
      received += Math.min(arrived[slot]!, expected[slot]!)
    }
    return { expected: total, received }
  }
}

export interface BenchClientOptions {
  readonly protocol: WireProtocol
  /** ws URL to open (our server: …/sync/<meetingId>; reference relay: …/<room>; Hocuspocus: …/). */
  readonly url: string
  readonly room: string
  readonly token: string | null
  readonly metrics: BenchMetrics
  /** Peers in the room besides this one (receivers of each message it sends). */
  readonly receivers: number
  /** Reconnect after a close (reconnect storm), with jittered backoff. */
  readonly reconnect?: boolean
}

const SYNC = 0
const AWARENESS = 1
const HOCUSPOCUS_AUTH = 2
const HOCUSPOCUS_SYNC_REPLY = 4
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2

export class BenchClient {
  readonly doc = new Y.Doc()
  readonly board: Board
  /** Resolves at the first sync step 2 received. */
  synced: Promise<void>
  /** performance.now() when the current connection attempt began, and when it synced. */
  connectStartedAt = 0
  syncedAt = 0
  connections = 0
  private resolveSynced!: () => void
  private ws: WebSocket | null = null
  private cursorClock = 0
  private closedByUs = false
  private readonly options: BenchClientOptions

  constructor(options: BenchClientOptions) {
    this.options = options
    this.board = openBoard(this.doc)
    options.metrics.joined(this.doc.clientID, options.room)
    this.synced = new Promise((resolve) => (this.resolveSynced = resolve))
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return
      this.sendUpdate(update)
    })
    this.open()
  }

  /** Starts waiting for a fresh sync (before a server restart). */
  expectResync(): void {
    this.syncedAt = 0
    this.synced = new Promise((resolve) => (this.resolveSynced = resolve))
  }

  isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN
  }

  close(): void {
    this.closedByUs = true
    this.ws?.terminate()
    this.doc.destroy()
  }

  /** Moves note `id` (one only this client moves, so its view of it is current) a little. */
  moveNote(id: string): void {
    this.board.move(id, 1 + (this.cursorClock % 3), -1)
  }

  /** Sends one cursor position as an awareness update carrying its send time. */
  sendCursor(): void {
    if (!this.isOpen()) return
    this.cursorClock++
    const state = JSON.stringify({ cursor: { x: this.cursorClock % 500, y: 100 }, user: { name: 'bench' }, t: performance.now() })
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, this.doc.clientID)
    encoding.writeVarUint(inner, this.cursorClock)
    encoding.writeVarString(inner, state)
    const e = this.frame(AWARENESS)
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
    this.ws!.send(encoding.toUint8Array(e))
    if (!this.options.metrics.measuring) return
    this.options.metrics.expectedCursors += this.options.receivers
    this.options.metrics.cursorSent(this.doc.clientID, this.cursorClock)
  }

  private frame(type: number): encoding.Encoder {
    const e = encoding.createEncoder()
    if (this.options.protocol === 'hocuspocus') encoding.writeVarString(e, this.options.room)
    encoding.writeVarUint(e, type)
    return e
  }

  private open(): void {
    this.connections++
    this.connectStartedAt = performance.now()
    const headers: Record<string, string> = this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}
    // No permessage-deflate: the peers do not offer it, and a compressed frame is inflated on the
    // server's thread pool, so it can be read after frames other sockets sent later (a seeding
    // chunk then misses joiners that ignore later updates).
    const ws = new WebSocket(this.options.url, { headers, maxPayload: 64 * 1024 * 1024, perMessageDeflate: false })
    ws.binaryType = 'nodebuffer'
    this.ws = ws
    ws.on('error', () => undefined)
    ws.on('open', () => {
      if (this.options.protocol === 'hocuspocus') {
        const auth = this.frame(HOCUSPOCUS_AUTH)
        encoding.writeVarUint(auth, 0)
        encoding.writeVarString(auth, this.options.token ?? 'bench')
        ws.send(encoding.toUint8Array(auth))
      }
      const step1 = this.frame(SYNC)
      encoding.writeVarUint(step1, STEP1)
      encoding.writeVarUint8Array(step1, Y.encodeStateVector(this.doc))
      ws.send(encoding.toUint8Array(step1))
    })
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)))
    ws.on('close', () => {
      if (this.ws !== ws) return
      this.ws = null
      if (this.closedByUs || !this.options.reconnect) return
      setTimeout(() => this.open(), 100 + Math.random() * 900)
    })
  }

  private sendUpdate(update: Uint8Array): void {
    if (!this.isOpen()) return
    const e = this.frame(SYNC)
    encoding.writeVarUint(e, UPDATE)
    encoding.writeVarUint8Array(e, update)
    this.ws!.send(encoding.toUint8Array(e))
    const { metrics } = this.options
    if (!metrics.measuring) return
    forEachUpdateOrigin(update, (client, clock) => metrics.recordSent(client, clock, this.options.receivers))
  }

  private receive(bytes: Uint8Array): void {
    const d = decoding.createDecoder(bytes)
    if (this.options.protocol === 'hocuspocus') decoding.readVarString(d)
    const type = decoding.readVarUint(d)
    if (type === SYNC || type === HOCUSPOCUS_SYNC_REPLY) return this.receiveSync(d)
    if (type === AWARENESS) return this.receiveAwareness(decoding.readVarUint8Array(d))
  }

  private receiveSync(d: decoding.Decoder): void {
    const sub = decoding.readVarUint(d)
    const payload = decoding.readVarUint8Array(d)
    if (sub === STEP1) {
      const reply = this.frame(SYNC)
      encoding.writeVarUint(reply, STEP2)
      encoding.writeVarUint8Array(reply, Y.encodeStateAsUpdate(this.doc, payload))
      this.ws?.send(encoding.toUint8Array(reply))
      return
    }
    if (sub === STEP2 || !this.syncedAt) {
      Y.applyUpdate(this.doc, payload, this)
      if (sub === STEP2 && !this.syncedAt) {
        this.syncedAt = performance.now()
        this.resolveSynced()
      }
      return
    }
    if (sub !== UPDATE) return
    const { metrics } = this.options
    const now = performance.now()
    forEachUpdateOrigin(payload, (client, clock) => metrics.recordReceived(client, clock, now))
  }

  private receiveAwareness(update: Uint8Array): void {
    const { metrics } = this.options
    if (!metrics.counting) return
    const now = performance.now()
    const d = decoding.createDecoder(update)
    const count = decoding.readVarUint(d)
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(d)
      const clock = decoding.readVarUint(d)
      const state = decoding.readVarString(d)
      if (client === this.doc.clientID || state === 'null') continue
      metrics.cursorSeen(this.doc.clientID, client, clock)
      const t = (JSON.parse(state) as { t?: number }).t
      if (typeof t !== 'number' || t < metrics.windowStart || t > metrics.windowEnd) continue
      metrics.receivedCursors++
      metrics.cursorLatencies.push(now - t)
    }
  }
}

/**
 * Calls `visit` with each client and first clock of the structs in a v1 update. An update of one
 * client's structs (every move) is read from its header: `Y.parseUpdateMeta` decodes the whole
 * update, record values included, and was ~40 % of what the load generator allocated.
 */
function forEachUpdateOrigin(update: Uint8Array, visit: (client: number, clock: number) => void): void {
  const d = decoding.createDecoder(update)
  if (decoding.readVarUint(d) !== 1) {
    for (const [client, clock] of Y.parseUpdateMeta(update).from) visit(client, clock)
    return
  }
  if (decoding.readVarUint(d) === 0) return
  const client = decoding.readVarUint(d)
  visit(client, decoding.readVarUint(d))
}
