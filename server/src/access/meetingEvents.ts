/**
 * In-process "something about this meeting's people changed" signals, for the roster stream
 * (`GET /api/meetings/:id/roster/events`). A signal carries no data: each listener's client asks
 * the roster API again, which applies that caller's own view (facilitators see the lobby).
 * One server process holds one bus; several processes would need a shared channel in its place.
 *
 *   const off = events.subscribe(meetingId, () => stream.write('event: roster\ndata: {}\n\n'))
 *   events.rosterChanged(meetingId)
 *   off()
 */

/** @public */
export interface MeetingEvents {
  /** Calls `listener` after every change to the meeting's roster; returns the unsubscribe. */
  subscribe(meetingId: string, listener: () => void): () => void
  /** Tells the meeting's listeners that who is in it, or how, changed. */
  rosterChanged(meetingId: string): void
  /** Open subscriptions, all meetings together (for tests and metrics). */
  size(): number
}

/** @public */
export function createMeetingEvents(): MeetingEvents {
  const listeners = new Map<string, Set<() => void>>()
  let count = 0
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
      for (const listener of [...(listeners.get(meetingId) ?? [])]) listener()
    },
    size() {
      return count
    },
  }
}
