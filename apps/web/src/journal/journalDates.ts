/**
 * The dates of the safety journal as people read them, in the page's language: the visit's day
 * ("12 Nov", a calendar day, the same in every time zone) and when an entry was written ("13 Nov,
 * 18:04", in the phone's own time zone); today's date for the form, on the phone's calendar; and
 * whether a journal link is in its last week.
 *
 *   formatVisitDay('2026-11-12', 'es') // '12 nov'
 *   formatWrittenAt('2026-11-13T18:04:00Z', 'en') // 'Nov 13, 6:04 PM' (in the browser's zone)
 *   localToday(new Date()) // '2026-11-27'
 *   linkEndsSoon('2026-12-01T10:00:00Z', Date.now())   // a journal link's last week
 */
import type { Locale } from '@safetymap/map-model'

const language = (locale: Locale) => (locale === 'es' ? 'es-US' : 'en-US')

/** A visit's day, short: read at UTC midnight and shown in UTC, it is the day that was written. */
export function formatVisitDay(day: string, locale: Locale): string {
  const at = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(at.getTime())) return day
  return new Intl.DateTimeFormat(language(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at)
}

/** When an entry was written: day and time, short. */
export function formatWrittenAt(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(language(locale), { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso))
}

/** `now`'s day on this device's calendar, `YYYY-MM-DD` (what a date field takes). */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** How close to its end a journal link's page starts asking its person to get a new one. */
export const LINK_ENDS_SOON_MS = 7 * 24 * 60 * 60 * 1000

/** Whether a journal link ending at `endsAt` (ISO 8601) stops working within {@link LINK_ENDS_SOON_MS} of `now`. */
export function linkEndsSoon(endsAt: string, now: number): boolean {
  return Date.parse(endsAt) - now <= LINK_ENDS_SOON_MS
}
