/**
 * React side of the message catalogue: holds the chosen UI language, exposes `t` and `setLocale`,
 * and keeps `<html lang>` in step so screen readers pronounce the page right. Its children render
 * once the chosen language's catalogue is downloaded (only that one); a switch downloads the
 * other before it shows. A failed download says so and is tried again (sooner when the phone
 * comes back online), rather than leaving the page blank.
 *
 *   <I18nProvider><App /></I18nProvider>
 *   const { t, locale, setLocale } = useI18n()
 */
import type { Locale } from '@safetymap/map-model'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { chooseLocale, readStoredLocale, storeLocale, toLocale } from './chooseLocale.ts'
import { loadCatalogue, loadedCatalogue, type MessageKey } from './messages.ts'
import { translate, type MessageVars } from './translate.ts'

/** What `useI18n` gives a component. */
export interface I18n {
  readonly locale: Locale
  /** The person picked `locale` on this device (the language buttons), rather than it coming from the browser. */
  readonly chosen: boolean
  /** Switches the UI language and remembers the choice on this device. */
  readonly setLocale: (locale: Locale) => void
  readonly t: (key: MessageKey, vars?: MessageVars) => string
}

const I18nContext = createContext<I18n | null>(null)

/**
 * What the page says while its words cannot be downloaded: the one message that cannot come from
 * the catalogue, since the catalogue is what is missing.
 */
const CANNOT_LOAD: Readonly<Record<Locale, string>> = {
  en: 'We cannot reach SafetyMap right now. Check your internet connection. The page will try again by itself.',
  es: 'No podemos conectar con SafetyMap ahora. Revise su conexión a internet. La página volverá a intentarlo sola.',
}

/** First wait before trying a failed download again; it doubles up to the longest. */
const RETRY_FIRST_MS = 2_000
const RETRY_LONGEST_MS = 30_000

/** Provides the UI language to everything below it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    chooseLocale({ stored: readStoredLocale(), preferred: navigator.languages }),
  )
  const [chosen, setChosen] = useState(() => toLocale(readStoredLocale()) !== null)
  const [ready, setReady] = useState(() => loadedCatalogue(locale) !== undefined)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (ready) return
    let current = true
    let waitMs = RETRY_FIRST_MS
    let timer: ReturnType<typeof setTimeout> | undefined
    let trying = false
    const attempt = () => {
      if (trying) return
      trying = true
      clearTimeout(timer)
      loadCatalogue(locale).then(
        () => current && setReady(true),
        () => {
          trying = false
          if (!current) return
          setFailed(true)
          timer = setTimeout(attempt, waitMs)
          waitMs = Math.min(waitMs * 2, RETRY_LONGEST_MS)
        },
      )
    }
    attempt()
    window.addEventListener('online', attempt)
    return () => {
      current = false
      clearTimeout(timer)
      window.removeEventListener('online', attempt)
    }
  }, [locale, ready])

  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next)
    void loadCatalogue(next).then(() => {
      setLocaleState(next)
      setChosen(true)
    })
  }, [])

  const value = useMemo<I18n>(
    () => ({ locale, chosen, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, chosen, setLocale],
  )
  if (!ready && failed) {
    return (
      <p className="canvas-loading" role="alert">
        {CANNOT_LOAD[locale]}
      </p>
    )
  }
  return <I18nContext.Provider value={value}>{ready ? children : null}</I18nContext.Provider>
}

/** The current UI language and its translator. Must be used below `I18nProvider`. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>.')
  return i18n
}
