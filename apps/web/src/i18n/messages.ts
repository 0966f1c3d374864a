/**
 * The message catalogues, one file per language in `./catalogues/` (`en.ts` defines the keys; every
 * other is a `Record<ListMessageKey, string>`, so a missing key fails the type check), and beside
 * each the words of the board and the staff's pages (`enBoard.ts`, `esBoard.ts`). A page downloads
 * only the language it shows: `loadCatalogue` before the first render, the other one on a switch
 * (or when the canvas writes in the meeting's language). The board's words come only once a page
 * that shows them asks (`loadBoardWords`), so the list view, the invite page and the lobby never
 * download them (the phone view's JS budget, issue 7).
 *
 *   await loadCatalogue('es')
 *   loadedCatalogue('es')?.['join.submit'] // 'Unirme a la reunión'
 *   await loadBoardWords() // then every language loaded, now or later, has the board's words too
 */
import type { Locale } from '@safetymap/map-model'
import type { MessageKey } from './catalogues/en.ts'

export type { MessageKey }

/** Every message of one language. */
export type Catalogue = Readonly<Record<MessageKey, string>>

type Part = 'list' | 'board'

/** Adding a language: its two catalogue files, and its lines here. */
const importers: Record<Locale, Record<Part, () => Promise<Partial<Catalogue>>>> = {
  en: { list: () => import('./catalogues/en.ts').then((m) => m.en), board: () => import('./catalogues/enBoard.ts').then((m) => m.enBoard) },
  es: { list: () => import('./catalogues/es.ts').then((m) => m.es), board: () => import('./catalogues/esBoard.ts').then((m) => m.esBoard) },
}

const loaded = new Map<Locale, Partial<Catalogue>>()
const loading = new Map<string, Promise<void>>()
let withBoardWords = false

function loadPart(locale: Locale, part: Part): Promise<void> {
  const id = `${locale}:${part}`
  let pending = loading.get(id)
  if (!pending) {
    pending = importers[locale][part]().then((words) => {
      loaded.set(locale, { ...loaded.get(locale), ...words })
    })
    // A failed download (network gone) may be tried again.
    pending.catch(() => loading.delete(id))
    loading.set(id, pending)
  }
  return pending
}

/** Downloads `locale`'s catalogue (with the board's words once asked for) once; later calls share the first download. */
export function loadCatalogue(locale: Locale): Promise<void> {
  return Promise.all([loadPart(locale, 'list'), ...(withBoardWords ? [loadPart(locale, 'board')] : [])]).then(() => undefined)
}

/** From now on every catalogue comes with the board's words; downloads them for each language asked for so far. */
export function loadBoardWords(): Promise<void> {
  withBoardWords = true
  const asked = new Set([...loading.keys()].map((id) => id.split(':')[0] as Locale))
  return Promise.all([...asked].map((locale) => loadCatalogue(locale))).then(() => undefined)
}

/** `locale`'s catalogue if it has been downloaded. */
export function loadedCatalogue(locale: Locale): Partial<Catalogue> | undefined {
  return loaded.get(locale)
}

/** `locale`'s catalogue, else any loaded one (while `locale`'s downloads), else `undefined`. */
export function catalogueOrStandIn(locale: Locale): Partial<Catalogue> | undefined {
  return loaded.get(locale) ?? loaded.values().next().value
}

/** Whether `key` is a message key of a loaded catalogue (the board's words count once loaded). */
export function isMessageKey(key: string): key is MessageKey {
  return [...loaded.values()].some((catalogue) => key in catalogue)
}
