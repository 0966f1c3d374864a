/**
 * The awareness protocol (message types 1 and 3): presence (cursor, name, colour) that is relayed
 * but never stored.
 *
 * ```
 * [1, varUint8Array awarenessUpdate]
 *   awarenessUpdate = varUint count, then count × (varUint clientID, varUint clock, varString stateJSON)
 *   stateJSON "null" means "this client left"
 * [3]                                  query awareness: "send me every state you know"
 * ```
 *
 * Decoding checks every entry (lengths, UTF-8, JSON) and that nothing trails; it keeps the JSON
 * text so the room can re-encode a filtered update without re-serialising states, and the parsed
 * state so the room can check who it claims to be (map-model `speaksForItself`).
 *
 * ```ts
 * const decoded = decodeAwarenessBody(decoder)
 * room.broadcast(encodeAwarenessFrame(entries.map(encodeAwarenessEntry)))
 * ```
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MESSAGE_TYPE, decodeFailure, describeError, readOwnedBytes, type Decoded } from './wire.ts'

/** One client's entry in an awareness update. @public */
export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  /** The state as received (JSON text); `"null"` for a removal. */
  readonly stateJson: string
  /** UTF-8 byte length of `stateJson`. */
  readonly stateBytes: number
  /** The entry's bytes as received (`clientID, clock, state`), to relay it without encoding it again. */
  readonly encoded?: Uint8Array
  /** The state as parsed while checking it (absent on entries the relay encodes itself). */
  readonly state?: unknown
}

/** A decoded awareness message. @public */
export interface AwarenessMessage {
  readonly type: 'awareness'
  readonly entries: readonly AwarenessEntry[]
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Decodes the body of an awareness message (the decoder stands after the message type). @public */
export function decodeAwarenessBody(decoder: decoding.Decoder): Decoded<AwarenessMessage> {
  let update: Uint8Array
  try {
    update = readOwnedBytes(decoder)
  } catch (error) {
    return decodeFailure(`awareness: truncated frame (${describeError(error)})`)
  }
  if (decoding.hasContent(decoder)) return decodeFailure('awareness: trailing bytes after update')
  const inner = decoding.createDecoder(update)
  const entries: AwarenessEntry[] = []
  try {
    const count = decoding.readVarUint(inner)
    // Each entry takes at least 3 bytes, so a count past that is a lie (and would spin the loop).
    if (count > update.length) return decodeFailure('awareness.count: larger than the update')
    for (let i = 0; i < count; i++) {
      const start = inner.pos
      const clientId = decoding.readVarUint(inner)
      const clock = decoding.readVarUint(inner)
      const bytes = decoding.readVarUint8Array(inner)
      const stateJson = utf8.decode(bytes)
      const state: unknown = JSON.parse(stateJson)
      entries.push({ clientId, clock, stateJson, stateBytes: bytes.byteLength, encoded: update.subarray(start, inner.pos), state })
    }
  } catch (error) {
    return decodeFailure(`awareness.entries: invalid (${describeError(error)})`)
  }
  if (decoding.hasContent(inner)) return decodeFailure('awareness: trailing bytes after entries')
  return { ok: true, value: { type: 'awareness', entries } }
}

const writeEntry = (encoder: encoding.Encoder, entry: Pick<AwarenessEntry, 'clientId' | 'clock' | 'stateJson'>): void => {
  encoding.writeVarUint(encoder, entry.clientId)
  encoding.writeVarUint(encoder, entry.clock)
  encoding.writeVarString(encoder, entry.stateJson)
}

/** Encodes entries as an awareness update (the inner payload). @public */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) writeEntry(encoder, entry)
  return encoding.toUint8Array(encoder)
}

/** Encodes one entry alone (no count), to be joined with others into an update. @public */
export function encodeAwarenessEntry(entry: Pick<AwarenessEntry, 'clientId' | 'clock' | 'stateJson'>): Uint8Array {
  const encoder = encoding.createEncoder()
  writeEntry(encoder, entry)
  return encoding.toUint8Array(encoder)
}

/**
 * `[1, update]` for entries already encoded ({@link encodeAwarenessEntry}, or as received), in one
 * allocation: this is every presence frame the relay sends, many times a second per room.
 * @public
 */
export function encodeAwarenessFrame(entries: readonly Uint8Array[]): Uint8Array {
  let entryBytes = 0
  for (const entry of entries) entryBytes += entry.byteLength
  const innerLength = varUintLength(entries.length) + entryBytes
  const frame = new Uint8Array(1 + varUintLength(innerLength) + innerLength)
  frame[0] = MESSAGE_TYPE.AWARENESS
  let at = writeVarUint(frame, 1, innerLength)
  at = writeVarUint(frame, at, entries.length)
  for (const entry of entries) {
    frame.set(entry, at)
    at += entry.byteLength
  }
  return frame
}

/** Bytes lib0's `writeVarUint` takes for `value`. */
const varUintLength = (value: number): number => {
  let length = 1
  while (value > 0x7f) {
    value = Math.floor(value / 0x80)
    length++
  }
  return length
}

/** lib0's `writeVarUint` into `target` at `at`; returns the next position. */
const writeVarUint = (target: Uint8Array, at: number, value: number): number => {
  while (value > 0x7f) {
    target[at++] = 0x80 | (value & 0x7f)
    value = Math.floor(value / 0x80)
  }
  target[at++] = value
  return at
}

/** `[1, update]`: wraps an awareness update for the wire. @public */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_TYPE.AWARENESS)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}
