/**
 * "Hide": one tap covers the whole page with a plain screen that shows nothing of the meeting and
 * gives the tab a neutral title, for when someone comes near (guide §9 participant safety); one tap
 * on "Show the meeting again" brings it back as it was. Nothing else changes: the page, its
 * connection and her typed words stay, only out of sight (and out of the accessibility tree).
 *
 *   <HideScreen />   // in the page's top bar
 */
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useI18n } from '../i18n/I18nProvider.tsx'
import './safety.css'

/** On `<html>` while hidden: safety.css then hides everything on the page but the plain screen. */
const HIDDEN_CLASS = 'meeting-hidden'

/** Keeps the tab's title neutral while hidden, even when the page sets its own; gives the page's back after. */
function keepTitle(neutral: string): () => void {
  let restore = document.title
  document.title = neutral
  const observer = new MutationObserver(() => {
    if (document.title === neutral) return
    restore = document.title
    document.title = neutral
  })
  observer.observe(document.head, { subtree: true, childList: true, characterData: true })
  return () => {
    observer.disconnect()
    document.title = restore
  }
}

/** The Hide button, and the plain screen while hidden. */
export function HideScreen() {
  const { t } = useI18n()
  const [hidden, setHidden] = useState(false)
  const hideRef = useRef<HTMLButtonElement>(null)
  const showRef = useRef<HTMLButtonElement>(null)
  const shownOnce = useRef(false)
  const neutralTitle = t('hide.title')

  useEffect(() => {
    if (!hidden) return
    document.documentElement.classList.add(HIDDEN_CLASS)
    const giveTitleBack = keepTitle(neutralTitle)
    showRef.current?.focus()
    return () => {
      document.documentElement.classList.remove(HIDDEN_CLASS)
      giveTitleBack()
    }
  }, [hidden, neutralTitle])

  // Back to the meeting, the keyboard is where she left it: on Hide. Without preventScroll, Chromium
  // scrolls to the sticky bar's place in the page, and she loses where she was reading.
  useEffect(() => {
    if (hidden) shownOnce.current = true
    else if (shownOnce.current) hideRef.current?.focus({ preventScroll: true })
  }, [hidden])

  return (
    <>
      <button ref={hideRef} type="button" className="hide-screen-button" data-testid="hide-screen-button" onClick={() => setHidden(true)}>
        {t('hide.button')}
      </button>
      {hidden
        ? createPortal(
            <div className="hide-screen" data-testid="hide-screen">
              <button ref={showRef} type="button" onClick={() => setHidden(false)}>
                {t('hide.show')}
              </button>
            </div>,
            document.body,
          )
        : null}
    </>
  )
}
