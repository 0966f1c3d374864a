/**
 * The bytes relay instances exchange over Redis pub/sub, one message per PUBLISH. Only our own
 * instances write them, yet every message is decoded completely and a bad one is dropped, never
 * half-applied. Version 1:
 *
 * ```
 * channel "safetymap:doc:<meetingId>"  (one per meeting; subscribed while the room is loaded)
 *   varUint 1 (version), varString fromInstanceId, varUint kind, then per kind:
 *   0 update           varUint link, varUint counter, varUint8Array yjsUpdate
 *   1 awareness        varUint8Array frame            (a y-websocket frame [1, awarenessUpdate])
 *   2 awareness-query  (nothing)
 *
 * channel "safetymap:control"          (every instance, always)
 *   varUint 1 (version), varString fromInstanceId, varUint kind, then per kind:
 *   0 heartbeat        (nothing)                      (every HEARTBEAT_INTERVAL_MS)
 *   1 goodbye          (nothing)                      (on graceful shutdown)
 *   2 command          varString json                 (a RelayCommand; ids and codes only)
 *   3 peers            varUint complete (0|1), varString json [[meetingId, [participantId…]]…]
 *                      (who is connected to the sender, per meeting; complete: every other meeting has none)
 *   4 peers-query      (nothing)                      ("send me your complete peers")
 *   5 roster-changed   varString meetingId            (a meeting's roster changed; its roster streams refresh)
 * ```
 *
 * ```ts
 * redis.publish(meetingChannel(id), encodeMeetingMessage(instanceId, { kind: 'awareness', frame }))
 * const decoded = decodeMeetingMessage(bytes)
 * ```
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { decodeFailure, describeError, type Decoded } from '../protocol/wire.ts'
import type { MeetingMessage, MeetingMessageBody, RelayCommand } from './RelayFanout.ts'

const WIRE_VERSION = 1
const CHANNEL_PREFIX = 'safetymap:'

/** Channel of every instance's control messages. @internal */
export const CONTROL_CHANNEL = `${CHANNEL_PREFIX}control`
const MEETING_CHANNEL_PREFIX = `${CHANNEL_PREFIX}doc:`

/** @internal */
export const meetingChannel = (meetingId: string): string => MEETING_CHANNEL_PREFIX + meetingId
/** The meeting id of a meeting channel, or null for any other channel. @internal */
export const meetingOfChannel = (channel: string): string | null =>
  channel.startsWith(MEETING_CHANNEL_PREFIX) ? channel.slice(MEETING_CHANNEL_PREFIX.length) : null

const MEETING_KIND = { update: 0, awareness: 1, 'awareness-query': 2 } as const
const CONTROL_KIND = { heartbeat: 0, goodbye: 1, command: 2, peers: 3, 'peers-query': 4, 'roster-changed': 5 } as const

/** A decoded control-channel message. @internal */
export type ControlMessage =
  | { readonly kind: 'heartbeat'; readonly from: string }
  | { readonly kind: 'goodbye'; readonly from: string }
  | { readonly kind: 'command'; readonly from: string; readonly command: RelayCommand }
  | { readonly kind: 'peers'; readonly from: string; readonly peers: PeersMessageBody }
  | { readonly kind: 'peers-query'; readonly from: string }
  | { readonly kind: 'roster-changed'; readonly from: string; readonly meetingId: string }

/** Participant ids connected to one instance, per meeting; `complete` replaces all the sender's earlier ones. @internal */
export interface PeersMessageBody {
  readonly complete: boolean
  readonly meetings: ReadonlyArray<readonly [meetingId: string, participantIds: readonly string[]]>
}

/** What {@link encodeControlMessage} takes: a control message without its sender. @internal */
export type ControlMessageBody = ControlMessage extends infer M ? (M extends { from: string } ? Omit<M, 'from'> : never) : never

const header = (from: string, kind: number): encoding.Encoder => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, WIRE_VERSION)
  encoding.writeVarString(encoder, from)
  encoding.writeVarUint(encoder, kind)
  return encoder
}

/** @internal */
export function encodeMeetingMessage(from: string, message: MeetingMessageBody): Uint8Array {
  const encoder = header(from, MEETING_KIND[message.kind])
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(encoder, message.link)
      encoding.writeVarUint(encoder, message.counter)
      encoding.writeVarUint8Array(encoder, message.update)
      break
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.frame)
      break
    case 'awareness-query':
      break
    default: {
      const unreachable: never = message
      throw new Error(`unhandled fan-out message ${String(unreachable)}`)
    }
  }
  return encoding.toUint8Array(encoder)
}

/** @internal */
export function encodeControlMessage(from: string, message: ControlMessageBody): Uint8Array {
  const encoder = header(from, CONTROL_KIND[message.kind])
  if (message.kind === 'command') encoding.writeVarString(encoder, JSON.stringify(message.command))
  if (message.kind === 'peers') {
    encoding.writeVarUint(encoder, message.peers.complete ? 1 : 0)
    encoding.writeVarString(encoder, JSON.stringify(message.peers.meetings))
  }
  if (message.kind === 'roster-changed') encoding.writeVarString(encoder, message.meetingId)
  return encoding.toUint8Array(encoder)
}

