/**
 * `/join#<token>`: a calm, phone-first page that asks one question — the joiner's name — and
 * then opens the meeting. The invite link is replaced in history once it has been used.
 *
 *   <JoinPage />
 */
import { useState, type FormEvent } from 'react'
import { api } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { meetingPath } from '../router/matchRoute.ts'
import { navigate } from '../router/navigation.ts'
import { FormError } from '../ui/FormError.tsx'
import { PageLayout } from '../ui/PageLayout.tsx'
import { TextField } from '../ui/TextField.tsx'
import { readFragment } from './readFragment.ts'

/** The join page for family and network members. */
export function JoinPage() {
  const { t } = useI18n()
  const [token] = useState(readFragment)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(token ? null : 'join.missingToken')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (trimmed === '') return setError('join.nameRequired')
    setBusy(true)
    setError(null)
    const result = await api.join({ token, name: trimmed })
    setBusy(false)
    if (result.ok) navigate(meetingPath(result.value.meetingId), { replace: true })
    // The name is checked here already, so a rejected request means a damaged link.
    else setError(result.error.code === 'FST_ERR_VALIDATION' ? 'error.inviteInvalid' : result.error.messageKey)
  }

  return (
    <PageLayout title={t('join.heading')}>
      <form className="stack" onSubmit={submit} aria-busy={busy} noValidate>
        <p>{t('join.intro')}</p>
        <TextField
          label={t('join.name')}
          hint={t('join.nameHint')}
          autoComplete="name"
          autoCapitalize="words"
          enterKeyHint="go"
          maxLength={80}
          value={name}
          onChange={setName}
          disabled={!token}
          required
        />
        <FormError messageKey={error} />
        <button type="submit" className="primary" disabled={busy || !token}>
          {busy ? t('join.busy') : t('join.submit')}
        </button>
      </form>
    </PageLayout>
  )
}
