/**
 * Owns the picture of the canvas that goes with an export: tldraw renders the page to a PNG in
 * this browser (the server cannot run tldraw's renderer). Kept under the server's limit by
 * halving the scale once; a picture that still does not fit, or fails, is left out and the export
 * says the picture is missing.
 *
 *   const picture = await renderCanvasPicture(editor) // Blob | null
 */
import type { Editor } from 'tldraw'

/** The server's limit for the picture (server/src/export/canvasPicture.ts). */
export const MAX_CANVAS_PICTURE_BYTES = 8 * 1024 * 1024

/** A PNG of every shape on the page, or `null` when it cannot be made small enough. */
export async function renderCanvasPicture(editor: Editor): Promise<Blob | null> {
  for (const scale of [1, 0.5]) {
    try {
      const { blob } = await editor.toImage([], { format: 'png', background: true, padding: 32, scale, pixelRatio: 1 })
      if (blob.size <= MAX_CANVAS_PICTURE_BYTES) return blob
    } catch {
      return null
    }
  }
  return null
}