const readHeader = (decoder: decoding.Decoder): { from: string; kind: number } => {
  const version = decoding.readVarUint(decoder)
  if (version !== WIRE_VERSION) throw new Error(`unknown fan-out wire version ${version}`)
  return { from: decoding.readVarString(decoder), kind: decoding.readVarUint(decoder) }
}

/** Decodes the whole message (copying the payloads) and checks nothing trails. @internal */
export function decodeMeetingMessage(bytes: Uint8Array): Decoded<MeetingMessage> {
  const decoder = decoding.createDecoder(bytes)
  let message: MeetingMessage
  try {
    const { from, kind } = readHeader(decoder)
    switch (kind) {
      case MEETING_KIND.update: {
        const link = decoding.readVarUint(decoder)
        const counter = decoding.readVarUint(decoder)
        message = { kind: 'update', from, link, counter, update: decoding.readVarUint8Array(decoder).slice() }
        break
      }
      case MEETING_KIND.awareness:
        message = { kind: 'awareness', from, frame: decoding.readVarUint8Array(decoder).slice() }
        break
      case MEETING_KIND['awareness-query']:
        message = { kind: 'awareness-query', from }
        break
      default:
        return decodeFailure(`fan-out: unknown meeting message kind ${kind}`)
    }
  } catch (error) {
    return decodeFailure(`fan-out: truncated meeting message (${describeError(error)})`)
  }
  if (decoding.hasContent(decoder)) return decodeFailure('fan-out: trailing bytes after meeting message')
  return { ok: true, value: message }
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isCloseCode = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1000 && (value as number) <= 4999

/** Checks the shape of a command read from JSON. @internal */
function parseCommand(value: unknown): RelayCommand | null {
  if (typeof value !== 'object' || value === null) return null
  const c = value as Record<string, unknown>
  switch (c.kind) {
    case 'close-participant':
      if (!isString(c.participantId) || !isCloseCode(c.code) || !isString(c.reason)) return null
      if (c.docIds !== null && !(Array.isArray(c.docIds) && c.docIds.every(isString))) return null
      return { kind: 'close-participant', participantId: c.participantId, docIds: c.docIds as string[] | null, code: c.code, reason: c.reason }
    case 'close-meeting':
      if (!isString(c.meetingId) || !isCloseCode(c.code) || !isString(c.reason)) return null
      return { kind: 'close-meeting', meetingId: c.meetingId, code: c.code, reason: c.reason }
    case 'purge-meeting':
      return isString(c.meetingId) ? { kind: 'purge-meeting', meetingId: c.meetingId } : null
    default:
      return null
  }
}

/** Checks the shape of a peers list read from JSON. */
function parsePeers(value: unknown): PeersMessageBody['meetings'] | null {
  if (!Array.isArray(value)) return null
  const valid = value.every((entry: unknown) =>
    Array.isArray(entry) && entry.length === 2 && isString(entry[0]) && Array.isArray(entry[1]) && (entry[1] as unknown[]).every(isString))
  return valid ? (value as PeersMessageBody['meetings']) : null
}

/** @internal */
export function decodeControlMessage(bytes: Uint8Array): Decoded<ControlMessage> {
  const decoder = decoding.createDecoder(bytes)
  let message: ControlMessage
  try {
    const { from, kind } = readHeader(decoder)
    switch (kind) {
      case CONTROL_KIND.heartbeat:
        message = { kind: 'heartbeat', from }
        break
      case CONTROL_KIND.goodbye:
        message = { kind: 'goodbye', from }
        break
      case CONTROL_KIND.command: {
        const command = parseCommand(JSON.parse(decoding.readVarString(decoder)))
        if (!command) return decodeFailure('fan-out: malformed command')
        message = { kind: 'command', from, command }
        break
      }
      case CONTROL_KIND.peers: {
        const complete = decoding.readVarUint(decoder) === 1
        const meetings = parsePeers(JSON.parse(decoding.readVarString(decoder)))
        if (!meetings) return decodeFailure('fan-out: malformed peers')
        message = { kind: 'peers', from, peers: { complete, meetings } }
        break
      }
      case CONTROL_KIND['peers-query']:
        message = { kind: 'peers-query', from }
        break
      case CONTROL_KIND['roster-changed']:
        message = { kind: 'roster-changed', from, meetingId: decoding.readVarString(decoder) }
        break
      default:
        return decodeFailure(`fan-out: unknown control message kind ${kind}`)
    }
  } catch (error) {
    return decodeFailure(`fan-out: truncated control message (${describeError(error)})`)
  }
  if (decoding.hasContent(decoder)) return decodeFailure('fan-out: trailing bytes after control message')
  return { ok: true, value: message }
}
