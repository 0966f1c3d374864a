/**
 * `/setup#<code>`: a worker creates their account (the very first worker also gives a name and
 * email), then lands on the home page signed in. The code stays in the fragment, never sent in a URL.
 *
 *   <SetupPage />
 */
import { useEffect, useState, type FormEvent } from 'react'
import { BusyButton } from '../access/BusyButton.tsx'
import { api, type SetupInfo } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
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
        {state.status === 'loading' ? <p aria-live="polite">{t('app.loading')}</p> : <FormError messageKey={state.messageKey} />}
      </PageLayout>
    )
  }

  const firstWorker = state.info.email === null
  const submit = async (event: FormEvent) => {
    event.preventDefault()
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
          required
        />
        <FormError messageKey={error} />
        <BusyButton type="submit" className="primary" busy={busy}>
          {busy ? t('setup.busy') : t('setup.submit')}
        </BusyButton>
      </form>
    </PageLayout>
  )
}
