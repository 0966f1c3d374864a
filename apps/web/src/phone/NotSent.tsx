/**
 * "Not sent yet" on what this phone wrote while not connected, with what it means in plain words
 * under it: a tooltip would reach neither a touch screen nor a screen reader.
 *
 *   <p className="phone-byline"><span>Written by you</span><NotSent /></p>
 */
import { useI18n } from '../i18n/I18nProvider.tsx'

/** The mark and its explanation, as two items of a wrapping flex line. */
export function NotSent() {
  const { t } = useI18n()
  return (
    <>
      <span className="phone-pending" data-testid="not-sent">
        {t('phone.notSent')}
      </span>
      <span className="phone-pending-help">{t('phone.notSentHelp')}</span>
    </>
  )
}
