/**
 * Draws a safety goal (`sm-safety-goal`, map-model MM-15): a card in the needs colours whose
 * badge names the worry it answers ("Goal for worry 1"). The link is the statement's shape id in
 * the goal's props, so it survives moves of either card; the number follows the statements'
 * reading order live. A double-click opens the builder.
 *
 *   SafetyGoalShapeUtil.configure({ toolkit })
 */
import { composeSafetyGoal, SAFETY_GOAL_SHAPE_TYPE, STATEMENT_CARD_SIZE } from '@safetymap/map-model'
import { safetyGoalShapeMigrations, safetyGoalShapeProps, type SMSafetyGoalShape } from '@safetymap/map-model/schema'
import { BaseBoxShapeUtil, useEditor, useValue } from 'tldraw'
import { translate } from '../../i18n/translate.ts'
import { defaultToolkitOptions, type ToolkitShapeUtilOptions } from './DangerStatementShapeUtil.tsx'
import { CARD_CORNER_RADIUS, ToolkitCard } from './ToolkitCard.tsx'
import type { ToolkitState } from './toolkitState.ts'
import { useToolkitCards } from './useToolkitCards.ts'

/** tldraw shape util for `sm-safety-goal`. */
export class SafetyGoalShapeUtil extends BaseBoxShapeUtil<SMSafetyGoalShape> {
  static override type = SAFETY_GOAL_SHAPE_TYPE
  static override props = safetyGoalShapeProps
  static override migrations = safetyGoalShapeMigrations

  override options: ToolkitShapeUtilOptions = defaultToolkitOptions()

  getDefaultProps(): SMSafetyGoalShape['props'] {
    return {
      ...STATEMENT_CARD_SIZE,
      caregiversWillBeDoing: '',
      childWillExperience: '',
      whoIsInvolved: '',
      forHowLong: '',
      howEveryoneWillKnow: '',
      dangerStatementId: '',
    }
  }

  component(shape: SMSafetyGoalShape) {
    return <SafetyGoalView shape={shape} toolkit={this.options.toolkit} />
  }

  getIndicatorPath(shape: SMSafetyGoalShape): Path2D {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, CARD_CORNER_RADIUS)
    return path
  }

  override getText(shape: SMSafetyGoalShape): string {
    return composeSafetyGoal(shape.props, this.options.toolkit.boardLocale.get())
  }

  override canEdit(): boolean {
    return false
  }

  override onDoubleClick(shape: SMSafetyGoalShape) {
    this.options.toolkit.editRequest.set({ kind: 'goal', id: shape.id })
  }
}

function SafetyGoalView({ shape, toolkit }: { shape: SMSafetyGoalShape; toolkit: ToolkitState }) {
  const editor = useEditor()
  const { numberOf } = useToolkitCards(editor)
  const locale = useValue(toolkit.boardLocale)
  const number = numberOf.get(shape.props.dangerStatementId)
  const badge =
    number === undefined
      ? translate(locale, 'toolkit.card.goalUnlinked')
      : translate(locale, 'toolkit.card.goalFor', { number: String(number) })
  return (
    <ToolkitCard
      shape={shape}
      toolkit={toolkit}
      badge={badge}
      sentence={composeSafetyGoal(shape.props, locale)}
      tone="needs"
      kind="goal"
    />
  )
}
