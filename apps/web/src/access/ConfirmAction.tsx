/**
 * A button for something that cannot be undone (remove a person, end the meeting, finish the
 * map): the first press asks in plain words, right there, and offers "Yes" and "Cancel". No
 * browser dialog, so it works the same on a projector, a phone and in tests.
 *
 *   <ConfirmAction label={t('roster.remove')} question={t('roster.removeConfirm', { name })}
 *     confirmLabel={t('roster.removeYes')} onConfirm={() => remove(id)} />
 */
import { useState } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'

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
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  if (!asking) {
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)} disabled={disabled}>
        {label}
      </button>
    )
  }
  return (
    <div className="confirm-box" role="group" aria-label={label}>
      <p>{question}</p>
      <div className="person-actions">
        <button
          type="button"
          className="danger confirm"
          disabled={busy}
          onClick={async () => {
            setBusy(true)
            try {
              await onConfirm()
            } finally {
              setBusy(false)
              setAsking(false)
            }
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" onClick={() => setAsking(false)} disabled={busy}>
          {t('roster.cancel')}
        </button>
      </div>
    </div>
  )
}
