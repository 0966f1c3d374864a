/**
 * A room's presence: the server-side Awareness, which connection speaks for which awareness
 * client id, and the broadcast of every change (RL-1). Presence is relayed, never stored.
 *
 * Each connection may speak for one client id only — the first one it names that no other live
 * participant holds (bar item 5). The stock provider also echoes everyone else's states back;
 * those entries are skipped silently. When a connection leaves, its state is removed and the
 * removal broadcast, so no ghost cursor stays behind.
 *
 * ```ts
 * const presence = new RoomAwareness({ awareness: new Awareness(doc), maxStateBytes, counters, broadcast })
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
import { encodeAwarenessEntries, encodeAwarenessMessage, type AwarenessEntry } from './protocol/awareness.ts'
import type { RelayCounters } from './relayStats.ts'
import type { PeerOrigin } from './origins.ts'

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
  readonly counters: RelayCounters
  /** Sends a complete awareness frame to every peer except the origin's. */
  readonly broadcast: (bytes: Uint8Array, origin: unknown) => void
}

/** @internal */
export class RoomAwareness {
  private readonly awareness: Awareness
  private readonly options: RoomAwarenessOptions
  private readonly owners = new Map<number, AwarenessPeer>()
  /** The accepted entries being applied, so their encoding can be forwarded as is (hot path). */
  private incoming: { readonly update: Uint8Array; readonly entries: readonly AwarenessEntry[] } | null = null

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
    const update = encodeAwarenessEntries(accepted)
    this.incoming = { update, entries: accepted }
    try {
      applyAwarenessUpdate(this.awareness, update, peer.origin)
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

  destroy(): void {
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
    this.owners.clear()
  }

  private claim(peer: AwarenessPeer, clientId: number): void {
    const owner = this.owners.get(clientId)
    // Another live participant's id: refuse. The same participant reconnecting: take it over.
    if (owner && owner !== peer && owner.connected && owner.participantId !== peer.participantId) return
    if (owner && owner !== peer) owner.awarenessClientId = null
    this.owners.set(clientId, peer)
    peer.awarenessClientId = clientId
  }

  private readonly onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    const clients = [...added, ...updated, ...removed]
    if (clients.length === 0) return
    // Every accepted entry was applied (none stale): what was received is what to send, so skip
    // re-stringifying the states and re-encoding the update.
    const incoming = this.incoming
    if (incoming && clients.length === incoming.entries.length && incoming.entries.every((entry) => clients.includes(entry.clientId))) {
      this.options.broadcast(encodeAwarenessMessage(incoming.update), origin)
      return
    }
    this.options.broadcast(encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, clients)), origin)
  }
}
