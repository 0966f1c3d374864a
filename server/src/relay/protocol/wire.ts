/**
 * Framing shared by every relay protocol: the y-websocket envelope and the decode result type.
 *
 * Every frame is binary: `varUint messageType` followed by that type's body.
 *
 * | type | name            | body                                  | file           |
 * |------|-----------------|---------------------------------------|----------------|
 * | 0    | sync            | `varUint syncType`, then see sync.ts  | `sync.ts`      |
 * | 1    | awareness       | `varUint8Array awarenessUpdate`       | `awareness.ts` |
 * | 2    | auth            | never sent by clients; rejected        |                |
 * | 3    | query awareness | empty                                 | `awareness.ts` |
 * | 64   | doc epoch       | `varString epoch`; server to client only, | `epoch.ts`   |
 * |      |                 | and only to clients that sent `?epoch=` |                |
 *
 * `varUint` is lib0's unsigned LEB128 (7 bits per byte, high bit = more); `varUint8Array` is a
 * `varUint` length followed by that many bytes; `varString` is a `varUint8Array` of UTF-8.
 */
import * as decoding from 'lib0/decoding'

/** Top-level message types of the y-websocket protocol. @public */
export const MESSAGE_TYPE = {
  SYNC: 0,
  AWARENESS: 1,
  AUTH: 2,
  QUERY_AWARENESS: 3,
  /** Our extension (RL-13): the doc's epoch, sent only to clients that ask for it. */
  DOC_EPOCH: 64,
} as const

/** @public */
export type MessageType = (typeof MESSAGE_TYPE)[keyof typeof MESSAGE_TYPE]

/**
 * Result of decoding untrusted bytes. `reason` names the field and what was wrong, never any
 * content, so it can be logged.
 * @public
 */
export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string }

/** @internal */
export const decodeFailure = (reason: string): { ok: false; reason: string } => ({ ok: false, reason })

/** Short, content-free description of a thrown decode error. @internal */
export const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 120) : 'unknown error'

/**
 * Reads a `varUint8Array` and copies it, so nothing decoded later can reach bytes outside it and
 * the socket's buffer is not kept alive. Throws (lib0) when the length runs past the end.
 * @internal
 */
export const readOwnedBytes = (decoder: decoding.Decoder): Uint8Array => decoding.readVarUint8Array(decoder).slice()
