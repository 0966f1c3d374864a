/**
 * Base for our shapes whose size and text are set by the map, not by hand: they cannot be
 * resized, rotated or edited in place on the canvas (zones, scaling marks, "has rated" markers).
 *
 *   class ScalingMarkShapeUtil extends FixedShapeUtil<SMScalingMarkShape> { … }
 */
import { ShapeUtil, type TLShape } from 'tldraw'

export abstract class FixedShapeUtil<Shape extends TLShape> extends ShapeUtil<Shape> {
  override canResize(): boolean {
    return false
  }

  override hideResizeHandles(): boolean {
    return true
  }

  override hideRotateHandle(): boolean {
    return true
  }

  override canEdit(): boolean {
    return false
  }
}
