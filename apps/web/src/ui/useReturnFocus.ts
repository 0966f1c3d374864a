/**
 * For a dialog: once it closes, the keyboard goes back to where it was when the dialog opened
 * (the button that opened it), if that is still on the page.
 *
 *   function MyDialog() { useReturnFocus(); … }
 */
import { useEffect, useState } from 'react'

/** Remembers the focused element at the dialog's first render and focuses it again on unmount. */
export function useReturnFocus(): void {
  // Read while rendering: by the time effects run, the dialog's first field has taken the focus.
  const [opener] = useState(() => document.activeElement)
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    },
    [opener],
  )
}
