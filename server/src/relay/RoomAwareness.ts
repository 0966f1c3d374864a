/**
 * A room's presence: every client's latest state, which connection speaks for which awareness
 * client id, and the broadcast of every change (RL-1). Presence is relayed, never stored.
 *
 * The states are kept as the JSON text each client sent (checked by the decoder), never parsed
 * into objects and serialised again, with the clocks and rules of y-protocols' Awareness: an
 * entry is taken when its clock is newer, or equal with a removal ("null"). Relaying presence is
 * most of a relay's messages, so this path only copies bytes.
 *
 * Each connection may speak for one client id only — the first one it names that no other live
 * participant holds (bar item 5) — and only as itself: a state naming another participant, or the
 * facilitator's role or lead from anyone else, is dropped (map-model `speaksForItself`). The stock provider also echoes everyone else's states back;
 * those entries are skipped silently. When a connection leaves, its state is removed and the
 * removal broadcast, so no ghost cursor stays behind.
 *
 * Changes are not sent one by one: those of one presence window (`flushAfterMs`, 100 ms: a
 * connection's presence is taken at most 10 times a second anyway) are sent together, in order, as
 * one message per recipient — everyone gets the same bytes, except a peer whose own entry is among
 * them, which gets the others' only (RL-10). A room sending a doc update first sends what waits (`flushNow`),
 * so both leave in the same write. Most of a relay's cost is one socket write per frame per
 * recipient, and cursors are most of the frames.
 *
 * ```ts
 * const presence = new RoomAwareness({ maxStateBytes, flushAfterMs, counters, broadcast })
 * // broadcast(messageFor): for each peer, send messageFor(peer.origin) unless it is null
 * presence.receive(peer, entries)
 * presence.forget(peer)
 * ```
 */
import { speaksForItself } from '@safetymap/map-model'
import { encodeAwarenessEntry, encodeAwarenessFrame, type AwarenessEntry } from './protocol/awareness.ts'
import type { RelayCounters } from './relayStats.ts'
import { REMOTE_ORIGIN, isPeerOrigin, type PeerOrigin } from './origins.ts'

/** A state not renewed for this long is removed (y-protocols' `outdatedTimeout`). */
const STATE_TIMEOUT_MS = 30_000

/** The part of a room peer presence needs. @internal */
export interface AwarenessPeer {
  readonly participantId: string
  /** The connection's meeting role: only a facilitator's state may say so, or lead the view. */
  readonly role: string
  readonly origin: PeerOrigin
  readonly connected: boolean
  awarenessClientId: number | null
}

/** @internal */
export interface RoomAwarenessOptions {
  readonly maxStateBytes: number
  /** How long a change may wait to be merged with others before it is sent. */
  readonly flushAfterMs: number
  readonly counters: RelayCounters
  /**
   * Sends a window's changes: to every peer, `messageFor(peer.origin)` — a complete awareness frame,
   * or null when it holds only that peer's own entry.
   */
  readonly broadcast: (messageFor: (recipient: PeerOrigin) => Uint8Array | null) => void
  /** With other relay instances (fan-out): receives each window's changes made by this instance's own peers. */
  readonly publish?: (frame: Uint8Array) => void
}

/** One client's changed entry, encoded (`clientId, clock, state`), and who changed it. */
interface OutgoingEntry {
  readonly clientId: number
  readonly bytes: Uint8Array
  readonly origin: unknown
}

/** @internal */
export class RoomAwareness {
  private readonly options: RoomAwarenessOptions
  /** Each client's last clock, kept after a removal so an older state is not taken again. */
  private readonly clocks = new Map<number, number>()
  /** Each present client's state, as the JSON text it sent, and when it was last renewed. */
  private readonly states = new Map<number, { readonly json: string; readonly at: number }>()
  private readonly owners = new Map<number, AwarenessPeer>()
  /** This window's changes in order, sent by `flushNow` when the window ends: each client's latest only. */
  private outgoing: OutgoingEntry[] = []
  /** Where each client's entry is in `outgoing`. */
  private readonly outgoingAt = new Map<number, number>()
  private flushTimer: NodeJS.Timeout | null = null
  /** Clients whose state came from another relay instance, by that instance's id (fan-out). */
  private readonly remoteClients = new Map<number, string>()
  private destroyed = false
  private readonly sweepTimer: NodeJS.Timeout

  constructor(options: RoomAwarenessOptions) {
    this.options = options
    this.sweepTimer = setInterval(this.sweep, STATE_TIMEOUT_MS / 10)
    this.sweepTimer.unref()
  }

  /** Applies the entries `peer` may speak for; the resulting change is broadcast to the others. */
  receive(peer: AwarenessPeer, entries: readonly AwarenessEntry[]): void {
    for (const entry of entries) {
      if (peer.awarenessClientId === null) this.claim(peer, entry.clientId)
      if (entry.clientId !== peer.awarenessClientId) continue
      if (entry.stateBytes > this.options.maxStateBytes) {
        this.options.counters.awarenessEntriesDropped++
        continue
      }
      if (!speaksForItself(entry.state, { participantId: peer.participantId, facilitator: peer.role === 'facilitator' })) {
        this.options.counters.rejectedPresenceClaim++
        continue
      }
      this.apply(entry, peer.origin)
    }
  }

  /** Removes the state of a peer that left, and broadcasts the removal. */
  forget(peer: AwarenessPeer): void {
    const clientId = peer.awarenessClientId
    if (clientId === null || this.owners.get(clientId) !== peer) return
    this.owners.delete(clientId)
    this.remove(clientId, peer.origin)
    // Forget the clock too, so the same client reconnecting is accepted as new.
    this.clocks.delete(clientId)
  }

