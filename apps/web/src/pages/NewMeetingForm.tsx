/**
 * Starts a meeting: a name, the language of the map's headings and what to start with (the
 * three columns, a variant, or a child's template beside them — Three Houses only once a parent
 * agreed), optionally the details for the case file (case reference, kind of meeting, purpose,
 * times; a time left half filled in is refused beside its field, as in "Meeting details"), then
 * straight to its canvas.
 *
 *   <NewMeetingForm />
 */
import { TEMPLATE_IDS, isTemplateId, type Locale, type TemplateId } from '@safetymap/map-model'
import { useId, useState, type FormEvent } from 'react'
import { BusyButton } from '../access/BusyButton.tsx'
import { api } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { meetingPath } from '../router/matchRoute.ts'
import { navigate } from '../router/navigation.ts'
import { FormError } from '../ui/FormError.tsx'
import { MeetingDetailsFields } from '../meetingDetails/MeetingDetailsFields.tsx'
import { MeetingLanguageField } from '../meetingDetails/MeetingLanguageField.tsx'
import { EMPTY_DRAFT, detailsFromDraft, endsBeforeStart } from '../meetingDetails/meetingDetailsDraft.ts'
import { useIncompleteTime } from '../meetingDetails/useIncompleteTime.ts'
import { TextField } from '../ui/TextField.tsx'

/** Form that creates a meeting and opens it. */
export function NewMeetingForm() {
  const { t, locale } = useI18n()
  const [title, setTitle] = useState('')
  // The map's language follows the page's (switched after the form opened too) until she chooses one.
  const [chosenMapLocale, setMapLocale] = useState<Locale | null>(null)
  const mapLocale = chosenMapLocale ?? locale
  const [details, setDetails] = useState(EMPTY_DRAFT)
  const times = useIncompleteTime()
  const templateId = useId()
  const [template, setTemplate] = useState<TemplateId>('three-column')
  const [consentGivenBy, setConsentGivenBy] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const trimmed = title.trim()
    if (trimmed === '') return setError('newMeeting.titleRequired')
    // A half-entered time would reach the server as no time at all.
    if (times.refuse()) return setError(null)
    if (endsBeforeStart(details)) return setError('meetingDetails.endBeforeStart')
    const givenBy = consentGivenBy.trim()
    if (template === 'three-houses' && givenBy === '') return setError('newMeeting.consentRequired')
    setBusy(true)
    setError(null)
    const result = await api.createMeeting({
      title: trimmed,
      locale: mapLocale,
      template,
      ...(template === 'three-houses' ? { parentConsent: { givenBy } } : {}),
      ...detailsFromDraft(details),
    })
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
        <MeetingLanguageField value={mapLocale} onChange={setMapLocale} />
        <div className="field">
          <label htmlFor={templateId}>{t('newMeeting.template')}</label>
          <p className="field-hint" id={`${templateId}-hint`}>
            {t('newMeeting.templateHint')}
          </p>
          <select
            id={templateId}
            aria-describedby={`${templateId}-hint`}
            value={template}
            onChange={(event) => setTemplate(isTemplateId(event.target.value) ? event.target.value : template)}
          >
            {TEMPLATE_IDS.map((option) => (
              <option key={option} value={option}>
                {t(`templates.${option}`)}
              </option>
            ))}
          </select>
        </div>
        {template === 'three-houses' ? (
          <TextField
            label={t('newMeeting.consentGivenBy')}
            hint={t('newMeeting.consentHint')}
            value={consentGivenBy}
            onChange={setConsentGivenBy}
            maxLength={120}
            autoComplete="off"
            required
          />
        ) : null}
        <details className="stack">
          <summary>{t('meetingDetails.more')}</summary>
          <MeetingDetailsFields
            value={details}
            onChange={(next) => {
              setDetails(next)
              times.clear()
            }}
            timeRefs={times.timeRefs}
            incompleteTime={times.incompleteTime}
          />
        </details>
        <FormError messageKey={error} />
        <BusyButton type="submit" className="primary" busy={busy}>
          {busy ? t('newMeeting.busy') : t('newMeeting.submit')}
        </BusyButton>
      </form>
    </section>
  )
}
