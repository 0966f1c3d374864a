/**
 * Whether a shape on the board is drawn as a person of a family tree (map-model MM-39): a tldraw
 * `geo` square, circle or diamond; and whether it stands as one, inside a family tree's box.
 *
 *   if (isFamilyMemberInTree(editor, shape)) offerHasDied(shape)
 */
import { FAMILY_MEMBER_SYMBOLS, GEO_SHAPE_TYPE, ZONE_SHAPE_TYPE } from '@safetymap/map-model'
import type { Editor, TLGeoShape, TLShape } from 'tldraw'

const SYMBOLS: ReadonlySet<string> = new Set(Object.values(FAMILY_MEMBER_SYMBOLS))

/** True for a tldraw `geo` shape drawn as one of a family tree's symbols. */
export function isFamilyMemberOnBoard(shape: TLShape): shape is TLGeoShape {
  return shape.type === GEO_SHAPE_TYPE && SYMBOLS.has((shape as TLGeoShape).props.geo)
}

/** True for a person's symbol whose centre lies in a family tree's box (a square drawn elsewhere is no one). */
export function isFamilyMemberInTree(editor: Editor, shape: TLShape): shape is TLGeoShape {
  if (!isFamilyMemberOnBoard(shape)) return false
  const centre = editor.getShapePageBounds(shape)?.center
  return (
    centre !== undefined &&
    editor
      .getCurrentPageShapes()
      .some((s) => s.type === ZONE_SHAPE_TYPE && s.meta.templateId === 'family-tree' && editor.getShapePageBounds(s)?.containsPoint(centre) === true)
  )
}
