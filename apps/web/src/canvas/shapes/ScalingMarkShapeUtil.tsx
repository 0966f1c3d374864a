/**
 * Draws one person's mark on a scale (`sm-scaling-mark`, map-model MM-17): a round marker with
 * their number over the rating band, their name (unless names are hidden) and which scale it is
 * ("Overall", "Worry 1", "Path to the door" on a Safety House, MM-32), and what they said when the map was last
 * finished ("Last time: 4"). The reasons show as the marker's tooltip. Dragging a mark along the
 * band changes its number to where it was dropped; a double-click opens the rating dialog. While
 * its line is private until the reveal, a mark given in the open before is drawn as a private
 * rating is, "Ana has rated" without the number (RatedMarkerView), for the board may be projected.
 *
 *   ScalingMarkShapeUtil.configure({ toolkit })
 */
import {
  OVERALL_SCALE_ID,
  SAFETY_HOUSE_PATH_KEY,
  SCALING_MARK_SHAPE_TYPE,
  SCALING_MARK_SIZE,
  scaleValueAt,
  zoneShapeId,
} from '@safetymap/map-model'
import { scalingMarkShapeMigrations, scalingMarkShapeProps, type SMScalingMarkShape } from '@safetymap/map-model/schema'
import { HTMLContainer, Rectangle2d, useEditor, useValue, type Editor, type TLShapeId } from 'tldraw'
import { FixedShapeUtil } from '../FixedShapeUtil.ts'
import { translate } from '../../i18n/translate.ts'
import { earlierKey } from '../../ratings/earlierRatings.ts'
import { lastTimeText } from '../../ratings/lastTimeText.ts'
import { shownNumber } from '../../ratings/shownNumber.ts'
import { userColor } from '../userColor.ts'
import { defaultToolkitOptions, type ToolkitShapeUtilOptions } from './DangerStatementShapeUtil.tsx'
import { RatedMarkerView } from './RatedMarkerShapeUtil.tsx'
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

  /** Read out and copied as text: without the number while the line is private. */
  override getText(shape: SMScalingMarkShape): string {
    const value = shownNumber(shape.props, this.options.toolkit.privateScales.get())
    return value === null ? shape.props.participantName : `${shape.props.participantName}: ${value}`
  }

  override onDoubleClick(shape: SMScalingMarkShape) {
    this.options.toolkit.editRequest.set({ kind: 'mark', scaleId: shape.props.scaleId })
  }

  /** A mark on a private scale does not move: the relay refuses writing any mark there until the reveal. */
  override onTranslate(initial: SMScalingMarkShape, current: SMScalingMarkShape) {
    if (!this.options.toolkit.privateScales.get().includes(current.props.scaleId)) return
    return { id: current.id, type: current.type, x: initial.x, y: initial.y }
  }

  /** A mark dropped somewhere on its band (the rating band, or a Safety House path) takes the number under its centre. */
  override onTranslateEnd(_initial: SMScalingMarkShape, current: SMScalingMarkShape) {
    if (this.options.toolkit.privateScales.get().includes(current.props.scaleId)) return
    const band = this.editor.getShape((isPathScale(this.editor, current.props.scaleId) ? current.props.scaleId : zoneShapeId('scale')) as TLShapeId)
    const bounds = band ? this.editor.getShapePageBounds(band) : undefined
    const centre = this.editor.getShapePageBounds(current)?.center
    if (!bounds || !centre || !bounds.containsPoint(centre)) return
    const value = scaleValueAt({ key: 'scale', x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }, centre.x)
    if (value === current.props.value) return
    return { id: current.id, type: current.type, props: { value } }
  }
}

/** Whether `scaleId` is a Safety House's path to the door (map-model MM-32): the path zone's id. */
export function isPathScale(editor: Editor, scaleId: string): boolean {
  const zone = scaleId.startsWith('shape:') ? editor.getShape(scaleId as TLShapeId) : undefined
  return zone?.type === 'sm-zone' && (zone.props as { zone?: unknown }).zone === SAFETY_HOUSE_PATH_KEY
}

function ScalingMarkView({ shape, toolkit }: { shape: SMScalingMarkShape; toolkit: ToolkitState }) {
  const editor = useEditor()
  const { numberOf } = useToolkitCards(editor)
  const locale = useValue(toolkit.boardLocale)
  const showAuthors = useValue(toolkit.showAuthors)
  const { scaleId, participantId, participantName, whatMakesItThisHigh, onePointHigher } = shape.props
  const value = shownNumber(shape.props, useValue(toolkit.privateScales))
  const number = numberOf.get(scaleId)
  const onPath = useValue('mark on a path', () => isPathScale(editor, scaleId), [editor, scaleId])
  const scaleLabel =
    scaleId === OVERALL_SCALE_ID
      ? translate(locale, 'toolkit.mark.overall')
      : onPath
        ? translate(locale, 'toolkit.mark.path')
        : translate(locale, 'toolkit.card.worry', { number: number === undefined ? '?' : String(number) })
  const reasons = [whatMakesItThisHigh, onePointHigher].filter(Boolean).join(' — ')
  const earlier = useValue(toolkit.earlierRatings)
  const numbers = earlier.get(earlierKey(scaleId, participantId))
  // The mark is 150 px wide: the last number only, the whole trend ("… (earlier 2 and 3)") on hover.
  const lastTime = lastTimeText(numbers?.slice(-1), locale)
  const trend = lastTimeText(numbers, locale)
  if (value === null) return <RatedMarkerView scaleId={scaleId} participantName={participantName} toolkit={toolkit} />
  return (
    <HTMLContainer className="sm-mark" data-testid="sm-scaling-mark" lang={locale} title={reasons || undefined}>
      <span className="sm-mark__value" style={{ background: userColor(participantId) }}>
        {value}
      </span>
      <span className="sm-mark__text">
        {showAuthors ? <span className="sm-mark__name">{participantName}</span> : null}
        <span className="sm-mark__scale">{scaleLabel}</span>
        {lastTime ? (
          <span className="sm-mark__scale" data-testid="sm-mark-last-time" title={trend ?? undefined}>
            {lastTime}
          </span>
        ) : null}
      </span>
    </HTMLContainer>
  )
}
