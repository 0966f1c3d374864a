/**
 * Live fan-out between relay instances that share one doc store (issue 9): what an instance tells
 * the others, and the transport interface it tells them through (`createRedisFanout` is the one
 * adapter). Without a fan-out the relay runs alone, as it always did.
 *
 * An instance publishes every update it accepted *after* storing it, the presence changes of its
 * own peers, who is connected to it (for the roster's "online"), roster-changed signals (for the
 * roster streams), and the administrative commands (revoke, end, purge) the HTTP layer gave it. Each
 * other instance with that meeting loaded applies the update to its doc and broadcasts it to its
 * own sockets, never storing or publishing it again. Delivery is best-effort (Redis pub/sub): a
 * room also catches up from the store every few seconds and whenever it sees a gap (`RoomLink`).
 *
 * ```ts
 * const fanout = await createRedisFanout({ url: 'redis://127.0.0.1:6379', logger })
 * const relay = createRelay({ store, logger, fanout })
 * ```
 */

/** What one instance publishes about one meeting. @public */
export type MeetingMessageBody =
  /**
   * An update the sender stored. `link` names the sender's room (a room that unloads and loads
   * again is a new link); `counter` numbers that room's updates 1, 2, 3… so a receiver sees a gap.
   */
  | { readonly kind: 'update'; readonly link: number; readonly counter: number; readonly update: Uint8Array }
  /** A complete y-websocket awareness frame (`[1, awarenessUpdate]`) of the sender's own peers. */
  | { readonly kind: 'awareness'; readonly frame: Uint8Array }
  /** "I just loaded this meeting: send me your peers' presence." */
  | { readonly kind: 'awareness-query' }

/** A {@link MeetingMessageBody} as received, with the sender's instance id. @public */
export type MeetingMessage = MeetingMessageBody & { readonly from: string }

/** What the HTTP layer asked one instance to do to sockets that may sit on any instance. @public */
export type RelayCommand =
  /** Close every socket of a participant (in `docIds` only, when given). */
  | { readonly kind: 'close-participant'; readonly participantId: string; readonly docIds: readonly string[] | null; readonly code: number; readonly reason: string }
  /** Close every socket of a meeting's doc. */
  | { readonly kind: 'close-meeting'; readonly meetingId: string; readonly code: number; readonly reason: string }
  /** Drop the doc's room unsaved (its stored doc is being deleted). */
  | { readonly kind: 'purge-meeting'; readonly meetingId: string }

/** Events of the fan-out as a whole. @public */
export interface FanoutListeners {
  /** Another instance asked every instance to run `command`. */
  command(command: RelayCommand): void
  /** An instance stopped (said goodbye, or its heartbeat stopped): its peers' presence must go. */
  instanceGone(instanceId: string): void
  /** The subscription came back after a connection drop: anything published meanwhile was missed. */
  resubscribed(): void
}

/** The transport between instances. @public */
export interface RelayFanout {
  /** This instance's random id; messages carry it so an instance ignores its own. */
  readonly instanceId: string
  /** Delivers other instances' messages about `meetingId`; resolves once the subscription is live. */
  subscribe(meetingId: string, onMessage: (message: MeetingMessage) => void): Promise<void>
  /** Stops delivering to `onMessage` (a newer subscriber of the same meeting is left alone). */
  unsubscribe(meetingId: string, onMessage: (message: MeetingMessage) => void): void
  /** Fire and forget: a failed publish is counted and logged; the receivers' repair covers it. */
  publish(meetingId: string, message: MeetingMessageBody): void
  /** Runs `command` on every other instance; while Redis is unreachable it waits, in order, and goes out once it is back. */
  publishCommand(command: RelayCommand): void
  /**
   * Tells the other instances who is connected here to `meetingId` (each participant once; empty:
   * nobody). They keep it until it changes or this instance is gone, for {@link remotePeersOf}.
   */
  setLocalPeers(meetingId: string, participantIds: readonly string[]): void
  /** Participants connected to `meetingId` on the other live instances, each once. */
  remotePeersOf(meetingId: string): string[]
  /** Tells every other instance that a meeting's roster changed (their roster streams refresh). */
  publishRosterChanged(meetingId: string): void
  /**
   * Calls `listener` when another instance says a meeting's roster changed (one listener); with
   * null after the subscription dropped, when any meeting's roster may have changed unheard.
   */
  onRosterChanged(listener: (meetingId: string | null) => void): void
  /** Registers the relay's listeners (once). */
  listen(listeners: FanoutListeners): void
  /** Says goodbye to the other instances and closes the connections; idempotent. */
  close(): Promise<void>
}

/** What a room publishes (Room's `fanout` option; implemented by `RoomLink`). @internal */
export interface RoomFanout {
  /** An update this instance accepted and stored. */
  publishUpdate(update: Uint8Array): void
  /** A presence change of this instance's own peers (a complete awareness frame). */
  publishAwareness(frame: Uint8Array): void
}
