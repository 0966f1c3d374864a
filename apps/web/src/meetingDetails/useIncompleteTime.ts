/**
 * The check both meeting-details forms ("New meeting", "Meeting details") make before saving: a
 * time the browser shows half filled in (a date without a time) reads as empty, so saving would
 * drop it without a word. `refuse()` finds such a field, names it for `MeetingDetailsFields`
 * (`incompleteTime`, whose message sits under it) and moves the keyboard there.
 *
 *   const times = useIncompleteTime()
 *   if (times.refuse()) return
 *   <MeetingDetailsFields … timeRefs={times.timeRefs} incompleteTime={times.incompleteTime} />
 */
import { useEffect, useRef, useState } from 'react'
import { firstIncompleteTime, type MeetingTimeField } from './meetingDetailsDraft.ts'

/** The two time inputs' refs, the field refused last (null when none), and the check itself. */
export function useIncompleteTime() {
  const startTime = useRef<HTMLInputElement>(null)
  const endTime = useRef<HTMLInputElement>(null)
  // A new object on each refusal, so a second refused save moves the keyboard again.
  const [refused, setRefused] = useState<{ field: MeetingTimeField } | null>(null)

  useEffect(() => {
    const input = (refused?.field === 'startTime' ? startTime : refused ? endTime : null)?.current
    if (!input) return
    // "New meeting" keeps the times in a fold that may have been closed again since.
    const fold = input.closest('details')
    if (fold) fold.open = true
    input.focus()
  }, [refused])

  return {
    timeRefs: { startTime, endTime },
    incompleteTime: refused?.field ?? null,
    /** True (and the field is named and focused) when a time is half filled in. */
    refuse(): boolean {
      const field = firstIncompleteTime({ startTime: startTime.current, endTime: endTime.current })
      setRefused(field === null ? null : { field })
      return field !== null
    },
    /** Forgets a refusal once the person edits. */
    clear: () => setRefused(null),
  }
}
