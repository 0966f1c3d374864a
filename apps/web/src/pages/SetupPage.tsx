/**
 * `/setup#<code>`: a worker creates their account (the very first worker also gives a name and
 * email), then lands on the home page signed in. The code stays in the fragment, never sent in a URL.
 * The password's rule is shown and checked here; a link that no longer works offers sign-in, since
 * most often its account was already set up with it.
 *
 *   <SetupPage />
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { BusyButton } from '../access/BusyButton.tsx'
import { api, type SetupInfo } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { Link } from '../router/Link.tsx'
import { navigate } from '../router/navigation.ts'
import { FormError } from '../ui/FormError.tsx'
import { PageLayout } from '../ui/PageLayout.tsx'
import { TextField } from '../ui/TextField.tsx'
import { readFragment } from './readFragment.ts'

type SetupState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly info: SetupInfo }
  | { readonly status: 'failed'; readonly messageKey: MessageKey }

/** The account setup page. */
export function SetupPage() {
  const { t } = useI18n()
  const [code] = useState(readFragment)
  const [state, setState] = useState<SetupState>(() =>
    code ? { status: 'loading' } : { status: 'failed', messageKey: 'setup.missingCode' },
  )
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const [tooShort, setTooShort] = useState(false)
  const tooShortId = useId()
  const passwordRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (!code) return
    let current = true
    void api.getSetupInfo(code).then((result) => {
      if (!current) return
      if (result.ok) return setState({ status: 'ready', info: result.value })
      // The only input is the code, so a rejected request means a damaged link.
      const messageKey = result.error.code === 'FST_ERR_VALIDATION' ? 'error.setupInvalid' : result.error.messageKey
      setState({ status: 'failed', messageKey })
    })
    return () => {
      current = false
    }
  }, [code])

  if (state.status !== 'ready') {
    return (
      <PageLayout title={t('setup.heading')}>
        {state.status === 'loading' ? (
          <p aria-live="polite">{t('app.loading')}</p>
        ) : (
          <>
            <FormError messageKey={state.messageKey} />
            <Link to="/" className="button">
              {t('signIn.submit')}
            </Link>
          </>
        )}
      </PageLayout>
    )
  }

  const firstWorker = state.info.email === null
  const minLength = state.info.passwordMinLength
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    // Counted as the server counts (characters, not UTF-16 units).
    if ([...password].length < minLength) {
      setTooShort(true)
      passwordRef.current?.focus()
      return
    }
    setTooShort(false)
    setBusy(true)
    setError(null)
    const result = await api.setUp(
      firstWorker ? { code, name: name.trim(), email: email.trim(), password } : { code, password },
    )
    setBusy(false)
    if (result.ok) navigate('/', { replace: true })
    else setError(result.error.messageKey)
  }

  return (
    <PageLayout title={t('setup.heading')}>
      <form className="stack" onSubmit={submit} aria-busy={busy}>
        <p>{firstWorker ? t('setup.introFirst') : t('setup.introInvited', { email: state.info.email ?? '' })}</p>
        {firstWorker ? (
          <>
            <TextField label={t('setup.name')} autoComplete="name" value={name} onChange={setName} required />
            <TextField
              label={t('setup.email')}
              type="email"
              inputMode="email"
              autoComplete="username"
              value={email}
              onChange={setEmail}
              required
            />
          </>
        ) : null}
        <TextField
          label={t('setup.password')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          hint={t('setup.passwordHint', { count: minLength })}
          ref={passwordRef}
          aria-invalid={tooShort || undefined}
          aria-describedby={tooShort ? tooShortId : undefined}
          required
        />
        {tooShort ? <FormError messageKey="setup.passwordTooShort" vars={{ count: minLength }} id={tooShortId} /> : null}
        <FormError messageKey={error} />
        <BusyButton type="submit" className="primary" busy={busy}>
          {busy ? t('setup.busy') : t('setup.submit')}
        </BusyButton>
      </form>
    </PageLayout>
  )
}
