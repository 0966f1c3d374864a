/**
 * Starts a meeting: a name and the language of the map's headings, then straight to its canvas.
 *
 *   <NewMeetingForm />
 */
import { LOCALES, type Locale } from '@safetymap/map-model'
import { useId, useState, type FormEvent } from 'react'
import { api } from '../api/api.ts'
import { toLocale } from '../i18n/chooseLocale.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { meetingPath } from '../router/matchRoute.ts'
import { navigate } from '../router/navigation.ts'
import { FormError } from '../ui/FormError.tsx'
import { TextField } from '../ui/TextField.tsx'

/** Form that creates a meeting and opens it. */
export function NewMeetingForm() {
  const { t, locale } = useI18n()
  const localeId = useId()
  const [title, setTitle] = useState('')
  const [mapLocale, setMapLocale] = useState<Locale>(locale)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const trimmed = title.trim()
    if (trimmed === '') return setError('newMeeting.titleRequired')
    setBusy(true)
    setError(null)
    const result = await api.createMeeting({ title: trimmed, locale: mapLocale })
    setBusy(false)
    if (result.ok) navigate(meetingPath(result.value.id))
    else setError(result.error.messageKey)
  }

  return (
    <section className="stack" aria-labelledby="new-meeting-heading">
      <h2 id="new-meeting-heading">{t('newMeeting.heading')}</h2>
      <form className="stack" onSubmit={submit} aria-busy={busy} noValidate>
        <TextField
          label={t('newMeeting.title')}
          hint={t('newMeeting.titleHint')}
          value={title}
          onChange={setTitle}
          maxLength={200}
          autoComplete="off"
          required
        />
        <div className="field">
          <label htmlFor={localeId}>{t('newMeeting.locale')}</label>
          <select id={localeId} value={mapLocale} onChange={(event) => setMapLocale(toLocale(event.target.value) ?? mapLocale)}>
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {t(`language.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <FormError messageKey={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('newMeeting.busy') : t('newMeeting.submit')}
        </button>
      </form>
    </section>
  )
}
