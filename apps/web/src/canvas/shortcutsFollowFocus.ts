/**
 * tldraw's keyboard shortcuts (a letter picks a tool, Delete removes the selection) listen on the
 * whole page while the editor counts as focused, and it counts as focused from the start until
 * told otherwise. So with a card selected, Delete pressed on the "Show names" switch above the
 * canvas deleted the card, and typing on a link in the meeting bar changed tools. Here the editor
 * is focused exactly while the keyboard is inside the canvas (tldraw's own panels included), and
 * not while it is on our bar, tools strip, panels or dialogs outside it.
 *
 *   // in <Tldraw onMount>
 *   shortcutsFollowFocus(editor)
 */
import type { Editor } from 'tldraw'

/** Keeps the editor's focus state in step with where the keyboard is; returns the cleanup. */
export function shortcutsFollowFocus(editor: Editor): () => void {
  const container = editor.getContainer()
  const document = container.ownerDocument
  const onFocusIn = (event: FocusEvent) => {
    const inside = event.target instanceof Node && container.contains(event.target)
    if (inside === editor.getInstanceState().isFocused) return
    // Only the state: moving the DOM focus here would fight the person's own Tab.
    editor.updateInstanceState({ isFocused: inside })
  }
  // A press on the canvas need not move the DOM focus, but it is the person working on the canvas again.
  const onPointerDown = () => {
    if (!editor.getInstanceState().isFocused) editor.updateInstanceState({ isFocused: true })
  }
  document.addEventListener('focusin', onFocusIn)
  container.addEventListener('pointerdown', onPointerDown, true)
  return () => {
    document.removeEventListener('focusin', onFocusIn)
    container.removeEventListener('pointerdown', onPointerDown, true)
  }
}
