/**
 * A room's presence: the server-side Awareness, which connection speaks for which awareness
 * client id, and the broadcast of every change (RL-1). Presence is relayed, never stored.
 *
 * Each connection may speak for one client id only — the first one it names that no other live
 * participant holds (bar item 5). The stock provider also echoes everyone else's states back;
 * those entries are skipped silently. When a connection leaves, its state is removed and the
 * removal broadcast, so no ghost cursor stays behind.
 *
 * Changes are not sent one by one: those of one presence window (`flushAfterMs`, 50 ms: cursors
 * move at 20 frames a second) are merged (latest per client id) and sent as one message per
 * recipient — everyone gets the same bytes, except a peer whose own entry is among them, which
 * gets the others' only (RL-10). A room sending a doc update first sends what waits (`flushNow`),
 * so both leave in the same write. Most of a relay's cost is one socket write per frame per
 * recipient, and cursors are most of the frames.
 *
 * ```ts
 * const presence = new RoomAwareness({ awareness: new Awareness(doc), maxStateBytes, flushAfterMs, counters, broadcast })
 * // broadcast(messageFor): for each peer, send messageFor(peer.origin) unless it is null
 * presence.receive(peer, entries)
 * presence.forget(peer)
 * ```
 */
import {
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
  type Awareness,
} from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import { encodeAwarenessEntries, encodeAwarenessEntry, encodeAwarenessMessage, type AwarenessEntry } from './protocol/awareness.ts'
import type { RelayCounters } from './relayStats.ts'
import { REMOTE_ORIGIN, isPeerOrigin, type PeerOrigin } from './origins.ts'

/** The part of a room peer presence needs. @internal */
export interface AwarenessPeer {
  readonly participantId: string
  readonly origin: PeerOrigin
  readonly connected: boolean
  awarenessClientId: number | null
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/** @internal */
export interface RoomAwarenessOptions {
  readonly awareness: Awareness
  readonly maxStateBytes: number
  /** How long a change may wait to be merged with others before it is sent. */
  readonly flushAfterMs: number
  readonly counters: RelayCounters
  /**
   * Sends a tick's changes: to every peer, `messageFor(peer.origin)` — a complete awareness frame,
   * or null when it holds only that peer's own entry.
   */
  readonly broadcast: (messageFor: (recipient: PeerOrigin) => Uint8Array | null) => void
  /** With other relay instances (fan-out): receives each tick's changes made by this instance's own peers. */
  readonly publish?: (frame: Uint8Array) => void
}

/** One client's changed entry, encoded (`clientId, clock, state`), and who changed it. */
interface OutgoingEntry {
  readonly bytes: Uint8Array
  readonly origin: unknown
}

/** @internal */
export class RoomAwareness {
  private readonly awareness: Awareness
  private readonly options: RoomAwarenessOptions
  private readonly owners = new Map<number, AwarenessPeer>()
  /** The accepted entries being applied, so their JSON text can be forwarded as is (hot path). */
  private incoming: readonly AwarenessEntry[] | null = null
  /** This window's changes by client id (latest wins), sent by `flushNow` when the window ends. */
  private outgoing = new Map<number, OutgoingEntry>()
  private flushTimer: NodeJS.Timeout | null = null
  /** Clients whose state came from another relay instance, by that instance's id (fan-out). */
  private readonly remoteClients = new Map<number, string>()
  private destroyed = false

  constructor(options: RoomAwarenessOptions) {
    this.options = options
    this.awareness = options.awareness
    // The server has no presence of its own (otherwise it would show up as a participant).
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onUpdate)
  }

