/**
 * tldraw's keyboard shortcuts (a letter picks a tool, Delete removes the selection) listen on the
 * whole page while the editor counts as focused, and it counts as focused from the start until
 * told otherwise. So with a card selected, Delete pressed on the "Show names" switch above the
 * canvas deleted the card, and typing on a link in the meeting bar changed tools. Here the editor
 * is focused exactly while the keyboard is inside the canvas (tldraw's own panels included), and
 * not while it is on our bar, tools strip, panels or dialogs outside it.
 *
 * tldraw also moves the map by the wheel only while focused, so after a press on one of our buttons
 * the wheel was dead until the map was clicked: a wheel over the canvas counts as focused just for
 * tldraw's own listener, and the keyboard (with the shortcuts off) stays on the button.
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
  const afterWheel = () => {
    if (!container.contains(document.activeElement)) editor.updateInstanceState({ isFocused: false })
  }
  const beforeWheel = (event: WheelEvent) => {
    if (editor.getInstanceState().isFocused) return
    editor.updateInstanceState({ isFocused: true })
    // Added while the wheel is on its way, so it runs after tldraw's listener on the canvas.
    const canvas = event.target instanceof Element ? event.target.closest('.tl-canvas') : null
    if (canvas) canvas.addEventListener('wheel', afterWheel, { once: true })
    else afterWheel()
  }
  document.addEventListener('focusin', onFocusIn)
  container.addEventListener('pointerdown', onPointerDown, true)
  container.addEventListener('wheel', beforeWheel, true)
  return () => {
    document.removeEventListener('focusin', onFocusIn)
    container.removeEventListener('pointerdown', onPointerDown, true)
    container.removeEventListener('wheel', beforeWheel, true)
  }
}
