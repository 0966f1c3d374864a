import { afterEach, describe, expect, test } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  createTLUserFromParticipant,
  readAwarenessUser,
  readPeers,
  setAwarenessUser,
} from './awarenessUser.ts'

const created: Awareness[] = []
function awarenessWith(user: unknown): Awareness {
  const awareness = new Awareness(new Y.Doc())
  created.push(awareness)
  if (user !== undefined) awareness.setLocalStateField('user', user)
  return awareness
}
function receive(into: Awareness, from: Awareness) {
  applyAwarenessUpdate(into, encodeAwarenessUpdate(from, [from.clientID]), 'test')
}
afterEach(() => {
  for (const a of created.splice(0)) a.destroy()
})

const ana = { id: 'p-ana', name: 'Ana', color: '#d94', role: 'facilitator' }
const ben = { id: 'p-ben', name: 'Ben', color: '#49d', role: 'family' }

describe('readPeers', () => {
  test('lists each participant once, even with several tabs, sorted by name', () => {
    const local = awarenessWith(undefined)
    setAwarenessUser(local, ben)
    const anaTab1 = awarenessWith(ana)
    const anaTab2 = awarenessWith(ana)
    receive(local, anaTab1)
    receive(local, anaTab2)

    const peers = readPeers(local)
    expect(peers.map((p) => [p.user.name, p.isSelf])).toEqual([
      ['Ana', false],
      ['Ben', true],
    ])
    expect(peers[0]?.clientId).toBe(Math.min(anaTab1.clientID, anaTab2.clientID))
  })

  test('marks a participant as self when any of their clients is ours', () => {
    const local = awarenessWith(ana)
    const otherTab = awarenessWith(ana)
    receive(local, otherTab)
    expect(readPeers(local)).toEqual([{ clientId: local.clientID, user: ana, isSelf: true }])
  })

  test('leaves out clients whose user field is missing or malformed', () => {
    const local = awarenessWith(undefined)
    receive(local, awarenessWith({ id: 'p-x', name: 'X'.repeat(500), color: '#000', role: 'r' }))
    receive(local, awarenessWith({ id: 42, name: 'Num', color: '#000', role: 'r' }))
    receive(local, awarenessWith(ben))
    expect(readPeers(local).map((p) => p.user.id)).toEqual(['p-ben'])
  })
})

test('readAwarenessUser drops fields it does not know', () => {
  expect(readAwarenessUser({ user: { ...ana, email: 'a@example.org' } })).toEqual(ana)
})

test('createTLUserFromParticipant prefixes the participant id for tldraw', () => {
  expect(createTLUserFromParticipant(ana)).toMatchObject({ id: 'user:p-ana', name: 'Ana', color: '#d94' })
})
