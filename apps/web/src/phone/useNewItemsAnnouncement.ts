/**
 * What a screen reader says when others add to the map while the list is open: "New in
 * “Strengths”: Lorna walks Kai to school", or "3 new notes on the map" when several arrive
 * together. The map as first shown is not news. Goes in a polite status line.
 *
 *   const news = useNewItemsAnnouncement(map, hasTemplate, user.id, meeting.labels)
 *   <p className="phone-visually-hidden" role="status">{news}</p>
 */
import type { LabelOverrides, SafetyMap } from '@safetymap/map-model'
import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { itemIds, newItemsSince } from './newItems.ts'

/** The latest announcement ('' until there is news); sections named in the agency's words when it has its own (MM-28). */
export function useNewItemsAnnouncement(map: SafetyMap, ready: boolean, selfId: string, labels?: LabelOverrides): string {
  const { t, locale } = useI18n()
  const seen = useRef<Set<string> | null>(null)
  const [news, setNews] = useState('')
  useEffect(() => {
    if (!ready) return
    const before = seen.current
    seen.current = itemIds(map)
    if (before === null) return
    const fresh = newItemsSince(before, map, selfId, locale, labels)
    const [only] = fresh
    if (!only) return
    setNews(fresh.length === 1 ? t('phone.newItem', { section: only.heading, text: only.text }) : t('phone.newItems', { count: String(fresh.length) }))
  }, [map, ready, selfId, locale, labels, t])
  return news
}
