/**
 * What a form had typed in it when it could no longer send ("Add to …", "Change", a number with
 * its reasons): the words stay on screen, read-only, with what happened and what to do, a button
 * that copies them, and one that lets them go (the focus then moves to the heading of the part of
 * the list they sat in). Why they could not be sent (`why`) picks what it says: the map was
 * finished (the person running the meeting can open it again), the connection ended (the notice at
 * the top says what to do), or the map left the phone (removed, meeting ended: only the person's
 * own new words are shown, outside the map, and this phone does not keep them). The form it
 * replaces had the focus (`hadFocus`): the notice takes it, so a screen reader says what happened
 * instead of falling silent at the top of the page. Where a notice above already alerts (the
 * meeting ended), `alert={false}` keeps this one from being announced over it.
 *
 *   {kept && typed ? <KeptWords why={kept} text={typed} onDone={forget} /> : null}
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { focusOwnHeading } from './focusHeading.ts'

/** Why a form's words could not be sent. */
export type KeptWhy = 'finished' | 'disconnected' | 'removed' | 'closed'

const NOTICE = {
  finished: 'phone.kept.finished',
  disconnected: 'phone.kept.disconnected',
  removed: 'phone.kept.removed',
  closed: 'phone.kept.closed',
} as const

/** Props of {@link KeptWords}. */
export interface KeptWordsProps {
  readonly why: KeptWhy
  readonly text: string
  /** She is done with them: the form forgets its draft. */
  readonly onDone: () => void
  /** Whether the keyboard focus was in what this replaces (useFocusWithin.ts). */
  readonly hadFocus?: () => boolean
  /** Whether the notice is announced as it appears (default); not when another alert says it. */
  readonly alert?: boolean
}

/** The words that could not be sent, to read and copy. */
export function KeptWords({ why, text, onDone, hadFocus, alert = true }: KeptWordsProps) {
  const { t } = useI18n()
  const id = useId()
  const boxRef = useRef<HTMLTextAreaElement>(null)
  const noticeRef = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    // The focus went with what this replaced (it is on the body now): it comes here.
    const active = document.activeElement
    if (hadFocus?.() && (active === null || active === document.body)) noticeRef.current?.focus()
  }, [hadFocus])
  const [copy, setCopy] = useState<'copied' | 'selected' | null>(null)
  const copyWords = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setCopy('copied')
    } catch {
      // No clipboard here (an address without https): the phone's own Copy works on a selection.
      boxRef.current?.select()
      setCopy('selected')
    }
  }
  return (
    <div className="phone-kept" data-testid="phone-kept" data-why={why}>
      <p className="phone-notice" role={alert ? 'alert' : undefined} ref={noticeRef} tabIndex={-1} data-testid="phone-kept-notice">
        {t(NOTICE[why])}
      </p>
      <label htmlFor={`${id}-words`} className="phone-label">
        {t('phone.kept.label')}
      </label>
      <textarea id={`${id}-words`} ref={boxRef} value={text} rows={3} readOnly />
      <p className="phone-hint" role="status">
        {copy === 'copied' ? t('phone.kept.copied') : copy === 'selected' ? t('phone.kept.selected') : ''}
      </p>
      <div className="phone-actions">
        <button type="button" className="primary" onClick={() => void copyWords()}>
          {t('phone.kept.copy')}
        </button>
        <button
          type="button"
          onClick={(event) => {
            // This button goes with the words, as does the one that opened the form.
            focusOwnHeading(event.currentTarget)
            onDone()
          }}
        >
          {t('phone.kept.done')}
        </button>
      </div>
    </div>
  )
}
