/**
 * Who leads follow-me when more than one facilitator has it on. Awareness reaches each device in
 * its own order and time, so every device applies one rule to what it sees and they all agree:
 * the latest start wins, the higher awareness client id breaking a tie. A start is stamped later
 * than every start its device has seen, so taking over on purpose wins even between devices whose
 * clocks differ; only presses that cross on the way are settled by the clocks.
 *
 *   const leads = readLeads(awareness.getStates(), awareness.clientID)
 *   const lead = winningLead(leads) // everyone follows it
 *   const since = nextStart(leads, Date.now()) // when this device starts leading
 */
import { FOLLOW_PRESENCE_FIELD } from '@safetymap/map-model'

/** Awareness field of a leader's view: `{ bounds, since }`; the relay lets only facilitators set it. */
export const FOLLOW_FIELD = FOLLOW_PRESENCE_FIELD

/** One facilitator leading, as their awareness state says. */
export interface FollowLead {
  readonly clientId: number
  readonly userId: string
  readonly name: string
  readonly bounds: { x: number; y: number; w: number; h: number }
  /** When they started leading (ms); 0 from a board that does not say. */
  readonly since: number
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Every facilitator leading in `states`, this device's own state (`selfClientId`) left out. */
export function readLeads(states: ReadonlyMap<number, unknown>, selfClientId: number): FollowLead[] {
  const leads: FollowLead[] = []
  for (const [clientId, state] of states) {
    if (clientId === selfClientId || typeof state !== 'object' || state === null) continue
    const { user, [FOLLOW_FIELD]: follow } = state as Record<string, unknown>
    const u = user as Record<string, unknown> | undefined
    if (!u || u.role !== 'facilitator' || typeof u.id !== 'string') continue
    const f = follow as Record<string, unknown> | null | undefined
    const b = f?.bounds as Record<string, unknown> | undefined
    if (!b || !finite(b.x) || !finite(b.y) || !finite(b.w) || !finite(b.h) || b.w <= 0 || b.h <= 0) continue
    leads.push({
      clientId,
      userId: u.id,
      name: typeof u.name === 'string' ? u.name : '',
      bounds: { x: b.x, y: b.y, w: b.w, h: b.h },
      since: finite(f?.since) ? f.since : 0,
    })
  }
  return leads
}

/** True when lead `a` wins over lead `b`. */
export function beats(a: Pick<FollowLead, 'since' | 'clientId'>, b: Pick<FollowLead, 'since' | 'clientId'>): boolean {
  return a.since !== b.since ? a.since > b.since : a.clientId > b.clientId
}

/** The lead everyone follows, or null when nobody leads. */
export function winningLead(leads: readonly FollowLead[]): FollowLead | null {
  return leads.reduce<FollowLead | null>((best, lead) => (best === null || beats(lead, best) ? lead : best), null)
}

/** The start stamp for leading from now: `now`, or just after the latest start seen. */
export function nextStart(leads: readonly FollowLead[], now: number): number {
  return Math.max(now, ...leads.map((lead) => lead.since + 1))
}
