/**
 * Present mode's mark on the page: `FollowMe` puts the class on `<body>` while this screen shows
 * the map to a room, and the board's CSS sets larger type under it. What fits words to a fixed box
 * (a toolkit card) reads `usePresentMode()` to fit them again when the type changes.
 *
 *   document.body.classList.toggle(PRESENT_CLASS, present)
 *   const present = usePresentMode()
 */
import { useSyncExternalStore } from 'react'

export const PRESENT_CLASS = 'sm-present'

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] })
  return () => observer.disconnect()
}

const isPresenting = () => document.body.classList.contains(PRESENT_CLASS)

/** True while this screen is in present mode. */
export function usePresentMode(): boolean {
  return useSyncExternalStore(subscribe, isPresenting, () => false)
}
