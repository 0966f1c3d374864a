/**
 * Brings a card a builder just wrote into the doc into view, so the person who saved it sees it
 * arrive: map-model places it in its section, which may be off screen. The view only slides
 * (same zoom), and only when the card is not already wholly in view; focus is left alone.
 *
 *   showNewCard(editor, addDangerStatement(doc, slots, author))
 */
import { Box, type Editor, type TLShapeId } from 'tldraw'

/** How far inside the canvas's edges (screen pixels) the card must be to count as in view: tldraw's panels stand there. */
const EDGE_PX = 48

/** How long to wait for the doc's write to reach the canvas before giving up. */
const WAIT_MS = 2000

/** Slides the view to the card with `id` once the canvas shows it, unless it is already in view. */
export function showNewCard(editor: Editor, id: string): void {
  const shapeId = id as TLShapeId
  const show = () => {
    const bounds = editor.getShapePageBounds(shapeId)
    if (!bounds) return false
    const view = editor.getViewportPageBounds().clone().expandBy(-EDGE_PX / editor.getZoomLevel())
    if (!Box.Contains(view, bounds)) editor.centerOnPoint(bounds.center, { animation: { duration: 240 } })
    return true
  }
  if (show()) return
  const stop = editor.store.listen(
    () => {
      if (show()) done()
    },
    { source: 'all', scope: 'document' },
  )
  const timer = setTimeout(done, WAIT_MS)
  function done() {
    stop()
    clearTimeout(timer)
  }
}
