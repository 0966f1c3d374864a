/**
 * Attribution on notes (map-model MM-9, MM-21), drawn over the canvas: the author's name under
 * each note while "Show names" is on, and quotation marks around a note flagged as someone's own
 * words. Follows the camera; never catches the pointer. A name is never wider than its note, except
 * in present mode, whose larger names may run wider — but never into the next name (labelRoom.ts).
 *
 *   <NoteAttribution toolkit={toolkit} />
 */
import { NOTE_SHAPE_TYPE } from '@safetymap/map-model'
import { useEditor, useValue } from 'tldraw'
import { labelRoom, presentNameSize } from './labelRoom.ts'
import type { ToolkitState } from './toolkitState.ts'

interface NoteLabel {
  readonly id: string
  readonly name: string
  readonly quote: boolean
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
  readonly zoom: number
}

/** Names under notes and quotation marks on quoted notes, in viewport coordinates. */
export function NoteAttribution({ toolkit }: { toolkit: ToolkitState }) {
  const editor = useEditor()
  const showAuthors = useValue(toolkit.showAuthors)
  const labels = useValue(
    'note attribution',
    () => {
      const zoom = editor.getZoomLevel()
      return editor.getCurrentPageShapes().flatMap((shape): NoteLabel[] => {
        if (shape.type !== NOTE_SHAPE_TYPE) return []
        const name = typeof shape.meta.authorName === 'string' ? shape.meta.authorName : ''
        const quote = shape.meta.quote === true
        if (!quote && !(showAuthors && name)) return []
        const bounds = editor.getShapePageBounds(shape)
        if (!bounds) return []
        const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
        const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
        return [{ id: shape.id, name: showAuthors ? name : '', quote, left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y, zoom }]
      })
    },
    [editor, showAuthors],
  )
  const named = labels.filter((l) => l.name)
  const rooms = labelRoom(named.map((l) => ({ centre: (l.left + l.right) / 2, baseline: l.bottom })))
  const roomOf = new Map(named.map((l, i) => [l.id, rooms[i]!]))
  return (
    <div className="sm-note-attribution" aria-hidden="true">
      {labels.map((l) => (
        <div key={l.id}>
          {l.name ? (
            <div
              className="sm-note-attribution__name"
              style={{
                left: (l.left + l.right) / 2,
                top: l.bottom + 2,
                maxWidth: l.right - l.left,
                fontSize: Math.max(9, 14 * l.zoom),
                ['--sm-name-room' as string]: cssRoom(roomOf.get(l.id)),
                ['--sm-name-size' as string]: `${presentNameSize(l.name, roomOf.get(l.id) ?? Infinity)}px`,
              }}
            >
              {l.name}
            </div>
          ) : null}
          {l.quote ? (
            <>
              <div className="sm-note-attribution__quote" style={{ left: l.left + 4, top: l.top, fontSize: Math.max(14, 48 * l.zoom) }}>
                “
              </div>
              <div className="sm-note-attribution__quote sm-note-attribution__quote--close" style={{ left: l.right - 4, top: l.bottom, fontSize: Math.max(14, 48 * l.zoom) }}>
                ”
              </div>
            </>
          ) : null}
        </div>
      ))}
    </div>
  )
}

/** A name's room as a CSS length; with no neighbour, one wide enough that present mode's own limit holds. */
const cssRoom = (room: number | undefined) => `${Math.floor(Math.min(room ?? Infinity, 10_000))}px`
