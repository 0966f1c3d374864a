/**
 * The facilitator's "Add a co-facilitator" form in Who's here: a colleague's work email, and they
 * run the meeting too (it shows in their list of meetings). A screen reader hears who was added,
 * politely; a refusal is shown under the field, which it describes, and the keyboard goes back to
 * the field so the email can be fixed at once.
 *
 *   {ended ? null : <AddFacilitatorForm meetingId={meeting.id} roster={access.roster} onAdded={access.refresh} />}
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { api, type RosterEntry } from '../api/api.ts'
import { BusyButton } from '../access/BusyButton.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { FormError } from '../ui/FormError.tsx'
import { TextField } from '../ui/TextField.tsx'

/** Props of {@link AddFacilitatorForm}. */
export interface AddFacilitatorFormProps {
  readonly meetingId: string
  /** Who is in the meeting now, to tell someone who already runs it from a new co-facilitator. */
  readonly roster: readonly RosterEntry[] | null
  /** Asks for the roster again, so the colleague shows in the list at once. */
  readonly onAdded: () => void
}

/** Adds another worker, by email, as a facilitator of `meetingId`. */
export function AddFacilitatorForm({ meetingId, roster, onAdded }: AddFacilitatorFormProps) {
  const { t } = useI18n()
  const ids = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [email, setEmail] = useState('')
  const [busy, setBusy] = useState(false)
  // A new object per refusal, so the same message twice still brings the keyboard back.
  const [refusal, setRefusal] = useState<{ readonly key: MessageKey } | null>(null)
  // Who was just added, kept as words to say in whichever language the page shows.
  const [done, setDone] = useState<{ readonly key: MessageKey; readonly name: string } | null>(null)

  useEffect(() => {
    // After the message is on the page, so the field is read out with it.
    if (refusal) inputRef.current?.focus()
  }, [refusal])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setDone(null)
    setRefusal(null)
    const trimmed = email.trim()
    if (!trimmed || inputRef.current?.validity.typeMismatch) return setRefusal({ key: 'addFacilitator.emailInvalid' })
    setBusy(true)
    const result = await api.addFacilitator(meetingId, trimmed)
    setBusy(false)
    // The email is all this call sends, so a 400 is the server's email check refusing it (format: email).
    if (!result.ok) return setRefusal({ key: result.error.status === 400 ? 'addFacilitator.emailInvalid' : result.error.messageKey })
    const { id, name } = result.value
    const already = roster?.some((entry) => entry.id === id && entry.role === 'facilitator') ?? false
    setDone({ key: already ? 'addFacilitator.already' : 'addFacilitator.added', name })
    setEmail('')
    onAdded()
  }

  return (
    // noValidate: the refusal is ours, in the page's language and tied to the field.
    <form className="add-facilitator" aria-labelledby={`${ids}-heading`} onSubmit={submit} noValidate aria-busy={busy}>
      <h3 id={`${ids}-heading`}>{t('addFacilitator.heading')}</h3>
      <TextField
        ref={inputRef}
        label={t('addFacilitator.email')}
        hint={t('addFacilitator.hint')}
        type="email"
        inputMode="email"
        autoComplete="off"
        maxLength={254}
        value={email}
        onChange={setEmail}
        aria-invalid={refusal ? true : undefined}
        aria-describedby={refusal ? `${ids}-error` : undefined}
      />
      <BusyButton type="submit" busy={busy}>
        {busy ? t('addFacilitator.busy') : t('addFacilitator.button')}
      </BusyButton>
      <FormError messageKey={refusal?.key ?? null} id={`${ids}-error`} />
      <p className="muted" role="status" data-testid="add-facilitator-status">
        {done ? t(done.key, { name: done.name }) : ''}
      </p>
    </form>
  )
}
