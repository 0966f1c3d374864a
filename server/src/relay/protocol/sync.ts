/**
 * The sync protocol (message type 0): decoding what peers send, encoding what the relay sends.
 *
 * ```
 * [0, 0, varUint8Array stateVector]   sync step 1: "here is what I have"
 * [0, 1, varUint8Array update]        sync step 2: "here is what you lack"
 * [0, 2, varUint8Array update]        update: a live edit
 * ```
 *
 * Unlike y-protocols' `readSyncMessage`, nothing here applies anything: an update is decoded
 * completely with `Y.decodeUpdate` and the frame must end exactly after it (RL-2); only then may
 * the room apply it. `Y.applyUpdate` alone is not atomic and can integrate half an update.
 *
 * ```ts
 * const decoded = decodeSyncBody(decoder)       // after the room read the message type
 * socket.send(encodeSyncStep1(doc))
 * ```
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { RecordingUpdateDecoderV1, takeRecording, type DecodedValues } from './decodeOnce.ts'
import { MESSAGE_TYPE, decodeFailure, describeError, readOwnedBytes, type Decoded } from './wire.ts'

/** Sub-types of a sync message. @public */
export const SYNC_TYPE = {
  STEP_1: 0,
  STEP_2: 1,
  UPDATE: 2,
} as const

/**
 * An update's structs and delete set, as `Y.decodeUpdate` returns them (not integrated), with the
 * values read on the way, so applying it does not decode them again (`decodeOnce.ts`). @public
 */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate> & Partial<DecodedValues>

/** A decoded sync message; updates carry their decoded form so nothing decodes them twice. @public */
export type SyncMessage =
  | { readonly type: 'sync-step-1'; readonly stateVector: Uint8Array }
  | { readonly type: 'sync-step-2'; readonly update: Uint8Array; readonly decoded: DecodedUpdate }
  | { readonly type: 'sync-update'; readonly update: Uint8Array; readonly decoded: DecodedUpdate }

/**
 * Decodes the body of a sync message (the decoder stands just after the message type).
 * Checks that the frame ends after the payload, and fully decodes the payload.
 * @public
 */
export function decodeSyncBody(decoder: decoding.Decoder): Decoded<SyncMessage> {
  let syncType: number
  let payload: Uint8Array
  try {
    syncType = decoding.readVarUint(decoder)
    payload = readOwnedBytes(decoder)
  } catch (error) {
    return decodeFailure(`sync: truncated frame (${describeError(error)})`)
  }
  if (decoding.hasContent(decoder)) return decodeFailure('sync: trailing bytes after payload')
  switch (syncType) {
    case SYNC_TYPE.STEP_1:
      try {
        Y.decodeStateVector(payload)
      } catch (error) {
        return decodeFailure(`sync.step1.stateVector: invalid (${describeError(error)})`)
      }
      return { ok: true, value: { type: 'sync-step-1', stateVector: payload } }
    case SYNC_TYPE.STEP_2:
    case SYNC_TYPE.UPDATE: {
      const checked = checkUpdate(payload)
      if (!checked.ok) return decodeFailure(`sync.${syncType === SYNC_TYPE.STEP_2 ? 'step2' : 'update'}: ${checked.reason}`)
      return {
        ok: true,
        value: { type: syncType === SYNC_TYPE.STEP_2 ? 'sync-step-2' : 'sync-update', update: payload, decoded: checked.value },
      }
    }
    default:
      return decodeFailure(`sync.type: expected 0, 1 or 2, got ${syncType}`)
  }
}

/**
 * Decodes `update` if it is exactly one complete Yjs (v1) update: Yjs' decoder reads every struct
 * and the delete set and throws on any truncation (measured: all 262 prefixes of a 263-byte
 * update), and no byte may follow the delete set (`Y.decodeUpdate` alone ignores such bytes).
 * `update` must own its buffer (see `readOwnedBytes`).
 * @public
 */
export function checkUpdate(update: Uint8Array): Decoded<DecodedUpdate> {
  try {
    const decoded = Y.decodeUpdateV2(update, RecordingUpdateDecoderV1)
    const read = takeRecording()
    if (read && decoding.hasContent(read.decoder)) return decodeFailure('trailing bytes after the delete set')
    return { ok: true, value: read ? { ...decoded, source: update, values: read.values } : decoded }
  } catch (error) {
    takeRecording()
    return decodeFailure(`not a complete Yjs update (${describeError(error)})`)
  }
}

const encodeSync = (syncType: number, payload: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_TYPE.SYNC)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** `[0, 0, stateVector(doc)]`: sent to every peer on connect (RL-1). @public */
export const encodeSyncStep1 = (doc: Y.Doc): Uint8Array => encodeSync(SYNC_TYPE.STEP_1, Y.encodeStateVector(doc))

/** `[0, 1, diff]`: the answer to a peer's step 1. @public */
export const encodeSyncStep2 = (doc: Y.Doc, stateVector?: Uint8Array): Uint8Array =>
  encodeSync(SYNC_TYPE.STEP_2, Y.encodeStateAsUpdate(doc, stateVector))

/** `[0, 1, update]`: a step 2 whose update was encoded elsewhere (a worker, RL-15). @public */
export const encodeSyncStep2Update = (update: Uint8Array): Uint8Array => encodeSync(SYNC_TYPE.STEP_2, update)

/** `[0, 2, update]`: one broadcast, encoded once for all peers (RL-3). @public */
export const encodeSyncUpdate = (update: Uint8Array): Uint8Array => encodeSync(SYNC_TYPE.UPDATE, update)
