/**
 * Draws "Ana has rated" on a private scale (`sm-rated-marker`, map-model MM-23): who has given
 * their rating and on which scale, never the number — the server keeps that until the
 * facilitator shows everyone's at once. Written by the server only, so it is locked.
 * {@link RatedMarkerView} is that drawing, also drawn for a number given in the open before its
 * line went private (ScalingMarkShapeUtil).
 *
 *   RatedMarkerShapeUtil.configure({ toolkit })
 *   <RatedMarkerView scaleId="overall" participantName="Ana" toolkit={toolkit} />
 */
import { OVERALL_SCALE_ID, RATED_MARKER_SHAPE_TYPE, RATED_MARKER_SIZE } from '@safetymap/map-model'
import { ratedMarkerShapeMigrations, ratedMarkerShapeProps, type SMRatedMarkerShape } from '@safetymap/map-model/schema'
import { HTMLContainer, Rectangle2d, useEditor, useValue } from 'tldraw'
import { FixedShapeUtil } from '../FixedShapeUtil.ts'
import { translate } from '../../i18n/translate.ts'
import { defaultToolkitOptions, type ToolkitShapeUtilOptions } from './DangerStatementShapeUtil.tsx'
import type { ToolkitState } from './toolkitState.ts'
import { useToolkitCards } from './useToolkitCards.ts'

export class RatedMarkerShapeUtil extends FixedShapeUtil<SMRatedMarkerShape> {
  static override type = RATED_MARKER_SHAPE_TYPE
  static override props = ratedMarkerShapeProps
  static override migrations = ratedMarkerShapeMigrations

  override options: ToolkitShapeUtilOptions = defaultToolkitOptions()

  getDefaultProps(): SMRatedMarkerShape['props'] {
    return { scaleId: OVERALL_SCALE_ID, participantId: 'unknown', participantName: '' }
  }

  getGeometry() {
    return new Rectangle2d({ width: RATED_MARKER_SIZE.w, height: RATED_MARKER_SIZE.h, isFilled: true })
  }

  component(shape: SMRatedMarkerShape) {
    return <RatedMarkerView scaleId={shape.props.scaleId} participantName={shape.props.participantName} toolkit={this.options.toolkit} />
  }

  getIndicatorPath(): Path2D {
    const path = new Path2D()
    path.roundRect(0, 0, RATED_MARKER_SIZE.w, RATED_MARKER_SIZE.h, RATED_MARKER_SIZE.h / 2)
    return path
  }

  override getText(shape: SMRatedMarkerShape): string {
    return shape.props.participantName
  }

}

/** Props of {@link RatedMarkerView}: who has rated which scale, never the number. */
export interface RatedMarkerViewProps {
  readonly scaleId: string
  readonly participantName: string
  readonly toolkit: ToolkitState
}

/** "Ana has rated" on a scale ("Someone has rated" with names hidden), with a check where the number would be. */
export function RatedMarkerView({ scaleId, participantName, toolkit }: RatedMarkerViewProps) {
  const editor = useEditor()
  const { numberOf } = useToolkitCards(editor)
  const locale = useValue(toolkit.boardLocale)
  const showAuthors = useValue(toolkit.showAuthors)
  const number = numberOf.get(scaleId)
  const scaleLabel =
    scaleId === OVERALL_SCALE_ID
      ? translate(locale, 'toolkit.mark.overall')
      : translate(locale, 'toolkit.card.worry', { number: number === undefined ? '?' : String(number) })
  const text = showAuthors ? translate(locale, 'toolkit.hidden.hasRated', { name: participantName }) : translate(locale, 'toolkit.hidden.someoneRated')
  return (
    <HTMLContainer className="sm-mark sm-mark--hidden" data-testid="sm-rated-marker" lang={locale}>
      <span className="sm-mark__value sm-mark__value--hidden" aria-hidden="true">
        ✓
      </span>
      <span className="sm-mark__text">
        <span className="sm-mark__name">{text}</span>
        <span className="sm-mark__scale">{scaleLabel}</span>
      </span>
    </HTMLContainer>
  )
}
