/**
 * Where an action about a note ("Restrict this note") stands on the canvas: under the note if it
 * fits there, else above it, else beside it, else next to whatever is in the way, always inside the
 * canvas and clear of the panels over it (tldraw's toolbar, zoom and menus; another note's action).
 * Under a note at the foot of the screen, tldraw's toolbar lay over the button and only the keyboard
 * reached it.
 *
 *   placeNoteAction({ note, size: { w: 180, h: 48 }, area: { x: 0, y: 0, w: 1366, h: 700 }, panels, gapBelow: 28 })
 *   // → { x, y }: the action's top-left corner, in the same coordinates as `note` and `area`
 */
import type { ScreenRect } from '../canvas/showMapTop.ts'

/** Space kept between the action and the note (above or beside it) or the canvas's edge. */
const GAP_PX = 8

/** Where the action goes: its top-left corner. */
export interface ActionPlace {
  readonly x: number
  readonly y: number
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, high))

/** How many square pixels of `a` lie under `b`. */
function overlap(a: ScreenRect, b: ScreenRect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/**
 * The first of under, above, right of and left of the note (each slid along the note's side to
 * stay in the canvas) that is inside `area` and under no panel. When none is, the place under,
 * above, right or left of a panel nearest the note that is inside, under no panel and off the
 * note; failing that, the side pulled wholly into `area` that the panels cover least. A note
 * wholly outside `area` keeps its action under it.
 */
export function placeNoteAction(options: {
  readonly note: ScreenRect
  readonly size: { readonly w: number; readonly h: number }
  readonly area: ScreenRect
  readonly panels: readonly ScreenRect[]
  /** Space under the note, where its author's name may stand. */
  readonly gapBelow: number
}): ActionPlace {
  const { note, size, area, panels, gapBelow } = options
  const under = { x: note.x, y: note.y + note.h + gapBelow }
  if (overlap(note, area) === 0) return under
  const left = area.x + GAP_PX
  const right = area.x + area.w - GAP_PX - size.w
  const top = area.y + GAP_PX
  const bottom = area.y + area.h - GAP_PX - size.h
  const acrossX = clamp(note.x, left, Math.max(left, right))
  const alongY = clamp(note.y, top, Math.max(top, bottom))
  const sides: ActionPlace[] = [
    { x: acrossX, y: under.y },
    { x: acrossX, y: note.y - GAP_PX - size.h },
    { x: note.x + note.w + GAP_PX, y: alongY },
    { x: note.x - GAP_PX - size.w, y: alongY },
  ]
  const rect = (place: ActionPlace): ScreenRect => ({ ...place, w: size.w, h: size.h })
  // The note counts too: no side lies on it, but a place next to a panel may.
  const covered = (place: ActionPlace) => [...panels, note].reduce((sum, panel) => sum + overlap(rect(place), panel), 0)
  const inside = (place: ActionPlace) => place.x >= left && place.x <= right && place.y >= top && place.y <= bottom
  const clear = sides.find((place) => inside(place) && covered(place) === 0)
  if (clear) return clear
  const fromNote = (place: ActionPlace) => Math.hypot(place.x + size.w / 2 - (note.x + note.w / 2), place.y + size.h / 2 - (note.y + note.h / 2))
  const besidePanels = panels
    .flatMap((panel) => [
      { x: acrossX, y: panel.y + panel.h + GAP_PX },
      { x: acrossX, y: panel.y - GAP_PX - size.h },
      { x: panel.x + panel.w + GAP_PX, y: alongY },
      { x: panel.x - GAP_PX - size.w, y: alongY },
    ])
    .filter((place) => inside(place) && covered(place) === 0)
  if (besidePanels.length > 0) return besidePanels.reduce((best, place) => (fromNote(place) < fromNote(best) ? place : best))
  const pulledIn = sides.map((place) => ({ x: clamp(place.x, left, Math.max(left, right)), y: clamp(place.y, top, Math.max(top, bottom)) }))
  return pulledIn.reduce((best, place) => (covered(place) < covered(best) ? place : best))
}
