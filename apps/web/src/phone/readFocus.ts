/**
 * Owns "now talking about …" on the phone: when a facilitator uses follow-me on the board, their
 * canvas publishes the page area they show in Yjs awareness (`canvas/followLeader.ts`, which
 * imports no tldraw); with two leading for a moment, the phone follows the one the boards follow.
 * The phone turns that area into the part of the map it shows: the section that fills most of it,
 * or the column when the area spans a column's sections, or nothing when it spans the whole map.
 *
 *   readFocus(awareness.getStates(), awareness.clientID, zones) // { leaderName: 'Ana', zone: 'strengths' }
 */
import { columnOf, isSectionKey, type ZoneBounds, type ZoneKey } from '@safetymap/map-model'
import { readLeads, winningLead } from '../canvas/followLeader.ts'

/** A share of the shown sections one section must cover to count as "the" focus. */
const MAIN_SECTION_SHARE = 0.6

/** What the facilitator is showing everyone. */
export interface Focus {
  readonly leaderName: string
  readonly zone: ZoneKey
}

interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/** The zone an area of the page shows (see the module comment), or `null`. */
export function focusZone(view: Box, zones: readonly ZoneBounds[]): ZoneKey | null {
  const shown = zones
    .filter((z) => isSectionKey(z.key))
    .map((z) => ({ key: z.key, area: overlap(view, z) }))
    .filter((z) => z.area > 0)
    .sort((a, b) => b.area - a.area)
  const total = shown.reduce((sum, z) => sum + z.area, 0)
  const top = shown[0]
  if (!top || total === 0) return null
  if (top.area / total >= MAIN_SECTION_SHARE) return top.key
  const columns = new Set(shown.map((z) => (isSectionKey(z.key) ? columnOf(z.key) : null)))
  const [column] = [...columns]
  return columns.size === 1 && column ? column : null
}

/** The leading facilitator's focus from awareness `states` (not this device's own), or `null`. */
export function readFocus(states: ReadonlyMap<number, unknown>, selfClientId: number, zones: readonly ZoneBounds[]): Focus | null {
  const lead = winningLead(readLeads(states, selfClientId))
  const zone = lead ? focusZone(lead.bounds, zones) : null
  return lead && zone ? { leaderName: lead.name, zone } : null
}

/** The id of the zone's place in the list (a section, or a column's heading). */
export function focusAnchorId(zone: ZoneKey): string {
  return isSectionKey(zone) ? `phone-section-${zone}` : `phone-column-${zone}`
}
