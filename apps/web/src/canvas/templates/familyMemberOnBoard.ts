/**
 * Whether a shape on the board is drawn as a person of a family tree (map-model MM-39): a tldraw
 * `geo` square, circle or diamond. Where it stands (inside a family tree's box) is the caller's
 * check.
 *
 *   if (isFamilyMemberOnBoard(shape)) offerHasDied(shape)
 */
import { FAMILY_MEMBER_SYMBOLS, GEO_SHAPE_TYPE } from '@safetymap/map-model'
import type { TLGeoShape, TLShape } from 'tldraw'

const SYMBOLS: ReadonlySet<string> = new Set(Object.values(FAMILY_MEMBER_SYMBOLS))

/** True for a tldraw `geo` shape drawn as one of a family tree's symbols. */
export function isFamilyMemberOnBoard(shape: TLShape): shape is TLGeoShape {
  return shape.type === GEO_SHAPE_TYPE && SYMBOLS.has((shape as TLGeoShape).props.geo)
}
