/**
 * The language of the board's own words (section headings and hints, the rating band, the
 * connecting words of composed statements, "does not agree") as a tldraw signal. People's own
 * words are never translated.
 *
 * It is the meeting's language (`meta.locale` in the doc, MM-2, kept current as it changes; until
 * the doc has synced, `fallback`, the language the API reported, so headings never flash in the
 * wrong language) — unless `screenLocale` is given: a family member who chose Spanish on their own
 * tablet reads a Spanish board in an English meeting. The facilitator's screen, which the room may
 * be watching, passes none.
 *
 *   const boardLocale = useBoardLocale(doc, meeting.locale, chosen && role !== 'facilitator' ? locale : null)
 *   useValue(boardLocale) // 'es'
 */
import { META_KEYS, META_MAP_NAME, readMeta, type Locale } from '@safetymap/map-model'
import { useEffect, useState } from 'react'
import { atom, computed, type Signal } from 'tldraw'
import type * as Y from 'yjs'

/** A signal of the board's language: `screenLocale` when given, else the doc's `meta.locale` (`fallback` while it has none). */
export function useBoardLocale(doc: Y.Doc, fallback: Locale, screenLocale: Locale | null): Signal<Locale> {
  const [signals] = useState(() => {
    const meeting = atom<Locale>('meeting locale', fallback)
    const screen = atom<Locale | null>('screen locale', screenLocale)
    return { meeting, screen, board: computed('board locale', () => screen.get() ?? meeting.get()) }
  })
  useEffect(() => {
    const meta = doc.getMap(META_MAP_NAME)
    const update = () => signals.meeting.set(meta.has(META_KEYS.locale) ? readMeta(doc).locale : fallback)
    update()
    meta.observe(update)
    return () => meta.unobserve(update)
  }, [doc, fallback, signals])
  useEffect(() => {
    signals.screen.set(screenLocale)
  }, [screenLocale, signals])
  return signals.board
}
