/**
 * A button that keeps the keyboard while its work runs. `disabled` would push the focus to the
 * page body, so a keyboard or screen reader user starts again from the top; instead, while `busy`,
 * the button is `aria-disabled` (and looks disabled, app.css) and ignores presses. Preventing the
 * click also stops a submit button from sending its form again, from Enter in a field too, since
 * the browser submits a form from the keyboard by clicking its submit button.
 *
 *   <BusyButton type="submit" className="primary" busy={busy}>{busy ? t('signIn.busy') : t('signIn.submit')}</BusyButton>
 */
import type { ButtonHTMLAttributes, Ref } from 'react'

/** Props of {@link BusyButton}: a button's, with `busy` in place of `disabled`. */
export interface BusyButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'aria-disabled'> {
  readonly busy: boolean
  readonly ref?: Ref<HTMLButtonElement>
}

/** A button that says it is busy without giving up focus. */
export function BusyButton({ busy, onClick, ...button }: BusyButtonProps) {
  return (
    <button
      {...button}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault()
        else onClick?.(event)
      }}
    />
  )
}
