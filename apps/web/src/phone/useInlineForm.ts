/**
 * The keyboard side of a form that opens in place of its button on the phone ("Add to …",
 * "Change", Remove's question, a number): Escape cancels it as its Cancel button does, and closing
 * it either way puts the focus back on the button that opened it, so a keyboard or screen-reader
 * user is not dropped at the top of the page.
 *
 *   const form = useInlineForm(() => setOpen(false))
 *   open ? <form onKeyDown={form.onKeyDown}>… <button onClick={form.close}>Cancel</button></form>
 *        : <button ref={form.openerRef} onClick={() => setOpen(true)}>Add</button>
 */
import { useRef, type KeyboardEvent, type RefObject } from 'react'

/** What an inline form and its button wire up. */
export interface InlineForm {
  readonly openerRef: RefObject<HTMLButtonElement | null>
  /** Closes the form and gives the focus back to its button. */
  readonly close: () => void
  /** Escape closes the form. */
  readonly onKeyDown: (event: KeyboardEvent) => void
}

/** A keydown handler that calls `cancel` on Escape. */
export function cancelOnEscape(cancel: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    // While an input method is composing a word, Escape belongs to it.
    if (event.key !== 'Escape' || event.nativeEvent.isComposing) return
    event.preventDefault()
    cancel()
  }
}

/** Closing by Cancel, Escape or after saving, with the focus back on the opening button. */
export function useInlineForm(onClose: () => void): InlineForm {
  const openerRef = useRef<HTMLButtonElement>(null)
  const close = () => {
    onClose()
    // The button is back once the closed form has rendered.
    requestAnimationFrame(() => openerRef.current?.focus())
  }
  return { openerRef, close, onKeyDown: cancelOnEscape(close) }
}
