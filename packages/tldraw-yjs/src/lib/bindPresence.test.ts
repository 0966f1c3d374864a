import { atom } from '@tldraw/state'
import { InstancePresenceRecordType, TLPOINTER_ID, type TLInstancePresence, type TLUser } from 'tldraw'
import { afterEach, expect, test, vi } from 'vitest'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createPeer } from '../test/harness.ts'
import { createTLUserFromParticipant } from './awarenessUser.ts'
import { AWARENESS_PRESENCE_FIELD, type InvalidPresenceReport, bindPresence } from './bindPresence.ts'

const WAIT = { timeout: 2_000, interval: 10 }
const cleanups: Array<() => void> = []
afterEach(() => {
  for (const fn of cleanups.splice(0).reverse()) fn()
})

/** Two awareness instances that forward every update to each other, like the relay would. */
function connectAwareness(a: Awareness, b: Awareness) {
  const forward = (from: Awareness, to: Awareness) => {
    const handler = (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      if (origin === 'network') return
      const changed = [...added, ...updated, ...removed]
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), 'network')
    }
    from.on('update', handler)
    return () => from.off('update', handler)
  }
  const stopAB = forward(a, b)
  const stopBA = forward(b, a)
  applyAwarenessUpdate(b, encodeAwarenessUpdate(a, [a.clientID]), 'network')
  applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [b.clientID]), 'network')
  cleanups.push(stopAB, stopBA)
}

function createClient(name: string) {
  const peer = createPeer()
  const awareness = new Awareness(peer.doc)
  const $user = atom<TLUser | null>('user', createTLUserFromParticipant({ id: `p-${name}`, name, color: '#123456' }))
  const invalid: InvalidPresenceReport[] = []
  cleanups.push(() => awareness.destroy())
  return { ...peer, awareness, $user, invalid }
}

function bind(client: ReturnType<typeof createClient>) {
  const binding = bindPresence({
    store: client.store,
    awareness: client.awareness,
    user: client.$user,
    onInvalidPresence: (r) => client.invalid.push(r),
  })
  cleanups.push(() => binding.dispose())
  return binding
}

/** Waits for the client's first (timer-deferred) presence publication and returns it. */
async function published(client: ReturnType<typeof createClient>) {
  await vi.waitFor(() => expect(client.awareness.getLocalState()?.[AWARENESS_PRESENCE_FIELD]).toBeTruthy(), WAIT)
  return client.awareness.getLocalState()?.[AWARENESS_PRESENCE_FIELD] as {
    version: number
    record: TLInstancePresence
  }
}

const presenceOf = (client: ReturnType<typeof createClient>, other: ReturnType<typeof createClient>) =>
  client.store.get(InstancePresenceRecordType.createId(String(other.awareness.clientID))) as
    | TLInstancePresence
    | undefined

test('a peer’s presence shows up as an instance_presence record and goes when its awareness is cleared', async () => {
  const ana = createClient('Ana')
  const ben = createClient('Ben')
  connectAwareness(ana.awareness, ben.awareness)
  bind(ana)
  bind(ben)
  await published(ana)
  await published(ben)

  const seen = presenceOf(ben, ana)
  expect(seen).toMatchObject({ userId: 'user:p-Ana', userName: 'Ana', color: '#123456' })
  expect(presenceOf(ana, ben)?.userName).toBe('Ben')
  // Our own presence is never put into our own store.
  expect(presenceOf(ana, ana)).toBeUndefined()

  // Cursor moves arrive (throttled).
  ana.store.update(TLPOINTER_ID, (pointer) => ({ ...pointer, x: 123, y: 45 }))
  await vi.waitFor(() => expect(presenceOf(ben, ana)?.cursor).toMatchObject({ x: 123, y: 45 }), WAIT)

  // Presence never touches the doc.
  expect(ben.doc.getArray('records').toArray().some((e) => String((e as { key: string }).key).startsWith('instance_presence'))).toBe(false)

  ana.awareness.setLocalState(null)
  expect(presenceOf(ben, ana)).toBeUndefined()
})

