/**
 * Owns the pictures of the canvas, rendered by tldraw in this browser (the server cannot run
 * tldraw's renderer): the PNG that goes with a case-file export, and the PNG or SVG a facilitator
 * downloads. A picture shows what the text exports show: restricted items and, in the child's own
 * template (Three Houses), notes the child did not agree to share are left out of it.
 *
 *   const picture = await renderCanvasPicture(editor)          // Blob | null, under the server's limit
 *   const svg = await renderCanvasImage(editor, 'svg')         // Blob | null
 */
import { CHILDS_OWN_TEMPLATES, isTemplateId, NOTE_SHAPE_TYPE, ZONE_SHAPE_TYPE } from '@safetymap/map-model'
import type { Box, Editor, TLShapeId } from 'tldraw'

/** The server's limits for the picture (server/src/export/canvasPicture.ts). */
export const MAX_CANVAS_PICTURE_BYTES = 8 * 1024 * 1024
export const MAX_CANVAS_PICTURE_SIDE_PX = 8192

/** Space around the map in the picture, in page units (scaled with it). */
const PADDING = 32

/** The shapes a picture shows: every shape on the page except what the exports leave out. */
export function pictureShapeIds(editor: Editor): TLShapeId[] {
  const shapes = editor.getCurrentPageShapesSorted()
  const childsZones = shapes
    .filter((s) => s.type === ZONE_SHAPE_TYPE && isTemplateId(s.meta.templateId) && CHILDS_OWN_TEMPLATES.has(s.meta.templateId))
    .map((s) => editor.getShapePageBounds(s))
    .filter((b): b is Box => b !== undefined)
  const notShared = (id: TLShapeId) => {
    const centre = editor.getShapePageBounds(id)?.center
    return centre !== undefined && childsZones.some((b) => b.containsPoint(centre))
  }
  return shapes
    .filter((s) => s.meta.restricted !== true)
    .filter((s) => s.type !== NOTE_SHAPE_TYPE || s.meta.childAgreed === true || !notShared(s.id))
    .map((s) => s.id)
}

/** A picture of the map in the given format, or `null` when tldraw cannot make one. */
export async function renderCanvasImage(editor: Editor, format: 'png' | 'svg', scale = 1): Promise<Blob | null> {
  const ids = pictureShapeIds(editor)
  if (ids.length === 0) return null
  try {
    const { blob } = await editor.toImage(ids, { format, background: true, padding: PADDING, scale, ...(format === 'png' ? { pixelRatio: 1 } : {}) })
    return blob
  } catch {
    return null
  }
}

/**
 * The largest scale (at most 1) at which the picture of `ids` stays within the server's longest
 * side: a map with Three Houses, the Safety House and the circles beside it is wider than that.
 */
function scaleWithinSide(editor: Editor, ids: TLShapeId[]): number {
  const bounds = editor.getShapesPageBounds(ids)
  if (!bounds) return 1
  // A few pixels to spare for rounding.
  return Math.min(1, (MAX_CANVAS_PICTURE_SIDE_PX - 4) / (Math.max(bounds.w, bounds.h) + 2 * PADDING))
}

/** A PNG for the case-file export within the server's limits (its longest side, then halving once for size); else `null`. */
export async function renderCanvasPicture(editor: Editor): Promise<Blob | null> {
  const fits = scaleWithinSide(editor, pictureShapeIds(editor))
  for (const scale of [fits, fits / 2]) {
    const blob = await renderCanvasImage(editor, 'png', scale)
    if (!blob) return null
    if (blob.size <= MAX_CANVAS_PICTURE_BYTES) return blob
  }
  return null
}
