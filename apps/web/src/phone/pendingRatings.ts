/**
 * Private numbers (hidden-until-reveal scales, map-model MM-22 … MM-24) that this phone has not
 * delivered to the server yet. They go to the server by an API call, not through the doc, so the
 * doc's offline queue cannot carry them: they wait here, in localStorage scoped to the meeting and
 * the person, one per scale (a later number replaces an unsent earlier one), until `sendPending`
 * delivers each once — after a reload too, and never twice at the same time from two tabs.
 *
 *   const pending = createPendingRatings(meetingId, userId)
 *   pending.put('overall', { value: 6, whatMakesItThisHigh: '…', onePointHigher: '…' })
 *   await sendPending(pending, (scaleId, rating) => ratingsApi.rate(meetingId, scaleId, rating))
 *   // Map { 'overall' => 'sent' }
 */
import type { ApiResult } from '../api/ApiResult.ts'
import type { HiddenRatingInput } from '../canvas/ratingsApi.ts'
import type { PendingStorage } from './pendingItems.ts'

/** The unsent private numbers of one person in one meeting, on this device. */
export interface PendingRatings {
  /** A lock name shared by every tab holding the same queue. */
  readonly key: string
  get(scaleId: string): HiddenRatingInput | null
  /** Every unsent number, read afresh from storage (another tab may have sent some). */
  all(): ReadonlyMap<string, HiddenRatingInput>
  put(scaleId: string, rating: HiddenRatingInput): void
  /** Drops the number of `scaleId` if it is still `rating` (a newer one stays queued). */
  remove(scaleId: string, rating: HiddenRatingInput): void
}

/** What became of a number `sendPending` tried: delivered, refused for good, or kept for later. */
export type SendOutcome = 'sent' | 'refused' | 'kept'

function browserStorage(): PendingStorage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function isRating(value: unknown): value is HiddenRatingInput {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return typeof r.value === 'number' && typeof r.whatMakesItThisHigh === 'string' && typeof r.onePointHigher === 'string'
}

const same = (a: HiddenRatingInput | undefined, b: HiddenRatingInput) =>
  a !== undefined && a.value === b.value && a.whatMakesItThisHigh === b.whatMakesItThisHigh && a.onePointHigher === b.onePointHigher

/** The queue of `participantId` in `meetingId`, kept in `storage`. */
export function createPendingRatings(meetingId: string, participantId: string, storage: PendingStorage | null = browserStorage()): PendingRatings {
  const key = `safetymap.unsentRatings.${meetingId}.${participantId}`
  const read = (): Map<string, HiddenRatingInput> => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}')
      if (typeof parsed !== 'object' || parsed === null) return new Map()
      return new Map(Object.entries(parsed).filter((entry): entry is [string, HiddenRatingInput] => isRating(entry[1])))
    } catch {
      return new Map()
    }
  }
  let memory = read()
  const write = (next: Map<string, HiddenRatingInput>) => {
    memory = next
    try {
      if (next.size === 0) storage?.removeItem(key)
      else storage?.setItem(key, JSON.stringify(Object.fromEntries(next)))
    } catch {
      // Storage full or blocked: the number waits in this page only.
    }
  }
  return {
    key,
    get: (scaleId) => memory.get(scaleId) ?? null,
    all() {
      memory = storage ? read() : memory
      return memory
    },
    put(scaleId, rating) {
      write(new Map(memory).set(scaleId, rating))
    },
    remove(scaleId, rating) {
      const next = new Map(storage ? read() : memory)
      if (same(next.get(scaleId), rating) && next.delete(scaleId)) write(next)
    },
  }
}

/** Sends one number; resolves to the API's answer (status 0: the network failed). */
export type SendRating = (scaleId: string, rating: HiddenRatingInput) => Promise<ApiResult<unknown>>

/** Runs `task` holding the queue's lock across tabs (Web Locks), or just runs it where there are none. */
function withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  return locks ? (locks.request(key, task) as Promise<T>) : task()
}

const inFlight = new Map<string, Promise<Map<string, SendOutcome>>>()

/**
 * Sends every queued number once, in turn. A delivered number leaves the queue; one the server
 * refuses for good (the numbers were shown meanwhile, the meeting ended, the person was removed)
 * leaves it too, reported `refused`; on a network failure the rest stay for the next attempt.
 * Calls made while a send is running join it.
 */
export function sendPending(queue: PendingRatings, send: SendRating): Promise<Map<string, SendOutcome>> {
  const running = inFlight.get(queue.key)
  if (running) return running
  const run = withLock(queue.key, async () => {
    const outcomes = new Map<string, SendOutcome>()
    const tried = new Map<string, HiddenRatingInput>()
    let offline = false
    // Read inside the lock (what another tab sent meanwhile is gone from storage), and again after
    // each round: a number changed while its older value was on its way is sent too.
    for (;;) {
      const todo = [...queue.all()].filter(([scaleId, rating]) => !tried.has(scaleId) || !same(tried.get(scaleId), rating))
      if (todo.length === 0 || offline) {
        for (const [scaleId] of todo) outcomes.set(scaleId, 'kept')
        return outcomes
      }
      for (const [scaleId, rating] of todo) {
        tried.set(scaleId, rating)
        if (offline) {
          outcomes.set(scaleId, 'kept')
          continue
        }
        const result = await send(scaleId, rating)
        if (result.ok) {
          queue.remove(scaleId, rating)
          outcomes.set(scaleId, 'sent')
        } else if (result.error.status === 0 || result.error.status === 429 || result.error.status >= 500) {
          offline = true
          outcomes.set(scaleId, 'kept')
        } else {
          queue.remove(scaleId, rating)
          outcomes.set(scaleId, 'refused')
        }
      }
    }
  }).finally(() => inFlight.delete(queue.key))
  inFlight.set(queue.key, run)
  return run
}
