/**
 * Draws a danger statement (`sm-danger-statement`, map-model MM-14): a card in the worries colours
 * with its number ("Worry 1", in reading order as `readMap` numbers it) and the sentence composed
 * from its slots in the meeting's language (MM-18). A double-click opens the builder.
 *
 *   DangerStatementShapeUtil.configure({ toolkit })
 */
import { composeDangerStatement, DANGER_STATEMENT_SHAPE_TYPE, STATEMENT_CARD_SIZE } from '@safetymap/map-model'
import {
  dangerStatementShapeMigrations,
  dangerStatementShapeProps,
  type SMDangerStatementShape,
} from '@safetymap/map-model/schema'
import { atom, BaseBoxShapeUtil, useEditor, useValue } from 'tldraw'
import { translate } from '../../i18n/translate.ts'
import { CARD_CORNER_RADIUS, ToolkitCard } from './ToolkitCard.tsx'
import { createToolkitState, type ToolkitState } from './toolkitState.ts'
import { useToolkitCards } from './useToolkitCards.ts'

/** Options of the toolkit's shape utils; set them with `configure`. */
export interface ToolkitShapeUtilOptions {
  readonly toolkit: ToolkitState
}

/** A stand-in until `configure` hands the canvas's state in. */
export const defaultToolkitOptions = (): ToolkitShapeUtilOptions => ({
  toolkit: createToolkitState(atom('toolkit board locale', 'en')),
})

/** tldraw shape util for `sm-danger-statement`. */
export class DangerStatementShapeUtil extends BaseBoxShapeUtil<SMDangerStatementShape> {
  static override type = DANGER_STATEMENT_SHAPE_TYPE
  static override props = dangerStatementShapeProps
  static override migrations = dangerStatementShapeMigrations

  override options: ToolkitShapeUtilOptions = defaultToolkitOptions()

  getDefaultProps(): SMDangerStatementShape['props'] {
    return { ...STATEMENT_CARD_SIZE, whoIsWorried: '', behaviour: '', situations: '', impactOnChild: '', whoDisagrees: '' }
  }

  component(shape: SMDangerStatementShape) {
    return <DangerStatementView shape={shape} toolkit={this.options.toolkit} />
  }

  getIndicatorPath(shape: SMDangerStatementShape): Path2D {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, CARD_CORNER_RADIUS)
    return path
  }

  override getText(shape: SMDangerStatementShape): string {
    return composeDangerStatement(shape.props, this.options.toolkit.boardLocale.get())
  }

  override canEdit(): boolean {
    return false
  }

  override onDoubleClick(shape: SMDangerStatementShape) {
    this.options.toolkit.editRequest.set({ kind: 'danger', id: shape.id })
  }
}

function DangerStatementView({ shape, toolkit }: { shape: SMDangerStatementShape; toolkit: ToolkitState }) {
  const editor = useEditor()
  const { numberOf } = useToolkitCards(editor)
  const locale = useValue(toolkit.boardLocale)
  const badge = translate(locale, 'toolkit.card.worry', { number: String(numberOf.get(shape.id) ?? '') })
  return (
    <ToolkitCard
      shape={shape}
      toolkit={toolkit}
      badge={badge}
      sentence={composeDangerStatement(shape.props, locale)}
      tone="worries"
      kind="danger"
    />
  )
}
