/**
 * The earlier numbers of a meeting (earlierRatings.ts), loaded once the page has shown, and again
 * each time the map is finished or reopened (a reopen makes the last finished version "last
 * time"). Both write the doc's `meta.status`; a finish and a reopen may reach a device in one sync
 * that leaves it as it was, so any write of it counts, not a change of its value. Until the
 * numbers come, or when they cannot, nothing is shown: a slow phone paints its list first.
 *
 *   const earlier = useEarlierRatings(meeting.id, doc, meeting.version)
 *   <EarlierRatingsContext.Provider value={earlier}>…</EarlierRatingsContext.Provider>
 */
import { META_KEYS, META_MAP_NAME } from '@safetymap/map-model'
import { createContext, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { fetchEarlierRatings, NO_EARLIER, toEarlierLookup, type EarlierLookup } from './earlierRatings.ts'

/** The phone's scale lists read the earlier numbers here, wherever a line's marks are listed. */
export const EarlierRatingsContext = createContext<EarlierLookup>(NO_EARLIER)

/** Counts finishes and reopens seen in `doc`; not the status's first arrival, which the page's own load covers. */
function useFinishesAndReopens(doc: Y.Doc): number {
  const [count, setCount] = useState(0)
  useEffect(() => {
    const meta = doc.getMap<unknown>(META_MAP_NAME)
    const onChange = (event: Y.YMapEvent<unknown>) => {
      if (event.changes.keys.get(META_KEYS.status)?.action === 'update') setCount((n) => n + 1)
    }
    meta.observe(onChange)
    return () => meta.unobserve(onChange)
  }, [doc])
  return count
}

/**
 * `version`: the meeting's version when the page loaded; at 1 nothing was finished before, so the
 * page asks only after a finish and reopen (one request fewer on a slow phone, for most meetings).
 */
export function useEarlierRatings(meetingId: string, doc: Y.Doc, version: number | undefined): EarlierLookup {
  const [earlier, setEarlier] = useState<EarlierLookup>(NO_EARLIER)
  const round = useFinishesAndReopens(doc)
  useEffect(() => {
    if (round === 0 && version === 1) return
    let current = true
    void fetchEarlierRatings(meetingId).then((result) => {
      if (current && result.ok) setEarlier(toEarlierLookup(result.value.earlier))
    })
    return () => {
      current = false
    }
  }, [meetingId, round, version])
  return earlier
}
