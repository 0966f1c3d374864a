/**
 * A server-to-client websocket message as the bytes that go on the wire (RFC 6455 §5.2: FIN,
 * binary opcode, unmasked, 7/16/64-bit length), so a broadcast frames its bytes once and writes
 * the same buffer to every socket — instead of `ws` building a header and two writes per socket.
 *
 * The last payload framed is remembered: a broadcast hands the same bytes to each socket in turn.
 *
 * ```ts
 * stream.write(binaryFrame(bytes))
 * ```
 */

const FIN_BINARY = 0x82

let lastPayload: Uint8Array | null = null
let lastFrame: Buffer = Buffer.alloc(0)

/** `payload` as one unmasked, final, binary websocket frame. */
export function binaryFrame(payload: Uint8Array): Buffer {
  if (payload === lastPayload) return lastFrame
  const length = payload.byteLength
  const headerBytes = length < 126 ? 2 : length < 65_536 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerBytes + length)
  frame[0] = FIN_BINARY
  if (headerBytes === 2) {
    frame[1] = length
  } else if (headerBytes === 4) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(payload, headerBytes)
  lastPayload = payload
  lastFrame = frame
  return frame
}
