import { describe, expect, it } from 'vitest'
import type { ApiResult } from '../api/ApiResult.ts'
import type { HiddenRatingInput } from '../canvas/ratingsApi.ts'
import { createPendingRatings, sendPending } from './pendingRatings.ts'
import { memoryStorage } from './memoryStorage.ts'

const six: HiddenRatingInput = { value: 6, whatMakesItThisHigh: 'Lorna is close by', onePointHigher: 'Sam in the chat' }
const seven: HiddenRatingInput = { ...six, value: 7 }
const ok: ApiResult<unknown> = { ok: true, value: {} }
const failure = (status: number): ApiResult<unknown> => ({ ok: false, error: { status, code: null, messageKey: 'error.generic' } })

describe('pending private numbers', () => {
  it('keep one number per scale for one person in one meeting, across a reload', () => {
    const storage = memoryStorage()
    const queue = createPendingRatings('m1', 'p1', storage)
    queue.put('overall', six)
    queue.put('overall', seven)
    queue.put('shape:worry', six)
    const reloaded = createPendingRatings('m1', 'p1', storage)
    expect(reloaded.get('overall')).toEqual(seven)
    expect([...reloaded.all().keys()]).toEqual(['overall', 'shape:worry'])
    expect(createPendingRatings('m1', 'p2', storage).all().size).toBe(0)
    expect(createPendingRatings('m2', 'p1', storage).all().size).toBe(0)
  })

  it('are each sent once, and leave the queue when delivered or refused for good', async () => {
    const queue = createPendingRatings('m1', 'p1', memoryStorage())
    queue.put('overall', six)
    queue.put('shape:gone', six)
    const sent: string[] = []
    const outcomes = await sendPending(queue, async (scaleId) => {
      sent.push(scaleId)
      return scaleId === 'shape:gone' ? failure(409) : ok
    })
    expect(sent).toEqual(['overall', 'shape:gone'])
    expect(Object.fromEntries(outcomes)).toEqual({ overall: 'sent', 'shape:gone': 'refused' })
    expect(queue.all().size).toBe(0)
    expect(await sendPending(queue, async () => ok)).toEqual(new Map())
  })

  it('stay queued while the network fails, and calls during a send join it', async () => {
    const queue = createPendingRatings('m1', 'p1', memoryStorage())
    queue.put('overall', six)
    queue.put('shape:worry', six)
    let calls = 0
    const offline = await sendPending(queue, async () => {
      calls += 1
      return failure(0)
    })
    expect(calls).toBe(1)
    expect(Object.fromEntries(offline)).toEqual({ overall: 'kept', 'shape:worry': 'kept' })
    expect(queue.all().size).toBe(2)

    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const sent: string[] = []
    const send = async (scaleId: string) => {
      await gate
      sent.push(scaleId)
      return ok
    }
    const first = sendPending(queue, send)
    const second = sendPending(queue, send)
    expect(second).toBe(first)
    release()
    await first
    expect(sent).toEqual(['overall', 'shape:worry'])
  })

  it('send a number changed while its older value was on its way, and keep only the newest', async () => {
    const queue = createPendingRatings('m1', 'p1', memoryStorage())
    queue.put('overall', six)
    const sent: number[] = []
    await sendPending(queue, async (_scaleId, rating) => {
      sent.push(rating.value)
      if (rating.value === 6) queue.put('overall', seven)
      return ok
    })
    expect(sent).toEqual([6, 7])
    expect(queue.all().size).toBe(0)
  })
})
