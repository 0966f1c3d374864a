/**
 * The safety-mapping toolkit's cards on the phone, read-only: danger statements ("Worry 1" and
 * its sentence, with the safety goals linked to it and each goal's next steps), safety goals
 * ("Goal for worry 1") and next steps (what, who, by when, each on its own line). Sentences are composed in the
 * person's language from the slots (MM-18: connecting words change, people's words never do);
 * a card marked as someone's own words (MM-21) is shown in quotation marks and says so; who does
 * not agree with a card shows on it, and others may say "I disagree" (MM-25).
 *
 *   <DangerStatementCards map={map} actions={actions} />
 *   <SafetyGoalCards map={map} actions={actions} />
 *   <NextStepCards map={map} actions={actions} />
 */
import {
  composeDangerStatement,
  composeSafetyGoal,
  formatDueDate,
  quoted,
  type Attribution,
  type Locale,
  type MapNextStep,
  type MapSafetyGoal,
  type SafetyMap,
} from '@safetymap/map-model'
import type { Disagreement } from '@safetymap/map-model'
import { useId } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { Disagreements } from './Disagreements.tsx'
import type { SectionActions } from './SectionList.tsx'

type ToolkitMap = Pick<SafetyMap, 'dangerStatements' | 'safetyGoals' | 'nextSteps'>

/** What the cards may do: say "I disagree" (never change them: the builders on the board do that). */
export type CardActions = Pick<SectionActions, 'canWrite' | 'selfId' | 'disagree'>

interface CardListProps {
  readonly map: ToolkitMap
  readonly actions: CardActions
}

/** "Does not agree: …" and the "I disagree" toggle on someone else's card. */
function CardDisagreements({ card, actions, describedBy }: { card: { id: string; authorId: string; disagreements?: readonly Disagreement[] }; actions: CardActions; describedBy: string }) {
  return (
    <Disagreements
      list={card.disagreements}
      selfId={actions.selfId}
      canWrite={actions.canWrite && card.authorId !== actions.selfId}
      describedBy={describedBy}
      onToggle={(on) => actions.disagree(card.id, on)}
    />
  )
}

/** "Written by …" and, for someone's own words, a tag saying so (quotation marks alone are not read aloud). */
export function Byline({ card, selfId }: { card: Pick<Attribution, 'authorId' | 'authorName' | 'quote'>; selfId: string }) {
  const { t } = useI18n()
  const by = card.authorId === selfId ? t('phone.byYou') : card.authorName ? t('phone.by', { name: card.authorName }) : t('phone.byUnknown')
  return (
    <p className="phone-byline">
      <span>{by}</span>
      {card.quote ? (
        <span className="phone-tag" data-testid="quote-tag">
          {t('phone.ownWords')}
        </span>
      ) : null}
    </p>
  )
}

function Sentence({ id, text, quote, locale }: { id: string; text: string; quote: boolean; locale: Locale }) {
  return (
    <p className="phone-item-text" id={id} data-testid="card-sentence">
      {quote ? quoted(text, locale) : text}
    </p>
  )
}

function dueDate(step: MapNextStep, locale: Locale): string {
  return step.fields.dueDate ? formatDueDate(step.fields.dueDate, locale) : ''
}

/** What, who and by when, each on its own line so a phone never has to fit them side by side. */
function NextStepFacts({ step }: { step: MapNextStep }) {
  const { t, locale } = useI18n()
  const date = dueDate(step, locale)
  return (
    <ul className="phone-facts">
      <li>
        <span className="phone-fact-label">{t('phone.step.who')}</span> {step.fields.owner || t('phone.step.nobodyYet')}
      </li>
      <li>
        <span className="phone-fact-label">{t('phone.step.byWhen')}</span> {date || t('phone.step.noDate')}
      </li>
    </ul>
  )
}

function stepsFor(map: ToolkitMap, goal: MapSafetyGoal): readonly MapNextStep[] {
  return map.nextSteps.filter((s) => s.safetyGoalId === goal.id)
}

