/**
 * Frames the map when the canvas opens: the whole width of the template, from its top, so the
 * three column headings are readable at once on a laptop or projector. The rest is a scroll away.
 *
 *   // in <Tldraw onMount>, once the doc's zones are in the store
 *   showMapTop(editor)
 */
import type { Editor } from 'tldraw'

/** Moves the camera to show the page's content at full width, aligned to its top edge. */
export function showMapTop(editor: Editor): void {
  const content = editor.getCurrentPageBounds()
  if (!content) return
  const viewport = editor.getViewportScreenBounds()
  const visibleHeight = Math.min(content.h, (content.w * viewport.h) / Math.max(viewport.w, 1))
  editor.zoomToBounds({ x: content.x, y: content.y, w: content.w, h: visibleHeight }, { targetZoom: 1 })
}
