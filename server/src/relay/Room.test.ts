/**
 * The room with fakes only — no ws, no fastify, no SQLite (RL-5): a recording socket and an
 * in-memory store that records the order of appends relative to sends.
 */
import * as encoding from 'lib0/encoding'
import { addItem, readMap, writeSafetyMapTemplate } from '@safetymap/map-model'
import { createSafetyMapSchema } from '@safetymap/map-model/schema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocStore, StoreResult } from '../storage/index.ts'
import { resolveRelayLimits, type RelayLimits } from './limits.ts'
import { createRecordValidator } from './createRecordValidator.ts'
import { createRelayCounters } from './relayStats.ts'
import type { RelaySocket } from './RelaySocket.ts'
import { Room, type PeerRole } from './Room.ts'
import { GroupCommit } from './GroupCommit.ts'
import { AdmissionGate } from './AdmissionGate.ts'
import { DocEncoder } from './DocEncoder.ts'
import { encodeAwarenessEntries, encodeAwarenessMessage } from './protocol/awareness.ts'
import { decodeClientMessage } from './protocol/decodeClientMessage.ts'

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const ok = <T>(value: T): Promise<StoreResult<T>> => Promise.resolve({ ok: true, value })

function memoryStore(events: string[]): DocStore {
  const updates: Uint8Array[] = []
  return {
    load: () => ok(updates.length ? { state: Y.mergeUpdates(updates), lastSeq: updates.length, tail: { updates: updates.length, bytes: 0 } } : null),
    appendUpdate: (_docId, update) => {
      events.push('append')
      updates.push(update)
      return ok({ seq: updates.length, tail: { updates: updates.length, bytes: 0 } })
    },
    loadTail: (_docId, afterSeq) => ok({ updates: updates.slice(afterSeq), lastSeq: updates.length }),
    compact: () => ok(undefined),
    tailStats: () => ok({ updates: updates.length, bytes: 0 }),
    hasDoc: () => ok(updates.length > 0),
    delete: () => ok(undefined),
  }
}

interface FakeSocket extends RelaySocket {
  sent: Uint8Array[]
  closedWith: number | null
}

function fakeSocket(name: string, events: string[], onClose: () => void): FakeSocket {
  const socket: FakeSocket = {
    sent: [],
    closedWith: null,
    send(bytes) {
      if (socket.closedWith !== null) return false
      events.push(`send:${name}`)
      socket.sent.push(bytes)
      return true
    },
    close(code) {
      if (socket.closedWith !== null) return
      socket.closedWith = code
      onClose()
    },
    isOpen: () => socket.closedWith === null,
    bufferedBytes: () => 0,
  }
  return socket
}

function setup(limits: Partial<RelayLimits> = {}) {
  const events: string[] = []
  const store = memoryStore(events)
  const room = new Room({
    docId: 'm1',
    store,
    commits: new GroupCommit(store),
    joins: new AdmissionGate(4),
    encoder: new DocEncoder(),
    logger: quiet,
    limits: resolveRelayLimits(limits),
    counters: createRelayCounters(),
    isValidRecord: createRecordValidator(createSafetyMapSchema()),
    onClosed: () => {},
  })
  let nextId = 1
  const tryJoin = (name: string, role: PeerRole = 'editor') => {
    const socket = fakeSocket(name, events, () => {})
    return { peer: room.join({ connectionId: nextId++, participantId: `p-${name}`, role, socket }), socket }
  }
  const join = (name: string, role: PeerRole = 'editor') => {
    const connectionId = nextId++
    let leave = () => {}
    const socket = fakeSocket(name, events, () => leave())
    const peer = room.join({ connectionId, participantId: `p-${name}`, role, socket })
    if (!peer) throw new Error('not joined')
    leave = () => room.leave(peer)
    return { peer, socket, send: (bytes: Uint8Array) => room.receive(peer, bytes) }
  }
  return { room, events, join, tryJoin }
}

const updateFrame = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

// After the tick's group commit (`setImmediate`) and what it settles, then one more timer turn: a
// bare `setTimeout(0)` may fire before that `setImmediate`, depending on the loop's phase.
const settle = async () => {
  await new Promise((resolve) => setImmediate(resolve))
  await new Promise((resolve) => setTimeout(resolve, 0))
}

