/**
 * The EN/ES switch shown on every page. Each button names its language in that language, so a
 * Spanish speaker can find "Español" from an English page.
 *
 *   <LanguageSwitch />
 */
import { LOCALES } from '@safetymap/map-model'
import { useI18n } from '../i18n/I18nProvider.tsx'

/** Buttons that switch the UI language; the current one is pressed. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n()
  return (
    <div className="language-switch" role="group" aria-label={t('language.switch')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          // The visible code is part of the name (WCAG 2.5.3), so speech input ("press EN") works too;
          // axe does not count "(EN)" in parentheses as containing it.
          aria-label={`${t(`language.${option}`)}, ${option.toUpperCase()}`}
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  )
}
