/**
 * React side of the message catalogue: holds the chosen UI language, exposes `t` and `setLocale`,
 * and keeps `<html lang>` in step so screen readers pronounce the page right. Its children render
 * once the chosen language's catalogue is downloaded (only that one); a switch downloads the
 * other before it shows.
 *
 *   <I18nProvider><App /></I18nProvider>
 *   const { t, locale, setLocale } = useI18n()
 */
import type { Locale } from '@safetymap/map-model'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { chooseLocale, readStoredLocale, storeLocale } from './chooseLocale.ts'
import { loadCatalogue, loadedCatalogue, type MessageKey } from './messages.ts'
import { translate, type MessageVars } from './translate.ts'

/** What `useI18n` gives a component. */
export interface I18n {
  readonly locale: Locale
  /** Switches the UI language and remembers the choice on this device. */
  readonly setLocale: (locale: Locale) => void
  readonly t: (key: MessageKey, vars?: MessageVars) => string
}

const I18nContext = createContext<I18n | null>(null)

/** Provides the UI language to everything below it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    chooseLocale({ stored: readStoredLocale(), preferred: navigator.languages }),
  )
  const [ready, setReady] = useState(() => loadedCatalogue(locale) !== undefined)

  useEffect(() => {
    if (ready) return
    let current = true
    // A failed download leaves the page blank; the browser's reload is the retry.
    void loadCatalogue(locale).then(() => current && setReady(true))
    return () => {
      current = false
    }
  }, [locale, ready])

  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next)
    void loadCatalogue(next).then(() => setLocaleState(next))
  }, [])

  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  )
  return <I18nContext.Provider value={value}>{ready ? children : null}</I18nContext.Provider>
}

/** The current UI language and its translator. Must be used below `I18nProvider`. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>.')
  return i18n
}
