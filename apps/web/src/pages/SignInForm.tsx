/**
 * The staff sign-in form on the home page: email and password, then `onSignedIn` with the worker.
 * Family and network members never need it; the form says so and points them to their invite link.
 *
 *   <SignInForm onSignedIn={(worker) => setMe({ kind: 'worker', worker })} />
 */
import { useState, type FormEvent } from 'react'
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
        required
      />
      <TextField
        label={t('signIn.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        required
      />
      <FormError messageKey={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('signIn.busy') : t('signIn.submit')}
      </button>
      <p className="muted">{t('signIn.familyHint')}</p>
    </form>
  )
}
