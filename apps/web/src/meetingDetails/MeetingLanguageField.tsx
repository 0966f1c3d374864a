/**
 * The meeting's language in the "Meeting details" dialog: the language of the board's own words
 * on every screen that has not picked its own, and of the family copy. The hint says what changes
 * and that people's own words do not.
 *
 *   <MeetingLanguageField value={locale} onChange={setLocale} />
 */
import { useId } from 'react'
import { LOCALES, type Locale } from '@safetymap/map-model'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { toLocale } from '../i18n/chooseLocale.ts'

/** Label, hint naming the chosen language, and the choice. */
export function MeetingLanguageField({ value, onChange }: { readonly value: Locale; readonly onChange: (locale: Locale) => void }) {
  const { t } = useI18n()
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{t('meetingDetails.locale')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t(`meetingDetails.localeHint.${value}`)}
      </p>
      <select id={id} value={value} aria-describedby={`${id}-hint`} onChange={(event) => onChange(toLocale(event.target.value) ?? value)}>
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
