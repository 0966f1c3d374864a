/**
 * When a new invite stops working: the end of the meeting day (server local time), but never
 * sooner than a few hours away so an evening meeting still gets a usable link.
 */
export const INVITE_MIN_LIFETIME_MS = 4 * 60 * 60 * 1000

export function inviteExpiry(now: number): number {
  const endOfDay = new Date(now)
  endOfDay.setHours(23, 59, 59, 999)
  return Math.max(endOfDay.getTime(), now + INVITE_MIN_LIFETIME_MS)
}
