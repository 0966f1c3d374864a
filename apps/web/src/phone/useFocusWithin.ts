/**
 * Whether the keyboard focus is inside an element that may give way to something else — a form to
 * the words it kept (KeptWords.tsx), the map to the notice that it left — so what replaces it can
 * take the focus: when a focused element goes, the browser drops the focus on the page's body,
 * and a screen reader says nothing of what happened. Native focusin/focusout, as the list page's
 * Preact does not bubble `onFocus` the way React does. The browser blurs an element as it removes
 * it, while it is still on the page: where the focus went is read once that is over, and a blur
 * that came from a removal leaves `had()` saying where the focus was.
 *
 *   const within = useFocusWithin()
 *   <form ref={within.ref}>…</form>  // later, in its place: <KeptWords hadFocus={within.had} …/>
 */
import { useMemo } from 'react'

/** The ref to put on the element, and whether the focus was last inside it. */
export interface FocusWithin {
  readonly ref: (element: HTMLElement | null) => void
  readonly had: () => boolean
}

/** Tracks the focus inside one element. */
export function useFocusWithin(): FocusWithin {
  return useMemo(() => {
    let inside = false
    let watched: HTMLElement | null = null
    const onIn = () => {
      inside = true
    }
    const onOut = (event: FocusEvent) => {
      const { target } = event
      const element = watched
      setTimeout(() => {
        // Moving between its fields blurs one and focuses the next: it ends inside.
        inside = (target instanceof Node && !target.isConnected) || (element?.contains(document.activeElement) ?? false)
      })
    }
    return {
      ref(element) {
        watched?.removeEventListener('focusin', onIn)
        watched?.removeEventListener('focusout', onOut)
        watched = element
        // A field inside may have taken the focus as it appeared, before this ref (focusOnMount.ts).
        if (element) inside = element.contains(document.activeElement)
        element?.addEventListener('focusin', onIn)
        element?.addEventListener('focusout', onOut)
      },
      had: () => inside,
    }
  }, [])
}
