/**
 * The staff sign-in form on the home page: email and password, then `onSignedIn` with the worker.
 * Family and network members never need it; the form says so and points them to their invite link.
 * When sign-in fails the keyboard goes to the password field, which the error describes, so it can
 * be typed again at once.
 *
 *   <SignInForm onSignedIn={(worker) => setMe({ kind: 'worker', worker })} />
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { BusyButton } from '../access/BusyButton.tsx'
import { api, type Worker } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { FormError } from '../ui/FormError.tsx'
import { TextField } from '../ui/TextField.tsx'

/** Email + password form; calls `onSignedIn` once the server has set the session cookie. */
export function SignInForm({ onSignedIn }: { onSignedIn: (worker: Worker) => void }) {
  const { t } = useI18n()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const errorId = useId()
  const passwordRef = useRef<HTMLInputElement>(null)
  const wrong = error === 'error.badCredentials'

  useEffect(() => {
    // After the error is on the page, so the field is read out with it.
    if (error === null) return
    passwordRef.current?.focus()
    passwordRef.current?.select()
  }, [error])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const result = await api.signIn({ email: email.trim(), password })
    setBusy(false)
    if (result.ok) onSignedIn(result.value.worker)
    else setError(result.error.messageKey)
  }

  return (
    <form className="stack" onSubmit={submit} aria-busy={busy}>
      <p>{t('signIn.intro')}</p>
      <TextField
        label={t('signIn.email')}
        type="email"
        autoComplete="username"
        inputMode="email"
        value={email}
        onChange={setEmail}
        aria-invalid={wrong || undefined}
        required
      />
      <TextField
        label={t('signIn.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        ref={passwordRef}
        aria-invalid={wrong || undefined}
        aria-describedby={error ? errorId : undefined}
        required
      />
      <FormError messageKey={error} id={errorId} />
      <BusyButton type="submit" className="primary" busy={busy}>
        {busy ? t('signIn.busy') : t('signIn.submit')}
      </BusyButton>
      <p className="muted">{t('signIn.familyHint')}</p>
    </form>
  )
}
