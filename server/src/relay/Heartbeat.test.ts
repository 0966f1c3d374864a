import { afterEach, describe, expect, it, vi } from 'vitest'
import { Heartbeat } from './Heartbeat.ts'

afterEach(() => {
  vi.useRealTimers()
})

describe('Heartbeat (RL-8)', () => {
  it('visits every socket once per interval, a fifteenth of them at a time', () => {
    vi.useFakeTimers()
    const beats: number[] = []
    const heartbeat = new Heartbeat<number>(1_500, (socket) => beats.push(socket))
    for (let socket = 0; socket < 30; socket++) heartbeat.add(socket)

    vi.advanceTimersByTime(100)
    expect(beats).toHaveLength(2)
    vi.advanceTimersByTime(1_400)
    expect([...beats].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, socket) => socket))
    vi.advanceTimersByTime(1_500)
    expect(beats).toHaveLength(60)
    heartbeat.stop()
  })

  it('stops visiting a deleted socket, and everything once stopped', () => {
    vi.useFakeTimers()
    const beats: string[] = []
    const heartbeat = new Heartbeat<string>(1_500, (socket) => beats.push(socket))
    heartbeat.add('gone')
    heartbeat.add('kept')
    heartbeat.delete('gone')
    vi.advanceTimersByTime(3_000)
    expect(beats).toEqual(['kept', 'kept'])
    heartbeat.stop()
    vi.advanceTimersByTime(3_000)
    expect(beats).toEqual(['kept', 'kept'])
  })
})
