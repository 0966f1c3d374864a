/**
 * Picks the UI language: the user's own choice (kept in localStorage) first, else the browser's
 * preferred languages, else English. Pure apart from the two small storage helpers.
 *
 *   chooseLocale({ stored: null, preferred: ['es-MX', 'en'] }) // 'es'
 */
import { isLocale, type Locale } from '@safetymap/map-model'

const STORAGE_KEY = 'safetymap.locale'

/** `value` as a supported locale, or null. Accepts region tags such as `es-MX`. */
export function toLocale(value: string | null | undefined): Locale | null {
  if (!value) return null
  const base = value.toLowerCase().split('-')[0]
  return isLocale(base) ? base : null
}

/** The stored choice first, then the first supported preferred language, then English. */
export function chooseLocale(input: { stored: string | null; preferred: readonly string[] }): Locale {
  const stored = toLocale(input.stored)
  if (stored) return stored
  for (const language of input.preferred) {
    const locale = toLocale(language)
    if (locale) return locale
  }
  return 'en'
}

/** The user's saved choice, or null when none was saved or storage is blocked. */
export function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

/** The same choice for the server, which writes the phone list into its page in it (server/src/http/phoneListPage.ts). */
const LOCALE_COOKIE = 'sm_locale'

/** Saves the user's choice; storage being blocked (private mode) only means it is not remembered. */
export function storeLocale(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`
  try {
    window.localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // reason: a blocked localStorage must not stop the language from changing for this visit.
  }
}