  /** `[1, every known state]`, or null when nobody has presence. */
  encodeAllStates(): Uint8Array | null {
    return this.encodeStates([...this.states.keys()], 0)
  }

  /**
   * Every known state for a newly connected peer, each with its clock + 1 (the server's own clocks
   * are unchanged). A reconnecting stock provider keeps the clocks it last saw and ignores a state
   * whose clock is not newer, so without the bump it would not see the others until their next
   * renewal (~15 s). Cost: the first change of each state after that may be ignored once by that
   * peer (same clock); the next change or renewal carries it.
   */
  encodeWelcomeStates(): Uint8Array | null {
    return this.encodeStates([...this.states.keys()], 1)
  }

  /**
   * Applies presence another relay instance relayed from its peers, except for client ids a peer
   * of this instance now holds (a client that moved here must not be removed by its old instance).
   */
  receiveRemote(entries: readonly AwarenessEntry[], instanceId: string): void {
    for (const entry of entries) {
      if (this.owners.get(entry.clientId)?.connected) continue
      if (entry.stateJson === 'null') this.remoteClients.delete(entry.clientId)
      else this.remoteClients.set(entry.clientId, instanceId)
      this.apply(entry, REMOTE_ORIGIN)
    }
  }

  /** Removes (and broadcasts the removal of) every state that came from an instance that stopped. */
  forgetInstance(instanceId: string): void {
    for (const [clientId, from] of [...this.remoteClients]) {
      if (from !== instanceId) continue
      this.remoteClients.delete(clientId)
      this.remove(clientId, REMOTE_ORIGIN)
      this.clocks.delete(clientId)
    }
  }

  /** The states of this instance's own peers, for an instance that just loaded the room; null when none. */
  encodeLocalStates(): Uint8Array | null {
    const clients = [...this.owners].filter(([clientId, peer]) => peer.connected && this.states.has(clientId)).map(([clientId]) => clientId)
    return this.encodeStates(clients, 0)
  }

  destroy(): void {
    this.destroyed = true
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    clearInterval(this.sweepTimer)
    this.outgoing = []
    this.outgoingAt.clear()
    this.states.clear()
    this.clocks.clear()
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

  /** y-protocols' rule: a newer clock wins; an equal clock only to remove a present state. */
  private apply({ clientId, clock, stateJson, encoded }: AwarenessEntry, origin: unknown): void {
    const current = this.clocks.get(clientId) ?? 0
    const removal = stateJson === 'null'
    if (!(current < clock || (current === clock && removal && this.states.has(clientId)))) return
    this.clocks.set(clientId, clock)
    if (removal) {
      if (!this.states.delete(clientId)) return
      this.remoteClients.delete(clientId)
    } else {
      this.states.set(clientId, { json: stateJson, at: performance.now() })
    }
    this.queue({ clientId, bytes: encoded ?? encodeAwarenessEntry({ clientId, clock, stateJson }), origin })
  }

  /** Removes a present state on the server's behalf (clock + 1, as y-protocols does). */
  private remove(clientId: number, origin: unknown): void {
    if (!this.states.delete(clientId)) return
    const clock = (this.clocks.get(clientId) ?? 0) + 1
    this.clocks.set(clientId, clock)
    this.queue({ clientId, bytes: encodeAwarenessEntry({ clientId, clock, stateJson: 'null' }), origin })
  }

  /** Adds a change to this window; a newer one of the same client replaces it (its clock wins anyway). */
  private queue(entry: OutgoingEntry): void {
    const at = this.outgoingAt.get(entry.clientId)
    if (at === undefined) {
      this.outgoingAt.set(entry.clientId, this.outgoing.length)
      this.outgoing.push(entry)
    } else {
      this.outgoing[at] = entry
    }
    if (this.flushTimer || this.destroyed) return
    this.flushTimer = setTimeout(this.flushNow, this.options.flushAfterMs)
    this.flushTimer.unref()
  }

  /** `[1, the states of clients]` with each clock raised by `clockBump`, or null for none. */
  private encodeStates(clients: readonly number[], clockBump: number): Uint8Array | null {
    const entries: Uint8Array[] = []
    for (const clientId of clients) {
      const state = this.states.get(clientId)
      if (state === undefined) continue
      entries.push(encodeAwarenessEntry({ clientId, clock: (this.clocks.get(clientId) ?? 0) + clockBump, stateJson: state.json }))
    }
    return entries.length === 0 ? null : encodeAwarenessFrame(entries)
  }

  /** Removes states not renewed within {@link STATE_TIMEOUT_MS} (a client renews every 15 s), as y-protocols does. */
  private readonly sweep = (): void => {
    const stale = performance.now() - STATE_TIMEOUT_MS
    for (const [clientId, state] of [...this.states]) if (state.at < stale) this.remove(clientId, REMOTE_ORIGIN)
  }

  /** Sends the changes waiting for the end of their window now. */
  readonly flushNow = (): void => {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    if (this.destroyed || this.outgoing.length === 0) return
    const entries = this.outgoing
    this.outgoing = []
    this.outgoingAt.clear()
    const own = new Set(entries.map((entry) => entry.origin))
    let toOthers: Uint8Array | null = null
    this.options.broadcast((recipient) => {
      if (!own.has(recipient)) return (toOthers ??= frameOf(entries))
      const others = entries.filter((entry) => entry.origin !== recipient)
      return others.length === 0 ? null : frameOf(others)
    })
    // Only what this instance's peers changed crosses to other instances (not relayed or timed-out states).
    const local = this.options.publish ? entries.filter((entry) => isPeerOrigin(entry.origin)) : []
    if (local.length > 0) this.options.publish?.(frameOf(local))
  }
}

const frameOf = (entries: readonly OutgoingEntry[]): Uint8Array => encodeAwarenessFrame(entries.map((entry) => entry.bytes))
