/**
 * The close code with which the relay ended this browser's connection for good, or null while
 * it has not. The stock y-websocket provider stops reconnecting on 4400–4499 and emits `closed`;
 * 4403 means this person was removed, 4410 that the meeting was ended for everyone.
 *
 *   const closedWith = useRelayClose(connection?.provider ?? null)
 *   if (closedWith === RELAY_CLOSE_CODE.removed) showRemoved()
 */
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/** The terminal close codes the meeting page explains (server `RELAY_CLOSE`). */
export const RELAY_CLOSE_CODE = {
  removed: 4403,
  ended: 4410,
  roomFull: 4429,
} as const

/** The terminal close code of `provider`'s connection, once there is one. */
export function useRelayClose(provider: WebsocketProvider | null): number | null {
  const [code, setCode] = useState<number | null>(null)
  useEffect(() => {
    if (!provider) return
    const onClosed = (event: { code: number }) => setCode(event.code)
    provider.on('closed', onClosed)
    return () => provider.off('closed', onClosed)
  }, [provider])
  return code
}