test('a peer that disappears from awareness (timeout or disconnect) loses its presence record', async () => {
  const ana = createClient('Ana')
  const ben = createClient('Ben')
  connectAwareness(ana.awareness, ben.awareness)
  bind(ana)
  bind(ben)
  await published(ana)
  expect(presenceOf(ben, ana)).toBeDefined()
  removeAwarenessStates(ben.awareness, [ana.awareness.clientID], 'timeout')
  expect(presenceOf(ben, ana)).toBeUndefined()
})

test('an invalid peer presence is skipped and reported, and the valid peers still show', async () => {
  const ana = createClient('Ana')
  const ben = createClient('Ben')
  const mallory = new Awareness(new Y.Doc())
  cleanups.push(() => mallory.destroy())
  connectAwareness(ana.awareness, ben.awareness)
  bind(ana)
  const good = await published(ana)
  mallory.setLocalStateField(AWARENESS_PRESENCE_FIELD, {
    version: good.version,
    // A plain user id without the `user:` prefix fails tldraw's validator.
    record: { ...good.record, userId: 'mallory' },
  })
  applyAwarenessUpdate(ben.awareness, encodeAwarenessUpdate(mallory, [mallory.clientID]), 'network')
  bind(ben)

  expect(presenceOf(ben, ana)?.userName).toBe('Ana')
  expect(ben.store.get(InstancePresenceRecordType.createId(String(mallory.clientID)))).toBeUndefined()
  expect(ben.invalid.map((r) => [r.clientId, r.reason])).toEqual([[mallory.clientID, 'validation-failed']])
})

test('a presence record is filed under the sender’s client id, whatever id it claims', async () => {
  const ana = createClient('Ana')
  const ben = createClient('Ben')
  connectAwareness(ana.awareness, ben.awareness)
  bind(ana)
  const good = await published(ana)
  const spoofer = new Awareness(new Y.Doc())
  cleanups.push(() => spoofer.destroy())
  spoofer.setLocalStateField(AWARENESS_PRESENCE_FIELD, { ...good, record: { ...good.record, userName: 'Fake' } })
  applyAwarenessUpdate(ben.awareness, encodeAwarenessUpdate(spoofer, [spoofer.clientID]), 'network')
  bind(ben)

  expect(presenceOf(ben, ana)?.userName).toBe('Ana')
  expect(ben.store.get(InstancePresenceRecordType.createId(String(spoofer.clientID)))).toMatchObject({
    userName: 'Fake',
  })
})

test('a presence from a newer tldraw version is dropped, not applied', async () => {
  const ana = createClient('Ana')
  const ben = createClient('Ben')
  bind(ana)
  const good = await published(ana)
  ana.awareness.setLocalStateField(AWARENESS_PRESENCE_FIELD, { ...good, version: good.version + 1 })
  applyAwarenessUpdate(ben.awareness, encodeAwarenessUpdate(ana.awareness, [ana.awareness.clientID]), 'network')
  bind(ben)
  expect(presenceOf(ben, ana)).toBeUndefined()
  expect(ben.invalid.map((r) => r.reason)).toEqual(['version-too-new'])
})

test('dispose clears our presence field and removes the peers we showed', async () => {
  const ana = createClient('Ana')
  const ben = createClient('Ben')
  connectAwareness(ana.awareness, ben.awareness)
  bind(ana)
  const benPresence = bind(ben)
  await published(ana)
  await published(ben)
  expect(presenceOf(ben, ana)).toBeDefined()
  benPresence.dispose()
  expect(presenceOf(ben, ana)).toBeUndefined()
  expect(presenceOf(ana, ben)).toBeUndefined()
  expect(ben.awareness.getLocalState()?.[AWARENESS_PRESENCE_FIELD]).toBeNull()
})
