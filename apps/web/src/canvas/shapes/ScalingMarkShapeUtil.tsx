/**
 * Draws one person's mark on a scale (`sm-scaling-mark`, map-model MM-17): a round marker with
 * their number over the rating band, their name (unless names are hidden) and which scale it is
 * ("Overall", "Worry 1"). The reasons show as the marker's tooltip. Dragging a mark along the
 * band changes its number to where it was dropped; a double-click opens the rating dialog.
 *
 *   ScalingMarkShapeUtil.configure({ toolkit })
 */
import {
  OVERALL_SCALE_ID,
  SCALING_MARK_SHAPE_TYPE,
  SCALING_MARK_SIZE,
  scaleValueAt,
  zoneShapeId,
} from '@safetymap/map-model'
import { scalingMarkShapeMigrations, scalingMarkShapeProps, type SMScalingMarkShape } from '@safetymap/map-model/schema'
import { HTMLContainer, Rectangle2d, useEditor, useValue, type TLShapeId } from 'tldraw'
import { FixedShapeUtil } from '../FixedShapeUtil.ts'
import { translate } from '../../i18n/translate.ts'
import { userColor } from '../userColor.ts'
import { defaultToolkitOptions, type ToolkitShapeUtilOptions } from './DangerStatementShapeUtil.tsx'
import type { ToolkitState } from './toolkitState.ts'
import { useToolkitCards } from './useToolkitCards.ts'

/** tldraw shape util for `sm-scaling-mark`. */
export class ScalingMarkShapeUtil extends FixedShapeUtil<SMScalingMarkShape> {
  static override type = SCALING_MARK_SHAPE_TYPE
  static override props = scalingMarkShapeProps
  static override migrations = scalingMarkShapeMigrations

  override options: ToolkitShapeUtilOptions = defaultToolkitOptions()

  getDefaultProps(): SMScalingMarkShape['props'] {
    return {
      scaleId: OVERALL_SCALE_ID,
      participantId: 'unknown',
      participantName: '',
      value: 5,
      whatMakesItThisHigh: '',
      onePointHigher: '',
    }
  }

  getGeometry() {
    return new Rectangle2d({ width: SCALING_MARK_SIZE.w, height: SCALING_MARK_SIZE.h, isFilled: true })
  }

  component(shape: SMScalingMarkShape) {
    return <ScalingMarkView shape={shape} toolkit={this.options.toolkit} />
  }

  getIndicatorPath(): Path2D {
    const path = new Path2D()
    path.roundRect(0, 0, SCALING_MARK_SIZE.w, SCALING_MARK_SIZE.h, SCALING_MARK_SIZE.h / 2)
    return path
  }

  override getText(shape: SMScalingMarkShape): string {
    return `${shape.props.participantName}: ${shape.props.value}`
  }

  override onDoubleClick(shape: SMScalingMarkShape) {
    this.options.toolkit.editRequest.set({ kind: 'mark', scaleId: shape.props.scaleId })
  }

  /** A mark dropped somewhere on the rating band takes the number under its centre. */
  override onTranslateEnd(_initial: SMScalingMarkShape, current: SMScalingMarkShape) {
    const band = this.editor.getShape(zoneShapeId('scale') as TLShapeId)
    const bounds = band ? this.editor.getShapePageBounds(band) : undefined
    const centre = this.editor.getShapePageBounds(current)?.center
    if (!bounds || !centre || !bounds.containsPoint(centre)) return
    const value = scaleValueAt({ key: 'scale', x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }, centre.x)
    if (value === current.props.value) return
    return { id: current.id, type: current.type, props: { value } }
  }
}

function ScalingMarkView({ shape, toolkit }: { shape: SMScalingMarkShape; toolkit: ToolkitState }) {
  const editor = useEditor()
  const { numberOf } = useToolkitCards(editor)
  const locale = useValue(toolkit.meetingLocale)
  const showAuthors = useValue(toolkit.showAuthors)
  const { scaleId, participantId, participantName, value, whatMakesItThisHigh, onePointHigher } = shape.props
  const number = numberOf.get(scaleId)
  const scaleLabel =
    scaleId === OVERALL_SCALE_ID
      ? translate(locale, 'toolkit.mark.overall')
      : translate(locale, 'toolkit.card.worry', { number: number === undefined ? '?' : String(number) })
  const reasons = [whatMakesItThisHigh, onePointHigher].filter(Boolean).join(' — ')
  return (
    <HTMLContainer className="sm-mark" data-testid="sm-scaling-mark" lang={locale} title={reasons || undefined}>
      <span className="sm-mark__value" style={{ background: userColor(participantId) }}>
        {value}
      </span>
      <span className="sm-mark__text">
        {showAuthors ? <span className="sm-mark__name">{participantName}</span> : null}
        <span className="sm-mark__scale">{scaleLabel}</span>
      </span>
    </HTMLContainer>
  )
}
