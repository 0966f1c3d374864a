/**
 * A modal dialog over the meeting canvas (the toolkit's builders, the Three Houses dialogs): a
 * backdrop that keeps the pointer off the canvas, a labelled dialog around the form, Escape to
 * close, and the keyboard kept inside while it is open — Tab from the last control comes round to
 * the first, Shift+Tab from the first to the last — then given back to the button that opened it.
 * Keys stop at the dialog, so the canvas and the tools panel under it do not act on them too.
 *
 *   <CanvasDialog labelledBy={`${id}-title`} onClose={close} onSubmit={submit}>
 *     <h2 id={`${id}-title`}>…</h2> …fields and buttons…
 *   </CanvasDialog>
 */
import { useEffect, type FormEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react'
import { useReturnFocus } from '../ui/useReturnFocus.ts'

/** Props of {@link CanvasDialog}. */
export interface CanvasDialogProps {
  /** The id of the dialog's heading. */
  readonly labelledBy: string
  readonly onClose: () => void
  readonly onSubmit: (event: FormEvent<HTMLFormElement>) => void
  readonly formRef?: Ref<HTMLFormElement>
  /** The form checks its own fields and says what is missing in its own words. */
  readonly noValidate?: boolean
  readonly children: ReactNode
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** Keeps Tab and Shift+Tab among the dialog's own controls. */
function keepFocusInside(event: KeyboardEvent<HTMLElement>): void {
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0)
  const first = controls[0]
  const last = controls.at(-1)
  if (!first || !last) return
  const active = document.activeElement
  if (event.shiftKey && (active === first || !event.currentTarget.contains(active))) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && active === last) {
    event.preventDefault()
    first.focus()
  }
}

export function CanvasDialog({ labelledBy, onClose, onSubmit, formRef, noValidate, children }: CanvasDialogProps) {
  useReturnFocus()
  // What floats over the page outside the canvas ("Show as list") steps back while a dialog is open.
  useEffect(() => {
    document.body.classList.add('sm-dialog-open')
    return () => document.body.classList.remove('sm-dialog-open')
  }, [])
  return (
    <div className="sm-builder-backdrop" onPointerDown={(e) => e.stopPropagation()}>
      <div
        className="sm-builder"
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        onKeyDown={(e) => {
          e.stopPropagation()
          if (e.key === 'Escape') onClose()
          else if (e.key === 'Tab') keepFocusInside(e)
        }}
      >
        <form ref={formRef} onSubmit={onSubmit} noValidate={noValidate}>
          {children}
        </form>
      </div>
    </div>
  )
}
