/**
 * A button for something that cannot be undone (remove a person, end the meeting, finish the
 * map): the first press asks in plain words, right there, and offers "Yes" and "Cancel". No
 * browser dialog, so it works the same on a projector, a phone and in tests. The keyboard follows:
 * asking moves it to "Cancel" (the safe answer; a screen reader reads the question with it), and
 * "Cancel" brings it back to the button.
 *
 *   <ConfirmAction label={t('roster.remove')} question={t('roster.removeConfirm', { name })}
 *     confirmLabel={t('roster.removeYes')} onConfirm={() => remove(id)} />
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { BusyButton } from './BusyButton.tsx'

/** Props of {@link ConfirmAction}. */
export interface ConfirmActionProps {
  readonly label: string
  readonly question: string
  readonly confirmLabel: string
  readonly onConfirm: () => void | Promise<void>
  readonly disabled?: boolean
}

/** A two-step button. */
export function ConfirmAction({ label, question, confirmLabel, onConfirm, disabled }: ConfirmActionProps) {
  const { t } = useI18n()
  const id = useId()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  /** Set by a press in the box, so only the person's own answer moves the keyboard back. */
  const answered = useRef(false)

  useEffect(() => {
    if (asking) cancel.current?.focus()
    else if (answered.current) button.current?.focus()
    answered.current = false
  }, [asking])

  const close = () => {
    answered.current = true
    setAsking(false)
  }

  if (!asking) {
    return (
      <button ref={button} type="button" className="danger" onClick={() => setAsking(true)} disabled={disabled}>
        {label}
      </button>
    )
  }
  return (
    <div className="confirm-box" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>{question}</p>
      <div className="person-actions">
        <BusyButton
          type="button"
          className="danger confirm"
          busy={busy}
          onClick={async () => {
            setBusy(true)
            try {
              await onConfirm()
            } finally {
              setBusy(false)
              close()
            }
          }}
        >
          {confirmLabel}
        </BusyButton>
        <BusyButton ref={cancel} type="button" onClick={close} busy={busy}>
          {t('roster.cancel')}
        </BusyButton>
      </div>
    </div>
  )
}
