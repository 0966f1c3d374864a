/**
 * The day a journal entry is about ("the visit on …"): a calendar day, `YYYY-MM-DD`, on the
 * agency's calendar (`TIME_ZONE`), never after today there. The family and the agency are in the
 * same place, so "today" is the agency's today, as the exports print every time on its clock.
 *
 *   calendarDay(Date.now(), 'America/Los_Angeles')   // '2026-11-27'
 *   checkVisitDay('2026-11-12', today)                 // 'ok' | 'invalid' | 'future'
 */

/** The calendar day of `now` in `timeZone`, `YYYY-MM-DD`. */
export function calendarDay(now: number, timeZone: string): string {
  const part = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(now)).map((p) => [p.type, p.value]),
  )
  return `${part.year}-${part.month}-${part.day}`
}

/** Whether `day` is a date the calendar has and not after `today` (both `YYYY-MM-DD`, so they compare as text). */
export function checkVisitDay(day: string, today: string): 'ok' | 'invalid' | 'future' {
  const at = new Date(`${day}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(at.getTime()) || !at.toISOString().startsWith(day)) return 'invalid'
  return day > today ? 'future' : 'ok'
}
