/**
 * tldraw turns a pointer's place on the page into a place on the map with where it last saw its
 * canvas on screen. It looks again when the canvas changes size, but through a 200 ms throttle
 * shared with its once-a-second look, so a change soon after any look waits for the rest of the
 * 200 ms. Our page is one full-window column: when the bar, a notice or the tool row above the
 * canvas grows or shrinks (a line's "These two are" switch, 40 px), the canvas moves and changes
 * height by that much, and a click in the wait landed that far off, beside the shape meant.
 * Here tldraw looks again as soon as the canvas has changed size.
 *
 *   // in <Tldraw onMount>
 *   return screenBoundsFollowLayout(editor)
 */
import type { Editor } from 'tldraw'

/** Updates tldraw's screen bounds as soon as the canvas changes size; returns the cleanup. */
export function screenBoundsFollowLayout(editor: Editor): () => void {
  const container = editor.getContainer()
  const resized = new ResizeObserver(() => editor.updateViewportScreenBounds(container))
  resized.observe(container)
  return () => resized.disconnect()
}
