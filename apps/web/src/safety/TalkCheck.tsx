/**
 * The talk check on a remote participant's page: the question with its reason and two answers
 * ("Yes, I can talk" / "Not right now") and a way to close it, and the small control that brings
 * it back to change the answer. Renders nothing for anyone not asked (useTalkCheck.ts).
 *
 *   <TalkCheckButton check={check} />   // in the page's top bar
 *   <TalkCheckQuestion check={check} /> // under it
 */
import type { CanTalk } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { FormError } from '../ui/FormError.tsx'
import { focusOnMount } from '../ui/focusOnMount.ts'
import type { TalkCheck } from './useTalkCheck.ts'
import './safety.css'

const ANSWERS: readonly { readonly answer: CanTalk; readonly label: MessageKey }[] = [
  { answer: 'yes', label: 'talkCheck.yes' },
  { answer: 'not-now', label: 'talkCheck.notNow' },
]

/** The small control that asks the question again; always there for someone asked. */
export function TalkCheckButton({ check }: { check: TalkCheck }) {
  const { t } = useI18n()
  if (!check.asked) return null
  return (
    <button ref={check.controlRef} type="button" className="talk-check-open" aria-expanded={check.open} onClick={check.open ? check.close : check.reopen}>
      {t('talkCheck.open')}
    </button>
  )
}

/**
 * The question while it shows, or the thank-you line once she answered. `floating` (the board):
 * over the canvas's bottom corner, clear of the tools, rather than above it, so the map does not move under her pointer.
 * `withControl` (the phone, whose bar has no room for it): the control in the question's place while it is closed.
 */
export function TalkCheckQuestion({ check, floating = false, withControl = false }: { check: TalkCheck; floating?: boolean; withControl?: boolean }) {
  const { t } = useI18n()
  if (!check.asked) return null
  return (
    <div className={floating ? 'talk-check-floating' : 'talk-check-inline'}>
      {withControl && !check.open ? <TalkCheckButton check={check} /> : null}
      {/* Always there, so the thank-you is read out when it comes. */}
      <p className="talk-check-saved" role="status" data-testid="talk-check-saved">
        {check.saved ? t('talkCheck.saved') : ''}
      </p>
      {check.open ? (
        <section className="talk-check" aria-labelledby="talk-check-question" data-testid="talk-check">
          {/* Brought back by her, it takes the focus once, so a screen reader reads it first. */}
          <h2 id="talk-check-question" tabIndex={-1} ref={check.focusQuestion ? focusOnMount : undefined}>
            {t('talkCheck.question')}
          </h2>
          <p>{t('talkCheck.why')}</p>
          <div className="talk-check-answers">
            {ANSWERS.map(({ answer, label }) => (
              <button key={answer} type="button" aria-pressed={check.answer === answer} onClick={() => void check.choose(answer)}>
                {t(label)}
              </button>
            ))}
          </div>
          <FormError messageKey={check.error} />
          <button type="button" className="talk-check-close" onClick={check.close}>
            {t('talkCheck.close')}
          </button>
        </section>
      ) : null}
    </div>
  )
}
