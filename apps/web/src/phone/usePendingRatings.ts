/**
 * The phone's private numbers with their offline queue (`pendingRatings.ts`): `rate` queues the
 * number, then sends what is queued; the queue is sent again when the page opens, when the browser
 * says the network is back and when the relay is live again. The page re-renders as numbers leave
 * the queue, so "Not sent yet" goes away once the server has one.
 *
 *   const ratings = usePendingRatings(meeting.id, user.id, snapshot.state === 'live')
 *   await ratings.rate('overall', { value: 6, whatMakesItThisHigh, onePointHigher }) // 'sent' | 'kept' | 'refused'
 *   ratings.unsent('overall') // the number while it waits, else null
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ratingsApi, type HiddenRatingInput } from '../canvas/ratingsApi.ts'
import { createPendingRatings, sendPending, type SendOutcome } from './pendingRatings.ts'

/** The private numbers of `userId` in `meetingId`. */
export function usePendingRatings(meetingId: string, userId: string, live: boolean) {
  const queue = useMemo(() => createPendingRatings(meetingId, userId), [meetingId, userId])
  const [, setVersion] = useState(0)
  const [refused, setRefused] = useState<ReadonlySet<string>>(() => new Set())

  const send = useCallback(async () => {
    const outcomes = await sendPending(queue, (scaleId, rating) => ratingsApi.rate(meetingId, scaleId, rating))
    const gone = [...outcomes].filter(([, outcome]) => outcome === 'refused').map(([scaleId]) => scaleId)
    if (gone.length > 0) setRefused((current) => new Set([...current, ...gone]))
    setVersion((v) => v + 1)
    return outcomes
  }, [queue, meetingId])

  useEffect(() => {
    if (live && queue.all().size > 0) void send()
  }, [live, queue, send])
  useEffect(() => {
    const onOnline = () => {
      if (queue.all().size > 0) void send()
    }
    window.addEventListener('online', onOnline)
    return () => window.removeEventListener('online', onOnline)
  }, [queue, send])

  const rate = useCallback(
    async (scaleId: string, rating: HiddenRatingInput): Promise<SendOutcome> => {
      queue.put(scaleId, rating)
      setRefused((current) => (current.has(scaleId) ? new Set([...current].filter((id) => id !== scaleId)) : current))
      setVersion((v) => v + 1)
      const outcomes = await send()
      return outcomes.get(scaleId) ?? (queue.get(scaleId) ? 'kept' : 'sent')
    },
    [queue, send],
  )
  return {
    rate,
    /** The number waiting to be sent for `scaleId`, or `null`. */
    unsent: (scaleId: string) => queue.get(scaleId),
    /** Whether the server refused the number last queued for `scaleId`. */
    wasRefused: (scaleId: string) => refused.has(scaleId),
  }
}
