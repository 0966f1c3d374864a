/**
 * A moment as people read it in the page's language: date and time, short.
 *
 *   formatDateTime('2026-05-12T10:04:00Z', 'en') // 'May 12, 2026, 10:04 AM' (in the browser's time zone)
 */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}
