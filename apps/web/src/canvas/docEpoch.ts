/**
 * The relay's doc epoch (server RL-13): the provider connects with `?epoch=<the epoch its local
 * copy belongs to>` ('' for none) and the relay tells it the current epoch in its welcome. When the
 * map was purged or restored on the server since, the relay closes with 4412 instead of letting
 * the old copy merge back: the caller then drops its local copy and starts afresh.
 *
 *   attachDocEpoch(provider, { known: storedDocEpoch(meetingId), onEpoch: (e) => rememberDocEpoch(meetingId, e), onStale })
 */
import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'

/** Message type of the relay's epoch message (server `MESSAGE_TYPE.DOC_EPOCH`). */
const DOC_EPOCH_MESSAGE = 64
/** Close code when the local copy belongs to another epoch (server `RELAY_DOC_EPOCH_CHANGED`). */
export const DOC_EPOCH_CHANGED_CLOSE_CODE = 4412

/** The query parameter that carries the known epoch, as y-websocket appends `params`. */
export const docEpochQuery = (known: string): string => `epoch=${encodeURIComponent(known)}`

/** Makes `provider` speak the epoch extension; returns the function that detaches it. */
export function attachDocEpoch(
  provider: WebsocketProvider,
  options: { known: string; onEpoch?: (epoch: string) => void; onStale: () => void },
): () => void {
  provider.params.epoch = options.known
  provider.messageHandlers[DOC_EPOCH_MESSAGE] = (_encoder, decoder: decoding.Decoder) => {
    const epoch = decoding.readVarString(decoder)
    // A reconnect of this page then proves its copy is of the current epoch.
    provider.params.epoch = epoch
    options.onEpoch?.(epoch)
  }
  const onClosed = ({ code }: { code: number }) => {
    if (code === DOC_EPOCH_CHANGED_CLOSE_CODE) options.onStale()
  }
  provider.on('closed', onClosed)
  return () => provider.off('closed', onClosed)
}

const storageKey = (meetingId: string) => `safetymap.docEpoch.${meetingId}`

/** The epoch of this device's stored copy of a map ('' when unknown). */
export function storedDocEpoch(meetingId: string): string {
  try {
    return window.localStorage.getItem(storageKey(meetingId)) ?? ''
  } catch {
    return ''
  }
}

/** Records the epoch of this device's stored copy (`null` forgets it). */
export function rememberDocEpoch(meetingId: string, epoch: string | null): void {
  try {
    if (epoch === null) window.localStorage.removeItem(storageKey(meetingId))
    else window.localStorage.setItem(storageKey(meetingId), epoch)
  } catch {
    // Storage blocked: the copy is then checked by nothing but its own sync, as before.
  }
}
