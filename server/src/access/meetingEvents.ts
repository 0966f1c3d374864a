/**
 * "Something about this meeting's people changed" signals, for the roster stream
 * (`GET /api/meetings/:id/roster/events`). A signal carries no data: each listener's client asks
 * the roster API again, which applies that caller's own view (facilitators see the lobby).
 * With several instances (`REDIS_URL`) each signal also travels through the relay fan-out, so a
 * stream open on another instance hears of a change made here.
 *
 *   const events = createMeetingEvents({ shared: fanout })   // or createMeetingEvents() alone
 *   const off = events.subscribe(meetingId, () => stream.write('event: roster\ndata: {}\n\n'))
 *   events.rosterChanged(meetingId)
 *   off()
 */
import type { RelayFanout } from '../relay/fanout/RelayFanout.ts'

/** @public */
export interface MeetingEvents {
  /** Calls `listener` after every change to the meeting's roster; returns the unsubscribe. */
  subscribe(meetingId: string, listener: () => void): () => void
  /** Tells the meeting's listeners that who is in it, or how, changed. */
  rosterChanged(meetingId: string): void
  /** Open subscriptions, all meetings together (for tests and metrics). */
  size(): number
}

/** The part of the relay fan-out ({@link RelayFanout}) that carries signals to the other instances. @public */
export type SharedMeetingEvents = Pick<RelayFanout, 'publishRosterChanged' | 'onRosterChanged'>

/** @public */
export function createMeetingEvents(options: { shared?: SharedMeetingEvents } = {}): MeetingEvents {
  const listeners = new Map<string, Set<() => void>>()
  let count = 0
  /** A meeting's listeners, or (null) every meeting's. */
  const notify = (meetingId: string | null): void => {
    const sets = meetingId === null ? [...listeners.values()] : [listeners.get(meetingId) ?? []]
    for (const set of sets) for (const listener of [...set]) listener()
  }
  options.shared?.onRosterChanged(notify)
  return {
    subscribe(meetingId, listener) {
      let set = listeners.get(meetingId)
      if (!set) listeners.set(meetingId, (set = new Set()))
      const wrapped = () => listener()
      set.add(wrapped)
      count++
      return () => {
        if (!set.delete(wrapped)) return
        count--
        if (set.size === 0 && listeners.get(meetingId) === set) listeners.delete(meetingId)
      }
    },
    rosterChanged(meetingId) {
      notify(meetingId)
      options.shared?.publishRosterChanged(meetingId)
    },
    size() {
      return count
    },
  }
}
