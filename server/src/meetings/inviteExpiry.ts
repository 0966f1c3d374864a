/**
 * When a new invite stops working. A meeting-day invite: the end of the meeting day (server local
 * time), but never sooner than a few hours away so an evening meeting still gets a usable link. A
 * journal link: a number of whole days away, since it is for writing between meetings.
 *
 *   inviteExpiry(now)              // a personal or shared invite
 *   journalLinkExpiry(now, 30, purgeDueAt(meeting, retentionDays))   // a journal link
 */
export const INVITE_MIN_LIFETIME_MS = 4 * 60 * 60 * 1000

const DAY_MS = 24 * 60 * 60 * 1000

export function inviteExpiry(now: number): number {
  const endOfDay = new Date(now)
  endOfDay.setHours(23, 59, 59, 999)
  return Math.max(endOfDay.getTime(), now + INVITE_MIN_LIFETIME_MS)
}

/**
 * `days` whole days from `now`, but never past `purgeAt`, when retention deletes the meeting and
 * its journal: the link then says truly until when it works. The person's session lasts as long.
 */
export function journalLinkExpiry(now: number, days: number, purgeAt: number | null): number {
  return Math.min(now + days * DAY_MS, purgeAt ?? Number.POSITIVE_INFINITY)
}
