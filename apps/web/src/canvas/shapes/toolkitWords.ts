/**
 * The toolkit's words that name the map's sections, in the wording of the map's variant (MM-34):
 * on a wellbeing map the bar says "Add a worry statement" and "Add a wellbeing goal", on a
 * consultation map "Add a risk statement". The variant picks each section's heading key through
 * map-model's `templateZoneWords` (as the zones' headings do); the toolkit's words are looked up
 * under that same key, falling back to the three columns' words.
 *
 *   const words = useToolkitWords(editor)
 *   t(words.statement.add) // 'Add a worry statement'
 */
import { isTemplateId, templateZoneWords, zoneShapeId, type LabelKey } from '@safetymap/map-model'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import type { MessageKey } from '../../i18n/messages.ts'

interface StatementWords {
  readonly add: MessageKey
  readonly title: MessageKey
}

interface GoalWords {
  readonly add: MessageKey
  readonly title: MessageKey
  readonly intro: MessageKey
  /** What the rating's 0 and 10 mean, as the rating builder and the ends builder explain them. */
  readonly markIntro: MessageKey
  readonly tenHint: MessageKey
  readonly zeroHint: MessageKey
}

const STATEMENT_WORDS = {
  danger: { add: 'toolkit.addDangerStatement', title: 'toolkit.danger.title' },
  'wellbeing-danger': { add: 'toolkit.variant.addWorryStatement', title: 'toolkit.variant.worryTitle' },
  'consultation-danger': { add: 'toolkit.variant.addRiskStatement', title: 'toolkit.variant.riskTitle' },
} as const satisfies Partial<Record<LabelKey, StatementWords>>

const GOAL_WORDS = {
  goals: {
    add: 'toolkit.addSafetyGoal',
    title: 'toolkit.goal.title',
    intro: 'toolkit.goal.intro',
    markIntro: 'toolkit.mark.intro',
    tenHint: 'toolkit.ends.tenHint',
    zeroHint: 'toolkit.ends.zeroHint',
  },
  'wellbeing-goals': {
    add: 'toolkit.variant.addWellbeingGoal',
    title: 'toolkit.variant.wellbeingGoalTitle',
    intro: 'toolkit.variant.wellbeingGoalIntro',
    markIntro: 'toolkit.variant.wellbeingMarkIntro',
    tenHint: 'toolkit.variant.wellbeingTenHint',
    zeroHint: 'toolkit.variant.wellbeingZeroHint',
  },
} as const satisfies Partial<Record<LabelKey, GoalWords>>

/** The toolkit's words for a map whose own zones carry `templateId` (the three columns when none). */
export function toolkitWords(templateId: unknown): { statement: StatementWords; goal: GoalWords } {
  const variant = isTemplateId(templateId) ? templateId : null
  const statement: Partial<Record<LabelKey, StatementWords>> = STATEMENT_WORDS
  const goal: Partial<Record<LabelKey, GoalWords>> = GOAL_WORDS
  return {
    statement: statement[templateZoneWords('danger', variant).heading] ?? STATEMENT_WORDS.danger,
    goal: goal[templateZoneWords('goals', variant).heading] ?? GOAL_WORDS.goals,
  }
}

/** {@link toolkitWords} for the map on the canvas, following its variant live (the three columns' until the editor is there). */
export function useToolkitWords(editor: Editor | null): ReturnType<typeof toolkitWords> {
  // The danger zone carries the variant of the meeting's own map (map-model's readMapVariant reads the same).
  const templateId = useValue('map variant', () => editor?.getShape(zoneShapeId('danger') as TLShapeId)?.meta.templateId, [editor])
  return toolkitWords(templateId)
}
