/**
 * Draws a next step (`sm-next-step`, map-model MM-16): a small card in the needs colours saying
 * who does what by when, and which worry's goal it serves when it is linked to a goal. A
 * double-click opens the builder.
 *
 *   NextStepShapeUtil.configure({ toolkit })
 */
import { composeNextStep, NEXT_STEP_CARD_SIZE, NEXT_STEP_SHAPE_TYPE } from '@safetymap/map-model'
import { nextStepShapeMigrations, nextStepShapeProps, type SMNextStepShape } from '@safetymap/map-model/schema'
import { BaseBoxShapeUtil, useEditor, useValue } from 'tldraw'
import { translate } from '../../i18n/translate.ts'
import { defaultToolkitOptions, type ToolkitShapeUtilOptions } from './DangerStatementShapeUtil.tsx'
import { CARD_CORNER_RADIUS, ToolkitCard } from './ToolkitCard.tsx'
import type { ToolkitState } from './toolkitState.ts'
import { useToolkitCards } from './useToolkitCards.ts'

/** tldraw shape util for `sm-next-step`. */
export class NextStepShapeUtil extends BaseBoxShapeUtil<SMNextStepShape> {
  static override type = NEXT_STEP_SHAPE_TYPE
  static override props = nextStepShapeProps
  static override migrations = nextStepShapeMigrations

  override options: ToolkitShapeUtilOptions = defaultToolkitOptions()

  getDefaultProps(): SMNextStepShape['props'] {
    return { ...NEXT_STEP_CARD_SIZE, action: '', owner: '', dueDate: '', safetyGoalId: '' }
  }

  component(shape: SMNextStepShape) {
    return <NextStepView shape={shape} toolkit={this.options.toolkit} />
  }

  getIndicatorPath(shape: SMNextStepShape): Path2D {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, CARD_CORNER_RADIUS)
    return path
  }

  override getText(shape: SMNextStepShape): string {
    return composeNextStep(shape.props, this.options.toolkit.boardLocale.get())
  }

  override canEdit(): boolean {
    return false
  }

  override onDoubleClick(shape: SMNextStepShape) {
    this.options.toolkit.editRequest.set({ kind: 'next-step', id: shape.id })
  }
}

function NextStepView({ shape, toolkit }: { shape: SMNextStepShape; toolkit: ToolkitState }) {
  const editor = useEditor()
  const { goals, numberOf } = useToolkitCards(editor)
  const locale = useValue(toolkit.boardLocale)
  const goal = goals.find((g) => g.id === shape.props.safetyGoalId)
  const number = goal ? numberOf.get(goal.props.dangerStatementId) : undefined
  const label = translate(locale, 'toolkit.card.nextStep')
  const badge = number === undefined ? label : `${label} · ${translate(locale, 'toolkit.card.goalFor', { number: String(number) })}`
  return (
    <ToolkitCard
      shape={shape}
      toolkit={toolkit}
      badge={badge}
      sentence={composeNextStep(shape.props, locale)}
      tone="needs"
      kind="next-step"
    />
  )
}
