/**
 * The doc epoch extension (RL-13, PS-9): a client that connects with `?epoch=<the epoch its local
 * state belongs to>` (empty when it has none) is told the doc's current epoch in its welcome, and
 * is closed with `RELAY_DOC_EPOCH_CHANGED` when the two differ. Stock clients never send the
 * parameter and never see the message.
 *
 * ```
 * [64, varString epoch]
 * ```
 */
import * as encoding from 'lib0/encoding'
import { MESSAGE_TYPE } from './wire.ts'

/** `[64, epoch]`. @public */
export function encodeEpochMessage(epoch: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_TYPE.DOC_EPOCH)
  encoding.writeVarString(encoder, epoch)
  return encoding.toUint8Array(encoder)
}