const syncStep2Frame = (update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

const docOf = (state: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 3_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('Room', () => {
  it('welcomes a joining socket with sync step 1 once loaded, without any ws (RL-1, RL-5)', async () => {
    const { join } = setup()
    const a = join('a')
    await settle()
    expect([a.socket.sent[0]?.[0], a.socket.sent[0]?.[1]]).toEqual([0, 0])
  })

  it('appends before broadcasting and sends the same buffer to every other peer (RL-3)', async () => {
    const { join, events } = setup()
    const a = join('a')
    const b = join('b')
    const c = join('c')
    await settle()
    events.length = 0
    const doc = new Y.Doc()
    doc.getMap('notes').set('k', 'v')
    a.send(updateFrame(Y.encodeStateAsUpdate(doc)))
    // The append is committed on a later turn (setImmediate), which a zero timer may overtake under load.
    await waitUntil(async () => events.length >= 3)
    expect(events).toEqual(['append', 'send:b', 'send:c'])
    expect(b.socket.sent.at(-1)).toBe(c.socket.sent.at(-1))
  })

  it('closes only a malformed sender with 4400 and stores nothing (RL-2)', async () => {
    const { join, events } = setup()
    const a = join('a')
    const b = join('b')
    await settle()
    a.send(Uint8Array.of(0, 2, 5, 1, 2))
    await settle()
    expect(a.socket.closedWith).toBe(4400)
    expect(b.socket.closedWith).toBeNull()
    expect(events).not.toContain('append')
  })

  it('drops unresolved updates past the pending limit and resyncs their sender', async () => {
    const { join, events } = setup({ maxPendingUpdateBytes: 1 })
    const a = join('a')
    await settle()
    const doc = new Y.Doc()
    doc.getMap('notes').set('first', 1)
    const before = Y.encodeStateVector(doc)
    doc.getMap('notes').set('second', 2)
    // Only the second edit: it depends on the first, which the room never got.
    a.send(updateFrame(Y.encodeStateAsUpdate(doc, before)))
    await settle()
    expect(a.socket.closedWith).toBe(4504)
    expect(events).not.toContain('append')
  })

  it('holds an edit sent before the sender answered sync step 1 and applies it after the answer (RL-19)', async () => {
    const { join, room } = setup()
    const a = join('a', 'facilitator')
    const b = join('b')
    await settle()
    // Made offline, so only a's answer to the room's sync step 1 carries it.
    const client = new Y.Doc()
    writeSafetyMapTemplate(client, { title: 'T', locale: 'en', schema: createSafetyMapSchema().serialize() })
    const offline = Y.encodeStateVector(client)
    // A live edit right after connecting builds on it and goes out first.
    addItem(client, 'danger', 'A worry', { id: 'p-a', name: 'A' })
    a.send(updateFrame(Y.encodeStateAsUpdate(client, offline)))
    await settle()
    expect(a.socket.closedWith).toBeNull()
    a.send(syncStep2Frame(Y.encodeStateAsUpdate(client)))
    await waitUntil(async () => {
      const state = await room.readState()
      return state !== null && readMap(docOf(state)).sections.danger.length === 1
    })
    expect(a.socket.closedWith).toBeNull()
    expect(b.socket.closedWith).toBeNull()
  })

  it('commits the updates of one tick together, then broadcasts each in order (PS-8, RL-3)', async () => {
    const { join, events } = setup()
    const a = join('a')
    const b = join('b')
    await settle()
    events.length = 0
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    doc.getMap('notes').set('one', 1)
    doc.getMap('notes').set('two', 2)
    for (const update of updates) a.send(updateFrame(update))
    await settle()
    // The memory store has no group append: the batch falls back to one append each, both before any send.
    expect(events).toEqual(['append', 'append', 'send:b', 'send:b'])
    const received = new Y.Doc()
    for (const frame of b.socket.sent.slice(-2)) Y.applyUpdate(received, frame.subarray(3))
    expect(received.getMap('notes').toJSON()).toEqual({ one: 1, two: 2 })
  })

  it('merges a presence window’s awareness changes into one message per recipient, without its own entry (RL-10)', async () => {
    const { join } = setup({ presenceFlushMs: 40 })
    const a = join('a')
    const b = join('b')
    const c = join('c')
    await settle()
    const cursor = (clientId: number) =>
      Uint8Array.of(...encodeAwarenessMessage(encodeAwarenessEntries([{ clientId, clock: 1, stateJson: `{"c":${clientId}}`, stateBytes: 7 }])))
    const before = { a: a.socket.sent.length, b: b.socket.sent.length, c: c.socket.sent.length }
    a.send(cursor(11))
    b.send(cursor(22))
    await settle()
    expect(c.socket.sent.length).toBe(before.c)
    await new Promise((resolve) => setTimeout(resolve, 60))
    const entriesOf = (frames: Uint8Array[]) => frames.map((frame) => {
      const decoded = decodeClientMessage(frame)
      if (!decoded.ok || decoded.value.type !== 'awareness') throw new Error('expected awareness')
      return decoded.value.entries.map((entry) => entry.clientId)
    })
    expect(entriesOf(c.socket.sent.slice(before.c))).toEqual([[11, 22]])
    expect(entriesOf(a.socket.sent.slice(before.a))).toEqual([[22]])
    expect(entriesOf(b.socket.sent.slice(before.b))).toEqual([[11]])
  })

  it('sends waiting presence with the next doc update instead of at the end of its window', async () => {
    const { join } = setup({ presenceFlushMs: 60_000 })
    const a = join('a')
    const b = join('b')
    await settle()
    const before = b.socket.sent.length
    a.send(Uint8Array.of(...encodeAwarenessMessage(encodeAwarenessEntries([{ clientId: 11, clock: 1, stateJson: '{"c":11}', stateBytes: 8 }]))))
    await settle()
    expect(b.socket.sent.length).toBe(before)
    const doc = new Y.Doc()
    doc.on('update', (update: Uint8Array) => a.send(updateFrame(update)))
    doc.getMap('notes').set('one', 1)
    await waitUntil(async () => b.socket.sent.length >= before + 2)
    const [presence, update] = b.socket.sent.slice(before).map((frame) => decodeClientMessage(frame))
    expect(presence?.ok && presence.value.type).toBe('awareness')
    expect(update?.ok && update.value.type).toBe('sync-update')
  })

  it('closes the peer over the room limit as room full', async () => {
    const { join, tryJoin } = setup({ maxPeersPerRoom: 1 })
    join('a')
    const second = tryJoin('b')
    expect(second.peer).toBeNull()
    expect(second.socket.closedWith).toBe(4429)
  })
})
