import { describe, expect, it } from 'vitest'
import { placeNoteAction } from './placeNoteAction.ts'

/** A 1366 × 700 canvas with tldraw's toolbar at the foot, centred, and its zoom at the bottom left. */
const area = { x: 0, y: 0, w: 1366, h: 700 }
const toolbar = { x: 480, y: 640, w: 400, h: 52 }
const zoom = { x: 8, y: 650, w: 160, h: 42 }
const size = { w: 180, h: 48 }
const place = (note: { x: number; y: number; w: number; h: number }, panels = [toolbar, zoom]) =>
  placeNoteAction({ note, size, area, panels, gapBelow: 28 })

describe('placeNoteAction', () => {
  it('stands under a note with room below it', () => {
    expect(place({ x: 600, y: 200, w: 100, h: 100 })).toEqual({ x: 600, y: 328 })
  })

  it('stands above a note just over the toolbar, where the toolbar would cover it below', () => {
    expect(place({ x: 600, y: 530, w: 100, h: 100 })).toEqual({ x: 600, y: 474 })
  })

  it('slides into the canvas for a note at its right edge', () => {
    expect(place({ x: 1300, y: 200, w: 100, h: 100 })).toEqual({ x: 1366 - 8 - 180, y: 328 })
  })

  it('goes beside a note that fills the canvas from top to toolbar', () => {
    // No room on its right either: on its left.
    expect(place({ x: 600, y: 4, w: 630, h: 630 })).toEqual({ x: 412, y: 8 })
  })

  it('is pulled into the canvas, where the panels cover it least, when nothing around the note is clear', () => {
    const everywhere = { x: 0, y: 0, w: 1366, h: 600 }
    const at = place({ x: 10, y: 10, w: 1346, h: 680 }, [everywhere])
    expect(at.y).toBe(700 - 8 - 48)
  })

  it('stands next to what is in the way, nearest the note, when another note’s offer and the style panel take every side', () => {
    // As seen on a 1366 × 850 laptop: a note selected just above a contacts-box note whose large
    // offer stands under it, with tldraw's style panel at the top right.
    const canvas = { x: 0, y: 0, w: 1006, h: 698 }
    const note = { x: 669, y: 293, w: 67, h: 67 }
    const stylePanel = { x: 850, y: 6, w: 148, h: 332 }
    const offer = { x: 518, y: 356, w: 396, h: 144 }
    const at = placeNoteAction({ note, size: { w: 217, h: 64 }, area: canvas, panels: [stylePanel, offer], gapBelow: 28 })
    // Under the offer, rather than on it or under the style panel.
    expect(at).toEqual({ x: 669, y: 508 })
  })

  it('leaves the action under a note that is off the canvas', () => {
    expect(place({ x: 600, y: 900, w: 100, h: 100 })).toEqual({ x: 600, y: 1028 })
  })
})
