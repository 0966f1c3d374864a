/**
 * Ties one loaded room to the fan-out: publishes what the room accepted, delivers what other
 * instances published, and repairs what pub/sub lost. One link per room; a room that unloads and
 * loads again gets a new link (a new `link` number, counters from 1).
 *
 * Repair: the room catches up from the store (`DocStore.loadTail`, cheap: only rows past what it
 * has applied) once its subscription is live (anything stored between its load and then), every
 * {@link FANOUT_REPAIR_INTERVAL_MS}, and at once when another instance's counters skip a number.
 *
 * ```ts
 * const link = new RoomLink({ fanout, meetingId })
 * const room = new Room({ …, fanout: link, onClosed: () => link.close() })
 * link.attach(room)
 * ```
 */
import type { MeetingMessage, RelayFanout, RoomFanout } from './RelayFanout.ts'

/** How often a loaded room reads what other instances stored since its last catch-up. @public */
export const FANOUT_REPAIR_INTERVAL_MS = 3_000

/** What the link drives in a room (all queued behind the room's other work). @internal */
export interface LinkedRoom {
  applyRemoteUpdate(update: Uint8Array): void
  applyRemoteAwareness(frame: Uint8Array, instanceId: string): void
  publishLocalAwareness(): void
  catchUp(): void
}

let nextLinkNumber = 1

/** @internal */
export class RoomLink implements RoomFanout {
  private readonly fanout: RelayFanout
  private readonly meetingId: string
  private readonly link = nextLinkNumber++
  private published = 0
  /** Last counter seen per sending room (`instance/link`), to notice a lost message. */
  private readonly lastCounters = new Map<string, number>()
  private room: LinkedRoom | null = null
  private repairTimer: NodeJS.Timeout | null = null

  constructor(options: { fanout: RelayFanout; meetingId: string }) {
    this.fanout = options.fanout
    this.meetingId = options.meetingId
  }

  /** Subscribes; once live, catches up, asks the others for presence and starts the repair timer. */
  attach(room: LinkedRoom): void {
    this.room = room
    this.fanout.subscribe(this.meetingId, this.onMessage).then(
      () => {
        if (this.room !== room) return
        room.catchUp()
        this.fanout.publish(this.meetingId, { kind: 'awareness-query' })
      },
      // The subscriber reconnects and resubscribes on its own; the repair timer covers the gap.
      () => undefined,
    )
    // Jittered so rooms loaded together don't all read the store in the same tick.
    this.repairTimer = setInterval(() => room.catchUp(), FANOUT_REPAIR_INTERVAL_MS * (0.8 + Math.random() * 0.4))
    this.repairTimer.unref()
  }

  publishUpdate(update: Uint8Array): void {
    this.published++
    this.fanout.publish(this.meetingId, { kind: 'update', link: this.link, counter: this.published, update })
  }

  publishAwareness(frame: Uint8Array): void {
    this.fanout.publish(this.meetingId, { kind: 'awareness', frame })
  }

  /** The room is gone: stop listening and repairing. */
  close(): void {
    if (this.repairTimer) clearInterval(this.repairTimer)
    this.repairTimer = null
    this.room = null
    this.fanout.unsubscribe(this.meetingId, this.onMessage)
  }

  private readonly onMessage = (message: MeetingMessage): void => {
    const room = this.room
    if (!room) return
    switch (message.kind) {
      case 'update': {
        const sender = `${message.from}/${message.link}`
        const last = this.lastCounters.get(sender)
        this.lastCounters.set(sender, message.counter)
        room.applyRemoteUpdate(message.update)
        // A skipped number is an update we will never be sent: read it from the store now.
        if (last !== undefined && message.counter !== last + 1) room.catchUp()
        return
      }
      case 'awareness':
        return room.applyRemoteAwareness(message.frame, message.from)
      case 'awareness-query':
        return room.publishLocalAwareness()
      default: {
        const unreachable: never = message
        throw new Error(`unhandled fan-out message ${String(unreachable)}`)
      }
    }
  }
}
