/**
 * The close code with which the relay ended this browser's connection for good, or null while
 * it has not. The stock y-websocket provider stops reconnecting on 4400–4499 and emits `closed`;
 * 4403 means this person was removed, 4410 that the meeting was ended for everyone. With
 * {@link shouldReconnect} a 4002 that refused offline edits on a finished map is final too.
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
  /** Only ever final when it refused edits (a finalize alone also closes with 4002, and is retried). */
  finalizedEditsRefused: 4002,
} as const

/**
 * The closes with which the relay asks for a reconnect at once because access changed (server
 * `ACCESS_CLOSE`): a changed role, a finished map (4002, as above when it did not refuse edits), a
 * reopened map. No drop: the connection indicator says "Connecting", not "Offline".
 */
export const ACCESS_RECONNECT_CODES: ReadonlySet<number> = new Set([4001, RELAY_CLOSE_CODE.finalizedEditsRefused, 4003])

/**
 * The relay close an API refusal stands for, when it ends this person's part in the meeting
 * (removed, or the meeting ended): `null` for any other error code.
 */
export function closeCodeOfApiError(code: string | null): number | null {
  if (code === 'MEETING_ENDED') return RELAY_CLOSE_CODE.ended
  if (code === 'PARTICIPANT_REMOVED') return RELAY_CLOSE_CODE.removed
  return null
}

/** Close reason of the relay's refusal of changes to a finished map (server `ACCESS_CLOSE`). */
const FINALIZED_EDITS_REFUSED_REASON = 'MEETING_FINALIZED_EDITS_REFUSED'

/**
 * The provider's `shouldReconnect`: the stock rule (give up on 4400–4499), and give up when the
 * relay refused this client's changes to a finished map, which re-sending could never fix.
 */
export function shouldReconnect(event: { code: number; reason: string }): boolean {
  if (event.code === RELAY_CLOSE_CODE.finalizedEditsRefused && event.reason === FINALIZED_EDITS_REFUSED_REASON) return false
  return !(event.code >= 4400 && event.code < 4500)
}

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
