/**
 * The safety-mapping tools on the canvas: a bar with "Add a danger statement", "Add a safety
 * goal", "Add a next step", "Give your rating", the "Direct quote" flag for what is selected and
 * the "Show names" switch (off for a projector), plain-language prompts for the selected note,
 * plus the builder dialog that is open. Render it
 * inside `<Tldraw>` so it has the editor.
 *
 * New cards and marks are written through map-model (placement in the right section, one mark
 * per person per scale, MM-14 … MM-17) straight into the meeting's doc; the canvas binding shows
 * them like any remote change. Edits of an existing card go through the editor.
 *
 *   <Tldraw …><ToolkitControls doc={doc} user={user} toolkit={toolkit} canEdit={!readonly} /></Tldraw>
 */
import {
  addDangerStatement,
  addNextStep,
  addSafetyGoal,
  composeDangerStatement,
  composeNextStep,
  composeSafetyGoal,
  DANGER_STATEMENT_SLOTS,
  DISAGREEABLE_SHAPE_TYPES,
  metaWithDisagreement,
  metaWithoutDisagreement,
  readDisagreements,
  NEXT_STEP_FIELDS,
  NOTE_SHAPE_TYPE,
  OVERALL_SCALE_ID,
  SAFETY_GOAL_SLOTS,
  scalingMarkId,
  writeScalingMark,
  type DangerStatementSlots,
  type NextStepFields,
  type SafetyGoalSlots,
} from '@safetymap/map-model'
import { useState, type ReactNode } from 'react'
import { useEditor, useValue, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import type * as Y from 'yjs'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { BuilderDialog, type BuilderField } from './BuilderDialog.tsx'
import { Disagreements } from './Disagreements.tsx'
import { HiddenRatingsPanel } from './HiddenRatingsPanel.tsx'
import { ratingsApi } from '../ratingsApi.ts'
import { usePrivateScales } from '../usePrivateScales.ts'
import { NoteAttribution } from './NoteAttribution.tsx'
import { NotePlainLanguageHint } from './NotePlainLanguageHint.tsx'
import type { BuilderRequest, ToolkitState } from './toolkitState.ts'
import { useToolkitCards, type ToolkitCards } from './useToolkitCards.ts'
import './toolkit.css'

/** Props of {@link ToolkitControls}. */
export interface ToolkitControlsProps {
  readonly doc: Y.Doc
  /** Who is at this browser: new cards and marks are theirs. */
  readonly user: { readonly id: string; readonly name: string }
  readonly toolkit: ToolkitState
  /** False for viewers and finished meetings: only the names switch shows. */
  readonly canEdit: boolean
  /** The meeting, for private ratings (sent to the server, never into the doc). */
  readonly meetingId?: string
  /** Facilitators get the private-ratings panel. */
  readonly isFacilitator?: boolean
  /** More controls at the end of the bar (follow-me, present mode). */
  readonly extra?: ReactNode
}

/** Shapes that can carry the direct-quote flag. */
const QUOTABLE_TYPES: ReadonlySet<string> = new Set([NOTE_SHAPE_TYPE, 'sm-danger-statement', 'sm-safety-goal', 'sm-next-step'])

/** The bar, the open dialog and the note names overlay. */
export function ToolkitControls({ doc, user, toolkit, canEdit, meetingId, isFacilitator = false, extra }: ToolkitControlsProps) {
  const editor = useEditor()
  const { t } = useI18n()
  const request = useValue(toolkit.editRequest)
  const showAuthors = useValue(toolkit.showAuthors)
  const quotable = useValue(
    'quotable selection',
    () => editor.getSelectedShapes().filter((s) => QUOTABLE_TYPES.has(s.type)),
    [editor],
  )
  const allQuoted = quotable.length > 0 && quotable.every((s) => s.meta.quote === true)
  const disagreeable = useValue(
    'disagreeable selection',
    () => editor.getSelectedShapes().filter((s) => DISAGREEABLE_SHAPE_TYPES.includes(s.type)),
    [editor],
  )
  const iDisagree = disagreeable.length > 0 && disagreeable.every((s) => readDisagreements(s.meta).some((d) => d.participantId === user.id))
  const [panelOpen, setPanelOpen] = useState(false)
  const [notice, setNotice] = useState<'saved' | 'failed' | null>(null)

  const toggleDisagree = () => {
    const now = new Date()
    editor.updateShapes(
      disagreeable.map((s) => ({
        id: s.id,
        type: s.type,
        meta: (iDisagree
          ? metaWithoutDisagreement(s.meta, user.id)
          : metaWithDisagreement(s.meta, { id: user.id, name: user.name }, now)) as TLShape['meta'],
      })),
    )
  }
  const open = (kind: BuilderRequest['kind']) => toolkit.editRequest.set({ kind })

  const toggleQuote = () => {
    editor.updateShapes(quotable.map((s) => ({ id: s.id, type: s.type, meta: { ...s.meta, quote: !allQuoted } })))
  }

  return (
    <>
      <NoteAttribution toolkit={toolkit} />
      <NotePlainLanguageHint toolkit={toolkit} />
      <Disagreements toolkit={toolkit} />
      <div className="sm-toolkit-bar" role="toolbar" aria-label={t('toolkit.bar')} onPointerDown={(e) => e.stopPropagation()}>
        {canEdit ? (
          <>
            <button type="button" onClick={() => open('danger')}>
              {t('toolkit.addDangerStatement')}
            </button>
            <button type="button" onClick={() => open('goal')}>
              {t('toolkit.addSafetyGoal')}
            </button>
            <button type="button" onClick={() => open('next-step')}>
              {t('toolkit.addNextStep')}
            </button>
            <button type="button" onClick={() => open('mark')}>
              {t('toolkit.addRating')}
            </button>
            <button
              type="button"
              aria-pressed={allQuoted}
              disabled={quotable.length === 0}
              title={t('toolkit.directQuoteHint')}
              onClick={toggleQuote}
            >
              {t('toolkit.directQuote')}
            </button>
            <button
              type="button"
              aria-pressed={iDisagree}
              disabled={disagreeable.length === 0}
              title={t('toolkit.disagree.hint')}
              onClick={toggleDisagree}
            >
              {t('toolkit.disagree.button')}
            </button>
            {isFacilitator && meetingId ? (
              <button type="button" aria-expanded={panelOpen} onClick={() => setPanelOpen((open) => !open)}>
                {t('toolkit.hidden.panel')}
              </button>
            ) : null}
          </>
        ) : null}
        <label className="sm-toolkit-bar__switch">
          <input type="checkbox" checked={showAuthors} onChange={(e) => toolkit.showAuthors.set(e.target.checked)} />
          {t('toolkit.showNames')}
        </label>
        {extra}
      </div>
      {notice ? (
        <p className="sm-toolkit-notice" role={notice === 'failed' ? 'alert' : 'status'} data-testid="toolkit-notice">
          {t(notice === 'saved' ? 'toolkit.hidden.saved' : 'toolkit.hidden.failed')}{' '}
          <button type="button" onClick={() => setNotice(null)}>
            {t('toolkit.hidden.close')}
          </button>
        </p>
      ) : null}
      {panelOpen && isFacilitator && meetingId && canEdit ? (
        <HiddenRatingsPanel doc={doc} meetingId={meetingId} toolkit={toolkit} onClose={() => setPanelOpen(false)} />
      ) : null}
      {request && canEdit ? (
        <ToolkitDialog
          key={`${request.kind}-${request.id ?? 'new'}`}
          request={request}
          doc={doc}
          user={user}
          toolkit={toolkit}
          editor={editor}
          {...(meetingId ? { meetingId } : {})}
          onPrivateSaved={(ok) => setNotice(ok ? 'saved' : 'failed')}
        />
      ) : null}
    </>
  )
}

interface ToolkitDialogProps {
  readonly request: BuilderRequest
  readonly doc: Y.Doc
  readonly user: { readonly id: string; readonly name: string }
  readonly toolkit: ToolkitState
  readonly editor: Editor
  readonly meetingId?: string
  /** Told whether a rating on a private scale reached the server. */
  readonly onPrivateSaved: (ok: boolean) => void
}

const textFields = (prefix: string, names: readonly string[], required: readonly string[]): BuilderField[] =>
  names.map((name) => ({
    name,
    label: `${prefix}.${name}` as BuilderField['label'],
    hint: `${prefix}.${name}Hint` as BuilderField['hint'],
    required: required.includes(name),
  }))

/** Exactly `names` from `values`, as strings ('' when missing): what a card's props hold. */
function pickStrings(values: Readonly<Record<string, unknown>>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, typeof values[n] === 'string' ? (values[n] as string) : '']))
}

