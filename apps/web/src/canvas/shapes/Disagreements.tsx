/**
 * The "disagrees" marker (map-model MM-25) on the canvas: at the top of each note or card someone
 * disagrees with, "Lorna and Sam disagree" (or, with names hidden for a projector, how many),
 * following the camera and never catching the pointer. The item itself stays as written; each
 * person's disagreement is its own binding record (plus, in older docs, a list in the item's meta).
 *
 *   <Disagreements toolkit={toolkit} />
 */
import { DISAGREEABLE_SHAPE_TYPES, DISAGREEMENT_BINDING_TYPE, disagreementMessage, disagreementsOf } from '@safetymap/map-model'
import { useEditor, useValue } from 'tldraw'
import { translate } from '../../i18n/translate.ts'
import type { ToolkitState } from './toolkitState.ts'

interface Label {
  readonly id: string
  readonly text: string
  readonly left: number
  readonly top: number
  readonly width: number
  readonly zoom: number
}

/** A label's height: this many page units, scaled with the view, but never under the readable minimum (screen px). */
const LABEL_PAGE_HEIGHT = 22
const LABEL_MIN_HEIGHT = 14

/**
 * Above the item while it fits in the gap there (the label's size in page units); once the view is
 * so far out that the label's readable minimum would reach past that gap — over a zone's heading —
 * over the item's top edge instead, whose words are too small to read at that zoom anyway.
 */
const labelTop = (l: Label): number => (LABEL_PAGE_HEIGHT * l.zoom >= LABEL_MIN_HEIGHT ? l.top - LABEL_PAGE_HEIGHT * l.zoom : l.top)

export function Disagreements({ toolkit }: { toolkit: ToolkitState }) {
  const editor = useEditor()
  const showAuthors = useValue(toolkit.showAuthors)
  const locale = useValue(toolkit.boardLocale)
  const labels = useValue(
    'disagreement labels',
    () => {
      const zoom = editor.getZoomLevel()
      return editor.getCurrentPageShapes().flatMap((shape): Label[] => {
        if (!DISAGREEABLE_SHAPE_TYPES.includes(shape.type)) return []
        const list = disagreementsOf(shape.meta, editor.getBindingsFromShape(shape, DISAGREEMENT_BINDING_TYPE))
        if (list.length === 0) return []
        const bounds = editor.getShapePageBounds(shape)
        if (!bounds) return []
        const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
        const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
        const said = disagreementMessage(showAuthors ? { names: list.map((d) => d.name) } : { count: list.length })
        const text = translate(locale, said.key, said.vars)
        return [{ id: shape.id, text, left: topLeft.x, top: topLeft.y, width: bottomRight.x - topLeft.x, zoom }]
      })
    },
    [editor, showAuthors, locale],
  )
  return (
    <div className="sm-disagreements">
      {labels.map((l) => (
        <div
          key={l.id}
          className="sm-disagreements__label"
          data-testid="sm-disagreement"
          lang={locale}
          style={{ left: l.left, top: labelTop(l), maxWidth: l.width, fontSize: Math.max(10, 14 * l.zoom) }}
        >
          {l.text}
        </div>
      ))}
    </div>
  )
}
