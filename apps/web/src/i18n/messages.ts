/**
 * The message catalogues, one file per language in `./catalogues/` (`en.ts` defines the keys; every
 * other is a `Record<MessageKey, string>`, so a missing key fails the type check). A page downloads
 * only the language it shows: `loadCatalogue` before the first render, the other one on a switch
 * (or when the canvas writes in the meeting's language).
 *
 *   await loadCatalogue('es')
 *   loadedCatalogue('es')?.['join.submit'] // 'Unirme a la reunión'
 */
import type { Locale } from '@safetymap/map-model'
import type { MessageKey } from './catalogues/en.ts'

export type { MessageKey }

/** Every message of one language. */
export type Catalogue = Readonly<Record<MessageKey, string>>

/** Adding a language: its catalogue file, and its line here. */
const importers: Record<Locale, () => Promise<Catalogue>> = {
  en: () => import('./catalogues/en.ts').then((m) => m.en),
  es: () => import('./catalogues/es.ts').then((m) => m.es),
}

const loaded = new Map<Locale, Catalogue>()
const loading = new Map<Locale, Promise<Catalogue>>()

/** Downloads `locale`'s catalogue once; later calls share the first download. */
export function loadCatalogue(locale: Locale): Promise<Catalogue> {
  let pending = loading.get(locale)
  if (!pending) {
    pending = importers[locale]().then((catalogue) => {
      loaded.set(locale, catalogue)
      return catalogue
    })
    // A failed download (network gone) may be tried again.
    pending.catch(() => loading.delete(locale))
    loading.set(locale, pending)
  }
  return pending
}

/** `locale`'s catalogue if it has been downloaded. */
export function loadedCatalogue(locale: Locale): Catalogue | undefined {
  return loaded.get(locale)
}

/** `locale`'s catalogue, else any loaded one (while `locale`'s downloads), else `undefined`. */
export function catalogueOrStandIn(locale: Locale): Catalogue | undefined {
  return loaded.get(locale) ?? loaded.values().next().value
}

/** Whether `key` is a message key (every catalogue has the same keys, so any loaded one answers). */
export function isMessageKey(key: string): key is MessageKey {
  for (const catalogue of loaded.values()) return key in catalogue
  return false
}
