/**
 * Tells which items this phone wrote while live the relay has not yet stored. A connection can
 * stall without closing (a half-open socket): the bar says "Live" until y-websocket's 30 s silence
 * check gives up, and a note written meanwhile has not gone. So after a write the phone sends a
 * sync step 1 on the provider's socket: the relay answers a step 1 only once every update it took
 * before it is committed (server Room `answerSyncStep1`), handling a connection's messages in
 * order, so the next sync step 2 on that socket means all written before the step 1 is stored.
 * An item with no such answer within `ACK_GRACE_MS` counts as not sent (its mark shows) until the
 * answer comes, or until the next sync, which delivers everything (`clear`).
 *
 *   const ack = useServerAck(connection.provider)
 *   ack.written(id)  // after a write made while live
 *   ack.overdue(id)  // true while it waits longer than ACK_GRACE_MS
 *   ack.clear()      // after a sync with the relay
 */
import * as encoding from 'lib0/encoding'
import { useEffect, useMemo, useState } from 'react'
import { writeSyncStep1 } from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import { isSyncStep, SYNC_STEP } from './earlyStart.ts'

/** How long a write may wait for the relay's answer before it says "Not sent yet": a normal round trip never shows the mark. */
export const ACK_GRACE_MS = 3_000

/** Writes in a row within this time share one step 1. */
const ASK_AFTER_MS = 200

/** The socket as y-websocket holds it (an adopted early socket has only `onmessage`, no listeners). */
type ProviderSocket = NonNullable<WebsocketProvider['ws']>

/** The relay's acknowledgement of what this phone wrote while live. */
export interface ServerAck {
  written(id: string): void
  overdue(id: string): boolean
  readonly hasOverdue: boolean
  clear(): void
}

/** Watches `provider`'s socket for the relay's answers; re-renders the caller as items turn overdue or are stored. */
export function useServerAck(provider: WebsocketProvider): ServerAck {
  const [, setVersion] = useState(0)
  const ack = useMemo(() => createServerAck(provider, () => setVersion((v) => v + 1)), [provider])
  useEffect(() => () => ack.dispose(), [ack])
  return ack
}

function createServerAck(provider: WebsocketProvider, changed: () => void): ServerAck & { dispose(): void } {
  /** Written, not yet stored: whether each is past its grace. */
  const waiting = new Map<string, { overdue: boolean; timer: ReturnType<typeof setTimeout> }>()
  /** The step 1 on its way and the items it covers. */
  let asked: { ws: ProviderSocket; ids: string[] } | null = null
  let askTimer: ReturnType<typeof setTimeout> | undefined
  const watched = new WeakSet<ProviderSocket>()

  const stored = (ids: readonly string[]) => {
    let shown = false
    for (const id of ids) {
      const item = waiting.get(id)
      if (!item) continue
      clearTimeout(item.timer)
      shown ||= item.overdue
      waiting.delete(id)
    }
    if (shown) changed()
  }

  const watch = (ws: ProviderSocket) => {
    if (watched.has(ws)) return
    watched.add(ws)
    // Chained after y-websocket's own handler, which it set as it opened the socket.
    const own = ws.onmessage
    ws.onmessage = function (this: WebSocket, event: MessageEvent) {
      own?.call(this, event)
      if (asked?.ws !== ws || !isSyncStep(event.data as ArrayBuffer, SYNC_STEP.answer)) return
      const { ids } = asked
      asked = null
      stored(ids)
      if (waiting.size > 0) ask()
    }
  }

  const ask = () => {
    clearTimeout(askTimer)
    askTimer = setTimeout(() => {
      const ws = provider.ws
      // Not live: nothing goes now; the next sync delivers it all.
      if (asked || !ws || !provider.wsconnected || ws.readyState !== ws.OPEN) return
      watch(ws)
      asked = { ws, ids: [...waiting.keys()] }
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0) // y-websocket's sync message
      writeSyncStep1(encoder, provider.doc)
      ws.send(encoding.toUint8Array(encoder))
    }, ASK_AFTER_MS)
  }

  return {
    written(id) {
      const timer = setTimeout(() => {
        const item = waiting.get(id)
        if (!item) return
        item.overdue = true
        changed()
      }, ACK_GRACE_MS)
      waiting.set(id, { overdue: false, timer })
      ask()
    },
    overdue: (id) => waiting.get(id)?.overdue ?? false,
    get hasOverdue() {
      return [...waiting.values()].some((item) => item.overdue)
    },
    clear() {
      asked = null
      stored([...waiting.keys()])
    },
    dispose() {
      clearTimeout(askTimer)
      for (const item of waiting.values()) clearTimeout(item.timer)
      waiting.clear()
      asked = null
    },
  }
}
