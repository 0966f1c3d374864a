import { describe, expect, it } from 'vitest'
import { TaskQueue } from './TaskQueue.ts'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('TaskQueue', () => {
  it('runs tasks in order, each after the previous one finished, mixing sync and async work', async () => {
    const errors: unknown[] = []
    const queue = new TaskQueue((error) => errors.push(error))
    const log: string[] = []
    queue.push(async () => {
      log.push('a start')
      await tick()
      log.push('a end')
    })
    queue.push(() => {
      log.push('b')
    })
    queue.push(() => {
      throw new Error('c failed')
    })
    queue.push(async () => {
      await tick()
      throw new Error('d failed')
    })
    const last = queue.pushAndWait(() => {
      log.push('e')
      return 42
    }, () => new Error('cleared'))
    expect(log).toEqual(['a start'])
    await expect(last).resolves.toBe(42)
    expect(log).toEqual(['a start', 'a end', 'b', 'e'])
    expect(errors.map((error) => (error as Error).message)).toEqual(['c failed', 'd failed'])
  })

  it('runs a task synchronously when the queue is idle and the work before it returned no promise', () => {
    const queue = new TaskQueue(() => {})
    const log: string[] = []
    queue.push(() => {
      log.push('first')
      queue.push(() => {
        log.push('queued from inside')
      })
    })
    queue.push(() => {
      log.push('second')
    })
    expect(log).toEqual(['first', 'queued from inside', 'second'])
    expect(queue.size).toBe(0)
  })

  it('runs a call with its arguments in its turn, after async work before it', async () => {
    const queue = new TaskQueue(() => {})
    const log: string[] = []
    const record = (who: string, what: number) => {
      log.push(`${who} ${what}`)
    }
    queue.push(async () => {
      await tick()
      log.push('load')
    })
    queue.pushCall(record, 'ana', 1)
    queue.pushCall(record, 'ben', 2)
    expect(log).toEqual([])
    await tick()
    await tick()
    expect(log).toEqual(['load', 'ana 1', 'ben 2'])
  })

  it('rejects waiting tasks when cleared, while the running one finishes', async () => {
    const queue = new TaskQueue(() => {})
    let finished = false
    queue.push(async () => {
      await tick()
      finished = true
    })
    const waiting = queue.pushAndWait(() => 'never', () => new Error('room closed'))
    queue.clear()
    await expect(waiting).rejects.toThrow('room closed')
    await tick()
    await tick()
    expect(finished).toBe(true)
  })
})