/** The danger statements, each with its goals and their next steps. */
export function DangerStatementCards({ map, actions }: CardListProps) {
  const { t, locale } = useI18n()
  const id = useId()
  if (map.dangerStatements.length === 0) return null
  return (
    <ol className="phone-items phone-cards" aria-label={t('phone.worries')}>
      {map.dangerStatements.map((statement) => {
        const goals = map.safetyGoals.filter((g) => g.dangerStatementId === statement.id)
        return (
          <li key={statement.id} className="phone-item phone-card" data-testid="danger-statement" data-card-id={statement.id}>
            <p className="phone-card-label">{t('toolkit.card.worry', { number: statement.number })}</p>
            <Sentence id={`${id}-${statement.id}`} text={composeDangerStatement(statement.slots, locale)} quote={statement.quote} locale={locale} />
            <Byline card={statement} selfId={actions.selfId} />
            <CardDisagreements card={statement} actions={actions} describedBy={`${id}-${statement.id}`} />
            {goals.length > 0 ? (
              <div className="phone-linked">
                <p className="phone-linked-heading">{t('phone.goalsForWorry', { number: statement.number })}</p>
                <ul className="phone-linked-list">
                  {goals.map((goal) => (
                    <li key={goal.id} data-testid="linked-goal">
                      <p>{goal.quote ? quoted(composeSafetyGoal(goal.slots, locale), locale) : composeSafetyGoal(goal.slots, locale)}</p>
                      {stepsFor(map, goal).length > 0 ? (
                        <ul className="phone-linked-list">
                          {stepsFor(map, goal).map((step) => (
                            <li key={step.id} data-testid="linked-step">
                              <p>
                                <span className="phone-fact-label">{t('phone.step.label')}</span> {step.quote ? quoted(step.fields.action, locale) : step.fields.action}
                              </p>
                              <NextStepFacts step={step} />
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="phone-muted">{t('phone.noGoalYet')}</p>
            )}
          </li>
        )
      })}
    </ol>
  )
}

/** Every safety goal, saying which worry it is for. */
export function SafetyGoalCards({ map, actions }: CardListProps) {
  const { t, locale } = useI18n()
  const id = useId()
  if (map.safetyGoals.length === 0) return null
  return (
    <ul className="phone-items phone-cards" aria-label={t('phone.goals')}>
      {map.safetyGoals.map((goal) => (
        <li key={goal.id} className="phone-item phone-card" data-testid="safety-goal" data-card-id={goal.id}>
          <p className="phone-card-label">
            {goal.dangerStatementNumber !== null ? t('toolkit.card.goalFor', { number: goal.dangerStatementNumber }) : t('toolkit.card.goalUnlinked')}
          </p>
          <Sentence id={`${id}-${goal.id}`} text={composeSafetyGoal(goal.slots, locale)} quote={goal.quote} locale={locale} />
          <Byline card={goal} selfId={actions.selfId} />
          <CardDisagreements card={goal} actions={actions} describedBy={`${id}-${goal.id}`} />
        </li>
      ))}
    </ul>
  )
}

/** Every next step: what, who and by when. */
export function NextStepCards({ map, actions }: CardListProps) {
  const { t, locale } = useI18n()
  const id = useId()
  if (map.nextSteps.length === 0) return null
  const goalNumber = new Map(map.safetyGoals.map((g) => [g.id, g.dangerStatementNumber]))
  return (
    <ul className="phone-items phone-cards" aria-label={t('phone.steps')}>
      {map.nextSteps.map((step) => {
        const worry = step.safetyGoalId ? goalNumber.get(step.safetyGoalId) : undefined
        return (
          <li key={step.id} className="phone-item phone-card" data-testid="next-step" data-card-id={step.id}>
            <p className="phone-card-label">{typeof worry === 'number' ? t('phone.step.forWorry', { number: worry }) : t('toolkit.card.nextStep')}</p>
            <Sentence id={`${id}-${step.id}`} text={step.fields.action || t('phone.step.noAction')} quote={step.quote && step.fields.action !== ''} locale={locale} />
            <NextStepFacts step={step} />
            <Byline card={step} selfId={actions.selfId} />
            <CardDisagreements card={step} actions={actions} describedBy={`${id}-${step.id}`} />
          </li>
        )
      })}
    </ul>
  )
}