/** Slot values of an existing card, or empty strings for a new one. */
const initialValues = (shape: TLShape | undefined, names: readonly string[]) =>
  pickStrings((shape?.props ?? {}) as Record<string, unknown>, names)

/** A short label for a card in a link list: its number and the start of its sentence. */
function excerpt(text: string): string {
  return text.length > 70 ? `${text.slice(0, 69)}…` : text
}

function ToolkitDialog({ request, doc, user, toolkit, editor, meetingId, onPrivateSaved }: ToolkitDialogProps) {
  const { t } = useI18n()
  const privateScales = usePrivateScales(doc)
  const locale = useValue(toolkit.meetingLocale)
  const cards: ToolkitCards = useToolkitCards(editor)
  const close = () => toolkit.editRequest.set(null)
  const author = { id: user.id, name: user.name }
  const existing = request.id ? editor.getShape(request.id as TLShapeId) : undefined
  const startQuote = existing?.meta.quote === true

  /** Saves an edit through the editor: slots into props, the quote flag into meta. */
  const saveEdit = (shape: TLShape, props: Record<string, string>, quote: boolean) => {
    editor.updateShape({ id: shape.id, type: shape.type, props, meta: { ...shape.meta, quote } })
  }

  const statementOptions = [
    { value: '', label: t('toolkit.goal.noLink') },
    ...cards.statements.map((s) => ({
      value: s.id as string,
      label: `${t('toolkit.card.worry', { number: String(cards.numberOf.get(s.id) ?? '') })}: ${excerpt(composeDangerStatement(s.props, locale))}`,
    })),
  ]

  switch (request.kind) {
    case 'danger':
      return (
        <BuilderDialog
          title="toolkit.danger.title"
          intro="toolkit.danger.intro"
          fields={textFields('toolkit.danger', DANGER_STATEMENT_SLOTS, ['whoIsWorried', 'behaviour', 'impactOnChild'])}
          initial={initialValues(existing, DANGER_STATEMENT_SLOTS)}
          contentLocale={locale}
          preview={(v) => composeDangerStatement(v as unknown as DangerStatementSlots, locale)}
          quote={startQuote}
          onSave={(v, quote) => {
            const slots = pickStrings(v, DANGER_STATEMENT_SLOTS)
            if (existing) saveEdit(existing, slots, quote)
            else addDangerStatement(doc, slots as unknown as DangerStatementSlots, author, { now: new Date(), quote })
            close()
          }}
          onClose={close}
        />
      )
    case 'goal': {
      const names = [...SAFETY_GOAL_SLOTS, 'dangerStatementId']
      const firstStatement = cards.statements.find((s) => !cards.goals.some((g) => g.props.dangerStatementId === s.id))
      const initial = initialValues(existing, names)
      if (!existing) initial.dangerStatementId = firstStatement?.id ?? cards.statements[0]?.id ?? ''
      return (
        <BuilderDialog
          title="toolkit.goal.title"
          intro="toolkit.goal.intro"
          fields={[
            { name: 'dangerStatementId', label: 'toolkit.goal.dangerStatementId', type: 'select', options: statementOptions },
            ...textFields('toolkit.goal', SAFETY_GOAL_SLOTS, ['caregiversWillBeDoing', 'childWillExperience']),
          ]}
          initial={initial}
          contentLocale={locale}
          preview={(v) => composeSafetyGoal(v as unknown as SafetyGoalSlots, locale)}
          quote={startQuote}
          onSave={(v, quote) => {
            const goal = pickStrings(v, names)
            if (existing) saveEdit(existing, goal, quote)
            else addSafetyGoal(doc, goal as unknown as SafetyGoalSlots & { dangerStatementId: string }, author, { now: new Date(), quote })
            close()
          }}
          onClose={close}
        />
      )
    }
    case 'next-step': {
      const names = [...NEXT_STEP_FIELDS, 'safetyGoalId']
      const goalOptions = [
        { value: '', label: t('toolkit.nextStep.noLink') },
        ...cards.goals.map((g) => ({ value: g.id as string, label: excerpt(composeSafetyGoal(g.props, locale)) })),
      ]
      return (
        <BuilderDialog
          title="toolkit.nextStep.title"
          intro="toolkit.nextStep.intro"
          fields={[
            ...textFields('toolkit.nextStep', ['action', 'owner'], ['action', 'owner']),
            { name: 'dueDate', label: 'toolkit.nextStep.dueDate', hint: 'toolkit.nextStep.dueDateHint', type: 'date' },
            { name: 'safetyGoalId', label: 'toolkit.nextStep.safetyGoalId', type: 'select', options: goalOptions },
          ]}
          initial={initialValues(existing, names)}
          contentLocale={locale}
          preview={(v) => composeNextStep(v as unknown as NextStepFields, locale)}
          quote={startQuote}
          onSave={(v, quote) => {
            const step = pickStrings(v, names)
            if (existing) saveEdit(existing, step, quote)
            else addNextStep(doc, step as unknown as NextStepFields & { safetyGoalId: string }, author, { now: new Date(), quote })
            close()
          }}
          onClose={close}
        />
      )
    }
    case 'mark': {
      const scaleOptions = [
        { value: OVERALL_SCALE_ID, label: t('toolkit.mark.overall') },
        ...statementOptions.slice(1),
      ]
      const scaleId = request.scaleId ?? OVERALL_SCALE_ID
      const mine = editor.getShape(scalingMarkId(scaleId, user.id) as TLShapeId)
      const props = (mine?.props ?? {}) as Record<string, unknown>
      return (
        <BuilderDialog
          title="toolkit.mark.title"
          intro="toolkit.mark.intro"
          fields={[
            { name: 'scaleId', label: 'toolkit.mark.scaleId', type: 'select', options: scaleOptions },
            { name: 'value', label: 'toolkit.mark.value', type: 'number', required: true },
            ...textFields('toolkit.mark', ['whatMakesItThisHigh', 'onePointHigher'], []),
          ]}
          initial={{
            scaleId,
            value: typeof props.value === 'number' ? String(props.value) : '',
            whatMakesItThisHigh: typeof props.whatMakesItThisHigh === 'string' ? props.whatMakesItThisHigh : '',
            onePointHigher: typeof props.onePointHigher === 'string' ? props.onePointHigher : '',
          }}
          contentLocale={locale}
          onSave={(v) => {
            const value = Number(v.value)
            if (!Number.isFinite(value)) return
            const chosen = v.scaleId || OVERALL_SCALE_ID
            if (meetingId && privateScales.includes(chosen)) {
              // Private until revealed: the number and reasons go to the server, never into the doc.
              const rating = {
                value: Math.min(10, Math.max(0, value)),
                whatMakesItThisHigh: v.whatMakesItThisHigh ?? '',
                onePointHigher: v.onePointHigher ?? '',
              }
              void ratingsApi.rate(meetingId, chosen, rating).then((result) => onPrivateSaved(result.ok))
              close()
              return
            }
            writeScalingMark(
              doc,
              {
                scaleId: v.scaleId || OVERALL_SCALE_ID,
                participant: author,
                value,
                reasons: { whatMakesItThisHigh: v.whatMakesItThisHigh ?? '', onePointHigher: v.onePointHigher ?? '' },
              },
              { now: new Date() },
            )
            close()
          }}
          onClose={close}
        />
      )
    }
  }
}
