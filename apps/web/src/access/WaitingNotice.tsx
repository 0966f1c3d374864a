/**
 * The facilitator's notice that someone is waiting to be let in, under the meeting bar, shown
 * whether the "Who's here" panel is open or closed: a lobby that only the panel shows is easy to
 * miss on a projector, and the person on the other side keeps waiting. One person: their name and
 * "Let in", which lets them in exactly as the panel's button does (`useLobby`). More than one: how
 * many, so each is let in from the panel with their details in view. "Open Who's here" opens the
 * panel at the waiting list.
 *
 * The words sit in a polite live region that is always on the page (empty while no one waits), so
 * screen readers announce each change; the buttons sit beside it, not in it, so they are not read
 * out every time. When "Let in" goes while it has the keyboard, the keyboard is not lost with it: it
 * moves to "Open Who's here" when someone still waits (a second person arrived), else to
 * `returnFocusRef` (the "Who's here" button).
 *
 *   <WaitingNotice lobby={lobby} panelId="whos-here-panel" onShowWaiting={showWaiting} returnFocusRef={toggleRef} />
 */
import { useEffect, useId, useRef, type RefObject } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { FormError } from '../ui/FormError.tsx'
import './access.css'
import type { Lobby } from './useLobby.ts'

/** Props of {@link WaitingNotice}. */
export interface WaitingNoticeProps {
  readonly lobby: Pick<Lobby, 'waiting' | 'admit' | 'error'>
  /** The "Who's here" panel's element id, for `aria-controls`. */
  readonly panelId: string
  /** Opens the panel and brings the waiting list into view. */
  readonly onShowWaiting: () => void
  /** Where focus goes when the notice empties while it had focus. */
  readonly returnFocusRef?: RefObject<HTMLElement | null>
}

/** "Grandma Lorna is waiting to join — Let in / Open Who's here", or nothing. */
export function WaitingNotice({ lobby, panelId, onShowWaiting, returnFocusRef }: WaitingNoticeProps) {
  const { t } = useI18n()
  const textId = useId()
  const focusInside = useRef(false)
  const { waiting } = lobby
  const only = waiting.length === 1 ? waiting[0] : undefined
  const someoneWaits = waiting.length > 0
  const oneWaits = only !== undefined
  const showWaitingButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!focusInside.current) return
    const active = document.activeElement
    const lost = active === null || active === document.body
    if (lost) (someoneWaits ? showWaitingButton.current : returnFocusRef?.current)?.focus()
    if (lost || !someoneWaits) focusInside.current = false
  }, [someoneWaits, oneWaits, returnFocusRef])

  let text = ''
  if (only) text = t('whosHere.waitingOne', { name: only.name })
  else if (someoneWaits) text = t('whosHere.waitingMany', { count: waiting.length })

  return (
    <div
      className={someoneWaits ? 'waiting-notice' : undefined}
      data-testid="waiting-notice"
      onFocus={() => {
        focusInside.current = true
      }}
      onBlur={(event) => {
        // No next element: the focused button was removed (or the window lost focus), so keep
        // the mark for the effect above.
        if (event.relatedTarget !== null) focusInside.current = false
      }}
    >
      <p id={textId} role="status" className="waiting-notice-text">
        {text}
      </p>
      {someoneWaits ? (
        <>
          <div className="waiting-notice-actions">
            {only ? (
              <button type="button" aria-describedby={textId} onClick={() => void lobby.admit(only.id)}>
                {t('roster.admit')}
              </button>
            ) : null}
            <button ref={showWaitingButton} type="button" aria-controls={panelId} onClick={onShowWaiting}>
              {t('whosHere.showWaiting')}
            </button>
          </div>
          <FormError messageKey={lobby.error} />
        </>
      ) : null}
    </div>
  )
}
