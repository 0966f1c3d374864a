/**
 * While `active`, leaving or reloading the page first asks the browser's "Leave site?" question:
 * for words that exist only on this screen (changes made offline, a note being typed).
 *
 *   useWarnBeforeLeaving(text.trim() !== '')
 */
import { useEffect } from 'react'

export function useWarnBeforeLeaving(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [active])
}
