import { WebsocketProvider } from 'y-websocket'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { trackConnection, type ConnectionTracker } from './connectionState.ts'

/** A WebSocket stand-in: these tests drive the provider's events by hand and never open a socket. */
class NoSocket {}

const opened: { provider: WebsocketProvider; tracker: ConnectionTracker; doc: Y.Doc }[] = []

function setup() {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider('ws://relay.invalid/sync', 'meeting-1', doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: NoSocket as unknown as typeof WebSocket,
  })
  const tracker = trackConnection({ doc, provider })
  opened.push({ provider, tracker, doc })
  return { doc, provider, tracker }
}

function goLive(provider: WebsocketProvider) {
  provider.wsconnected = true
  provider.emit('status', [{ status: 'connected' }])
  provider.synced = true
}

/** The order y-websocket's closeWebsocketConnection uses; `close` is the relay's, null for a local close. */
function drop(provider: WebsocketProvider, close: { code: number; reason: string } | null = null) {
  provider.emit('connection-close', [close as CloseEvent | null, provider])
  provider.wsconnected = false
  provider.synced = false
  provider.emit('status', [{ status: 'disconnected' }])
}

function editLocally(doc: Y.Doc) {
  doc.transact(() => doc.getMap('test').set('note', Math.random()))
}

afterEach(() => {
  for (const { provider, tracker, doc } of opened.splice(0)) {
    tracker.dispose()
    provider.destroy()
    doc.destroy()
  }
})

describe('trackConnection', () => {
  it('reports connecting before the first attempt has finished', () => {
    const { tracker } = setup()
    expect(tracker.getSnapshot()).toEqual({ state: 'connecting', hasUnsentChanges: false, hasSynced: false, ended: false })
  })

  it('is live only once the socket is open and the doc has synced', () => {
    const { provider, tracker } = setup()
    provider.wsconnected = true
    provider.emit('status', [{ status: 'connected' }])
    expect(tracker.getSnapshot().state).toBe('connecting')
    provider.synced = true
    expect(tracker.getSnapshot()).toMatchObject({ state: 'live', hasSynced: true })
  })

  it('goes offline when a first attempt fails, without waiting for a drop', () => {
    const { provider, tracker } = setup()
    provider.emit('connection-close', [null, provider])
    expect(tracker.getSnapshot().state).toBe('offline')
  })

  it('does not count edits made while live as unsent', () => {
    const { doc, provider, tracker } = setup()
    goLive(provider)
    editLocally(doc)
    expect(tracker.getSnapshot().hasUnsentChanges).toBe(false)
  })

  it('counts local edits made while offline, and clears them after the next sync', () => {
    const { doc, provider, tracker } = setup()
    goLive(provider)
    drop(provider)
    expect(tracker.getSnapshot()).toMatchObject({ state: 'offline', hasUnsentChanges: false })
    editLocally(doc)
    expect(tracker.getSnapshot()).toMatchObject({ state: 'offline', hasUnsentChanges: true })

    provider.wsconnected = true
    provider.emit('status', [{ status: 'connected' }])
    expect(tracker.getSnapshot()).toMatchObject({ state: 'connecting', hasUnsentChanges: true })
    provider.synced = true
    expect(tracker.getSnapshot()).toMatchObject({ state: 'live', hasUnsentChanges: false })
  })

  it('ignores updates that arrive from the relay while offline', () => {
    const { doc, provider, tracker } = setup()
    drop(provider)
    const remote = new Y.Doc()
    remote.getMap('test').set('note', 'from someone else')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), provider)
    expect(tracker.getSnapshot().hasUnsentChanges).toBe(false)
  })

  it('marks the connection ended when the relay refuses to continue', () => {
    const { provider, tracker } = setup()
    goLive(provider)
    drop(provider)
    provider.emit('closed', [{ code: 4403, reason: 'revoked' }, provider])
    expect(tracker.getSnapshot()).toMatchObject({ state: 'offline', ended: true })
  })

  it('reads the reconnect the relay asks for when the map is finished as connecting, and a failed one as offline', () => {
    const { provider, tracker } = setup()
    goLive(provider)
    drop(provider, { code: 4002, reason: 'MEETING_FINALIZED' })
    expect(tracker.getSnapshot().state).toBe('connecting')
    provider.emit('connection-close', [{ code: 1006, reason: '' } as CloseEvent, provider])
    expect(tracker.getSnapshot().state).toBe('offline')
  })

  it('notifies subscribers only when the snapshot changes', () => {
    const { doc, provider, tracker } = setup()
    let calls = 0
    tracker.subscribe(() => calls++)
    goLive(provider)
    const afterLive = calls
    editLocally(doc)
    provider.emit('status', [{ status: 'connected' }])
    expect(calls).toBe(afterLive)
    const before = tracker.getSnapshot()
    drop(provider)
    expect(calls).toBe(afterLive + 1)
    expect(tracker.getSnapshot()).not.toBe(before)
  })
})
