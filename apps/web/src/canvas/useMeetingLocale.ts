/**
 * The meeting's language as a tldraw signal, read from the doc's meta map (`meta.locale`, MM-2)
 * and kept current as it changes. Until the doc has synced it holds `fallback` (the language the
 * API reported), so headings never flash in the wrong language.
 *
 *   const meetingLocale = useMeetingLocale(doc, meeting.locale)
 *   useValue(meetingLocale) // 'es'
 */
import { META_KEYS, META_MAP_NAME, readMeta, type Locale } from '@safetymap/map-model'
import { useEffect, useState } from 'react'
import { atom, type Signal } from 'tldraw'
import type * as Y from 'yjs'

/** A signal of the doc's `meta.locale`, `fallback` while the doc has none. */
export function useMeetingLocale(doc: Y.Doc, fallback: Locale): Signal<Locale> {
  const [meetingLocale] = useState(() => atom<Locale>('meeting locale', fallback))
  useEffect(() => {
    const meta = doc.getMap(META_MAP_NAME)
    const update = () => meetingLocale.set(meta.has(META_KEYS.locale) ? readMeta(doc).locale : fallback)
    update()
    meta.observe(update)
    return () => meta.unobserve(update)
  }, [doc, fallback, meetingLocale])
  return meetingLocale
}
