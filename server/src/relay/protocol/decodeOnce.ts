/**
 * An update's values decoded once, not twice. The relay decodes every update completely to check
 * it (`checkUpdate`), then Yjs decodes it again to apply it; the values inside (tldraw records,
 * most of an everyday update's bytes) are the costly part of both passes. The check's decoder
 * keeps each value it read with the byte range it came from; the apply's decoder hands that value
 * back when it stands at the same byte, and decodes for itself otherwise.
 *
 * Yjs stores such values in the doc as they are and never changes them, so sharing the check's
 * objects with the doc is safe.
 *
 * ```ts
 * const checked = checkUpdate(update)           // decodes with a RecordingUpdateDecoderV1
 * applyCheckedUpdate(doc, update, checked.value, origin)
 * ```
 */
import type * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/** One value the check read: its bytes were `[start, end)` of the update. */
interface ReadValue {
  readonly start: number
  readonly end: number
  readonly value: unknown
}

/** What the check kept of an update, for its apply. @internal */
export interface DecodedValues {
  /** The bytes the values were read from: they are used for an apply of these bytes only. */
  readonly source: Uint8Array
  readonly values: readonly ReadValue[]
}

/** The byte decoder and values of the update being decoded (`Y.decodeUpdateV2` hides its decoder). */
let recording: { decoder: decoding.Decoder; values: ReadValue[] } | null = null

/** Yjs' own v1 decoder, keeping what it reads in `recording`. @internal */
export class RecordingUpdateDecoderV1 extends Y.UpdateDecoderV1 {
  private readonly values: ReadValue[] = []

  constructor(decoder: decoding.Decoder) {
    super(decoder)
    recording = { decoder, values: this.values }
  }

  override readAny(): unknown {
    const start = this.restDecoder.pos
    const value = super.readAny()
    this.values.push({ start, end: this.restDecoder.pos, value })
    return value
  }
}

/** Takes what the last {@link RecordingUpdateDecoderV1} read: its byte decoder and values. @internal */
export function takeRecording(): { readonly decoder: decoding.Decoder; readonly values: ReadValue[] } | null {
  const taken = recording
  recording = null
  return taken
}

/** The values of the update being applied, for the next {@link ReplayingUpdateDecoderV1}. */
let replaying: readonly ReadValue[] = []

class ReplayingUpdateDecoderV1 extends Y.UpdateDecoderV1 {
  private readonly values = replaying
  private next = 0

  override readAny(): unknown {
    const at = this.restDecoder.pos
    while (this.next < this.values.length && this.values[this.next]!.start < at) this.next++
    const read = this.values[this.next]
    if (read === undefined || read.start !== at) return super.readAny()
    this.next++
    this.restDecoder.pos = read.end
    return read.value
  }
}

/** `Y.applyUpdate`, taking the values of `update` from its check instead of decoding them again. @internal */
export function applyCheckedUpdate(doc: Y.Doc, update: Uint8Array, checked: Partial<DecodedValues>, origin: unknown): void {
  replaying = checked.source === update ? (checked.values ?? []) : []
  try {
    // The decoder is constructed synchronously at the start of the apply, and takes `replaying`.
    Y.applyUpdateV2(doc, update, origin, ReplayingUpdateDecoderV1)
  } finally {
    replaying = []
  }
}
