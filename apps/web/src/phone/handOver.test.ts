import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ConnectionSnapshot } from '../canvas/connectionState.ts'
import { holdsServerState, mayReplaceServerCopy } from './handOver.ts'

const connecting: ConnectionSnapshot = { state: 'connecting', hasUnsentChanges: false, hasSynced: false, ended: false }

/** The relay's doc and a phone's older copy of it. */
function docs() {
  const server = new Y.Doc()
  server.getArray('records').push(['a'])
  const phone = new Y.Doc()
  Y.applyUpdate(phone, Y.encodeStateAsUpdate(server))
  server.getArray('records').push(['b'])
  return { server, phone }
}

describe('handing the list over from the server copy', () => {
  it('knows whether the phone copy holds everything the server wrote from', () => {
    const { server, phone } = docs()
    const state = Y.encodeStateVector(server)
    expect(holdsServerState(phone, state)).toBe(false)
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(server))
    expect(holdsServerState(phone, state)).toBe(true)
    phone.getArray('records').push(['written on the phone'])
    expect(holdsServerState(phone, state)).toBe(true)
  })

  it('waits for the sync while the phone copy is older, and not once it is synced, offline or ended', () => {
    const { server, phone } = docs()
    const input = { doc: phone, hasTemplate: true, snapshot: connecting, ended: false, serverState: Y.encodeStateVector(server) }
    expect(mayReplaceServerCopy(input)).toBe(false)
    expect(mayReplaceServerCopy({ ...input, hasTemplate: false, snapshot: { ...connecting, state: 'live', hasSynced: true } })).toBe(false)
    expect(mayReplaceServerCopy({ ...input, snapshot: { ...connecting, state: 'live', hasSynced: true } })).toBe(true)
    expect(mayReplaceServerCopy({ ...input, snapshot: { ...connecting, state: 'offline' } })).toBe(true)
    expect(mayReplaceServerCopy({ ...input, hasTemplate: false, ended: true })).toBe(true)
    expect(mayReplaceServerCopy({ ...input, doc: server })).toBe(true)
  })
})
