/**
 * The keyboard side of a panel a button opens over the meeting (Meeting details, Audit trail,
 * Export, private ratings): when it opens the focus moves into it, Escape closes it, and closing
 * it by either way puts the focus back on its button — so a keyboard user is never left on the
 * page body. When the focus moves on to anything else (Tab past its end, another panel's button,
 * the canvas), the panel closes, so panels do not stay open behind the person or pile up.
 *
 *   const keys = usePanelKeyboard(open, () => setOpen(false))
 *   <button ref={keys.buttonRef} …>…</button>
 *   {open && <section ref={keys.panelRef} tabIndex={-1} role="dialog">… <button onClick={keys.close}>Close</button></section>}
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react'

/** What a panel and its button wire up. */
export interface PanelKeyboard {
  readonly buttonRef: RefObject<HTMLButtonElement | null>
  readonly panelRef: RefObject<HTMLElement | null>
  /** Closes the panel and gives the focus back to its button. */
  readonly close: () => void
}

/** Focus into the panel on open, Escape to close, focus back to the button on close. */
export function usePanelKeyboard(open: boolean, onClose: () => void): PanelKeyboard {
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLElement>(null)
  const close = useCallback(() => {
    onClose()
    buttonRef.current?.focus()
  }, [onClose])
  useEffect(() => {
    if (!open) return
    panelRef.current?.focus()
    // On the document, not the panel: a button that disables itself while it works (Save) drops
    // the focus to the page body, and Escape must still close the panel from there.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      const target = event.target
      const inPanel = target instanceof Node && (panelRef.current?.contains(target) ?? false)
      if (!inPanel && target !== document.body) return
      // The canvas below must not take this Escape too.
      event.stopPropagation()
      close()
    }
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target
      if (!(target instanceof Node) || target === document.body) return
      if (panelRef.current?.contains(target) || buttonRef.current?.contains(target)) return
      onClose()
    }
    document.addEventListener('keydown', onKeyDown, true)
    document.addEventListener('focusin', onFocusIn)
    return () => {
      document.removeEventListener('keydown', onKeyDown, true)
      document.removeEventListener('focusin', onFocusIn)
    }
  }, [open, close, onClose])
  return { buttonRef, panelRef, close }
}
