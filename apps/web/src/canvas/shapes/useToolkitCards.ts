/**
 * The toolkit's cards on the current page as the canvas sees them, in reading order (the same
 * order and numbers as map-model's `readMap`, MM-20), kept live: danger statements with their
 * number, safety goals with their linked statement's number.
 *
 *   const { statements, goals, numberOf } = useToolkitCards(editor)
 */
import {
  DANGER_STATEMENT_SHAPE_TYPE,
  SAFETY_GOAL_SHAPE_TYPE,
  sortInReadingOrder,
  type SMDangerStatementShape,
  type SMSafetyGoalShape,
} from '@safetymap/map-model'
import { useValue, type Editor, type TLShape } from 'tldraw'

/** The cards a dialog and a badge need. */
export interface ToolkitCards {
  readonly statements: readonly SMDangerStatementShape[]
  readonly goals: readonly SMSafetyGoalShape[]
  /** 1-based number of a danger statement, or `undefined`. */
  readonly numberOf: ReadonlyMap<string, number>
}

function inReadingOrder<S extends TLShape>(editor: Editor, shapes: readonly S[]): S[] {
  const placed = shapes.flatMap((shape) => {
    const bounds = editor.getShapePageBounds(shape)
    return bounds ? [{ id: shape.id as string, centre: { x: bounds.center.x, y: bounds.center.y }, shape }] : []
  })
  return sortInReadingOrder(placed).map((p) => p.shape)
}

/** Live cards of the editor's current page. */
export function useToolkitCards(editor: Editor): ToolkitCards {
  return useValue(
    'toolkit cards',
    () => {
      const shapes = editor.getCurrentPageShapes()
      const statements = inReadingOrder(
        editor,
        shapes.filter((s): s is SMDangerStatementShape => s.type === DANGER_STATEMENT_SHAPE_TYPE),
      )
      const goals = inReadingOrder(
        editor,
        shapes.filter((s): s is SMSafetyGoalShape => s.type === SAFETY_GOAL_SHAPE_TYPE),
      )
      return { statements, goals, numberOf: new Map(statements.map((s, i) => [s.id as string, i + 1])) }
    },
    [editor],
  )
}