  /** Applies the entries `peer` may speak for; the resulting change is broadcast to the others. */
  receive(peer: AwarenessPeer, entries: readonly AwarenessEntry[]): void {
    const accepted: AwarenessEntry[] = []
    for (const entry of entries) {
      if (peer.awarenessClientId === null) this.claim(peer, entry.clientId)
      if (entry.clientId !== peer.awarenessClientId) continue
      if (entry.stateBytes > this.options.maxStateBytes) {
        this.options.counters.awarenessEntriesDropped++
        continue
      }
      accepted.push(entry)
    }
    if (accepted.length === 0) return
    this.incoming = accepted
    try {
      applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), peer.origin)
    } finally {
      this.incoming = null
    }
  }

  /** Removes the state of a peer that left, and broadcasts the removal. */
  forget(peer: AwarenessPeer): void {
    const clientId = peer.awarenessClientId
    if (clientId === null || this.owners.get(clientId) !== peer) return
    this.owners.delete(clientId)
    removeAwarenessStates(this.awareness, [clientId], peer.origin)
    // Forget the clock too, so the same client reconnecting is accepted as new.
    this.awareness.meta.delete(clientId)
  }

  /** `[1, every known state]`, or null when nobody has presence. */
  encodeAllStates(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()]
    return clients.length === 0 ? null : encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, clients))
  }

  /**
   * Every known state for a newly connected peer, each with its clock + 1 (the server's own meta
   * is unchanged). A reconnecting stock provider keeps the clocks it last saw and ignores a state
   * whose clock is not newer, so without the bump it would not see the others until their next
   * renewal (~15 s). Cost: the first change of each state after that may be ignored once by that
   * peer (same clock); the next change or renewal carries it.
   */
  encodeWelcomeStates(): Uint8Array | null {
    const entries: AwarenessEntry[] = []
    for (const [clientId, state] of this.awareness.getStates()) {
      const clock = (this.awareness.meta.get(clientId)?.clock ?? 0) + 1
      const stateJson = JSON.stringify(state)
      entries.push({ clientId, clock, stateJson, stateBytes: Buffer.byteLength(stateJson) })
    }
    return entries.length === 0 ? null : encodeAwarenessMessage(encodeAwarenessEntries(entries))
  }

  /**
   * Applies presence another relay instance relayed from its peers, except for client ids a peer
   * of this instance now holds (a client that moved here must not be removed by its old instance).
   */
  receiveRemote(entries: readonly AwarenessEntry[], instanceId: string): void {
    const accepted = entries.filter((entry) => !this.owners.get(entry.clientId)?.connected)
    if (accepted.length === 0) return
    for (const { clientId, stateJson } of accepted) {
      if (stateJson === 'null') this.remoteClients.delete(clientId)
      else this.remoteClients.set(clientId, instanceId)
    }
    this.incoming = accepted
    try {
      applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), REMOTE_ORIGIN)
    } finally {
      this.incoming = null
    }
  }

  /** Removes (and broadcasts the removal of) every state that came from an instance that stopped. */
  forgetInstance(instanceId: string): void {
    const gone = [...this.remoteClients].filter(([, from]) => from === instanceId).map(([clientId]) => clientId)
    if (gone.length === 0) return
    for (const clientId of gone) this.remoteClients.delete(clientId)
    removeAwarenessStates(this.awareness, gone, REMOTE_ORIGIN)
    for (const clientId of gone) this.awareness.meta.delete(clientId)
  }

  /** The states of this instance's own peers, for an instance that just loaded the room; null when none. */
  encodeLocalStates(): Uint8Array | null {
    const states = this.awareness.getStates()
    const clients = [...this.owners].filter(([clientId, peer]) => peer.connected && states.has(clientId)).map(([clientId]) => clientId)
    return clients.length === 0 ? null : encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, clients))
  }

  destroy(): void {
    this.destroyed = true
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    this.outgoing.clear()
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
    this.owners.clear()
  }

  private claim(peer: AwarenessPeer, clientId: number): void {
    const owner = this.owners.get(clientId)
    // Another live participant's id: refuse. The same participant reconnecting: take it over.
    if (owner && owner !== peer && owner.connected && owner.participantId !== peer.participantId) return
    if (owner && owner !== peer) owner.awarenessClientId = null
    this.remoteClients.delete(clientId)
    this.owners.set(clientId, peer)
    peer.awarenessClientId = clientId
  }

  private readonly onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    for (const list of [added, updated, removed]) {
      for (const clientId of list) this.outgoing.set(clientId, { bytes: this.encodeEntry(clientId), origin })
    }
    for (const clientId of removed) this.remoteClients.delete(clientId)
    if (this.outgoing.size === 0 || this.flushTimer) return
    this.flushTimer = setTimeout(this.flushNow, this.options.flushAfterMs)
    this.flushTimer.unref()
  }

  /** A changed entry as it goes out: the JSON text as received when there is one (no re-stringify). */
  private encodeEntry(clientId: number): Uint8Array {
    const clock = this.awareness.meta.get(clientId)?.clock ?? 0
    const received = this.incoming?.find((entry) => entry.clientId === clientId)
    if (received) return encodeAwarenessEntry({ clientId, clock, stateJson: received.stateJson })
    const state: unknown = this.awareness.getStates().get(clientId)
    return encodeAwarenessEntry({ clientId, clock, stateJson: state === undefined ? 'null' : JSON.stringify(state) })
  }

  /** Sends the changes waiting for the end of their window now. */
  readonly flushNow = (): void => {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    if (this.destroyed || this.outgoing.size === 0) return
    const entries = [...this.outgoing.values()]
    this.outgoing.clear()
    const own = new Set(entries.map((entry) => entry.origin))
    let toOthers: Uint8Array | null = null
    this.options.broadcast((recipient) => {
      if (!own.has(recipient)) return (toOthers ??= encodeAwarenessMessage(joinEntries(entries)))
      const others = entries.filter((entry) => entry.origin !== recipient)
      return others.length === 0 ? null : encodeAwarenessMessage(joinEntries(others))
    })
    // Only what this instance's peers changed crosses to other instances (not relayed or timed-out states).
    const local = this.options.publish ? entries.filter((entry) => isPeerOrigin(entry.origin)) : []
    if (local.length > 0) this.options.publish?.(encodeAwarenessMessage(joinEntries(local)))
  }
}

/** An awareness update (the inner payload) from entries already encoded. */
function joinEntries(entries: readonly OutgoingEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) encoding.writeUint8Array(encoder, entry.bytes)
  return encoding.toUint8Array(encoder)
}
