/**
 * Owns the optional picture of the canvas: a PNG rendered by tldraw in the facilitator's browser
 * (`editor.toImage(…, { format: 'png' })`) and posted with the export request. The server cannot
 * run tldraw's renderer, so it only checks the bytes are a PNG of sane size and reads its
 * dimensions from the IHDR chunk; it never decodes or trusts anything else.
 *
 * ```ts
 * const result = readCanvasPicture(body)
 * if (!result.ok) throw new ExportPictureInvalid()
 * ```
 */
import { sha256Hex, type ExportCanvasPicture } from './CaseFileExport.ts'

/** Largest picture accepted, in bytes. */
export const MAX_CANVAS_PICTURE_BYTES = 8 * 1024 * 1024
/** Largest side accepted, in pixels. */
export const MAX_CANVAS_PICTURE_SIDE_PX = 8192

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export interface CanvasPicture {
  readonly png: Buffer
  readonly width: number
  readonly height: number
  readonly sha256: string
}

export type CanvasPictureResult =
  | { ok: true; picture: CanvasPicture }
  | { ok: false; reason: 'not-png' | 'too-large' | 'bad-dimensions' }

/** Validates a PNG (signature, IHDR first, dimensions) and describes it. */
export function readCanvasPicture(bytes: Buffer): CanvasPictureResult {
  if (bytes.length > MAX_CANVAS_PICTURE_BYTES) return { ok: false, reason: 'too-large' }
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { ok: false, reason: 'not-png' }
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') return { ok: false, reason: 'not-png' }
  const width = bytes.readUInt32BE(16)
  const height = bytes.readUInt32BE(20)
  if (width < 1 || height < 1 || width > MAX_CANVAS_PICTURE_SIDE_PX || height > MAX_CANVAS_PICTURE_SIDE_PX) {
    return { ok: false, reason: 'bad-dimensions' }
  }
  return { ok: true, picture: { png: bytes, width, height, sha256: sha256Hex(bytes) } }
}

/** How the export model describes a picture (or its absence). */
export function describePicture(picture: CanvasPicture | null): ExportCanvasPicture {
  return picture
    ? { included: true, mediaType: 'image/png', width: picture.width, height: picture.height, sha256: picture.sha256 }
    : { included: false }
}
