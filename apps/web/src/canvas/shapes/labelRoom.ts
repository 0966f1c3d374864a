/**
 * How wide a name under a note may be drawn without running into the name under its neighbour.
 * Present mode draws names at 20 px, wider than the note when the map is zoomed out, so two notes
 * side by side would print their names over each other ("María José OrtCarmen Díaz"): each name
 * gets at most the distance to the nearest name centre on the same line, less a small gap, and is
 * cut with "…" beyond it. Names on other lines, and a name alone on its line, are not limited.
 *
 *   labelRoom([{ centre: 100, baseline: 300 }, { centre: 172, baseline: 301 }])   // [66, 66]
 *   presentNameSize('María José Ortega', 162)   // 15: the whole name fits its room
 */

/** A name's place on screen: the x of its centre, and the y of its top (the note's bottom). */
export interface LabelPlace {
  readonly centre: number
  readonly baseline: number
}

/** Names whose tops are this close (px) share a line and could touch. */
const SAME_LINE_PX = 24
/** Space kept clear between two neighbouring names (px). */
const GAP_PX = 6

/** For each place, the widest its name may be drawn (px), or `Infinity` when nothing is beside it. */
export function labelRoom(places: readonly LabelPlace[]): number[] {
  return places.map((place, i) => {
    let nearest = Infinity
    places.forEach((other, j) => {
      if (j === i || Math.abs(other.baseline - place.baseline) >= SAME_LINE_PX) return
      nearest = Math.min(nearest, Math.abs(other.centre - place.centre))
    })
    return nearest === Infinity ? Infinity : Math.max(0, nearest - GAP_PX)
  })
}

/** Present mode's name size (px): 20, or smaller so the whole `name` fits its room, but never below 11. */
export function presentNameSize(name: string, room: number): number {
  // About 0.6 em per character in the sans-serif fonts the canvas falls back to.
  return Math.floor(Math.min(20, Math.max(11, room / (0.6 * Math.max(name.length, 1)))))
}
