/**
 * The facilitator's "Meeting steps": a button in the tools strip that opens a column beside the
 * canvas (where "Who's here" sits, so it covers neither the map nor tldraw's tools) listing the
 * usual order of a meeting (`meetingStepList.ts`). Each step's actions take her where the step
 * happens, by calling what the board already has: the people panel, "Meeting details" at the
 * right field, the builders, the view moved to a part of the map. A step's template is added the
 * first time and shown after that, so going back to a step never puts a second copy on the board
 * (and a finished map still shows the ones it has). She ticks
 * a step done and the panel names the next one. Escape in it closes it and gives the keyboard back
 * to its button. In present mode both step aside, as the people column does (`canvas.css`). Render
 * it inside `<Tldraw>` (it needs the editor); the column goes into `slot`.
 *
 *   <Tldraw …><MeetingSteps meetingId={id} doc={doc} toolkit={toolkit} slot={slot} canEdit onShowPeople={…} onOpenDetails={…} /></Tldraw>
 */
import { readZones, type MapZone } from '@safetymap/map-model'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { Box, useEditor } from 'tldraw'
import type * as Y from 'yjs'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import type { MeetingDetailsField } from '../meetingDetails/MeetingDetailsButton.tsx'
import { useDocValue } from '../ui/useDocValue.ts'
import { isStepTemplate, MEETING_STEP_LIST, readDoneSteps, writeDoneSteps, type MeetingStepAction, type MeetingStepId, type StepTemplate } from './meetingStepList.ts'
import { presentParts, type PresentPart } from './presentParts.ts'
import type { ToolkitState } from './shapes/toolkitState.ts'
import { useToolkitWords } from './shapes/toolkitWords.ts'
import { frameContent, type ScreenRect } from './showMapTop.ts'
import { addTemplate } from './templates/addTemplate.ts'

/** Props of {@link MeetingSteps}. */
export interface MeetingStepsProps {
  readonly meetingId: string
  readonly doc: Y.Doc
  readonly toolkit: ToolkitState
  /** Where the open column goes: beside the canvas, as the people panel. */
  readonly slot: HTMLElement | null
  /** False for a finished map: the steps that add to it show no action. */
  readonly canEdit: boolean
  /** Opens "Who's here". */
  readonly onShowPeople: () => void
  /** Opens "Meeting details" with the keyboard on `field`. */
  readonly onOpenDetails: (field: MeetingDetailsField) => void
}

/** Actions that add to the map, which a finished map does not take (a step's template: only its adding). */
const WRITES: ReadonlySet<MeetingStepAction> = new Set(['danger', 'goal', 'rating'])

/** The bounds of the map's parts `pick` chooses, all together; undefined (the whole page) when the map has none of them. */
function partsBounds(zones: readonly MapZone[], pick: (part: PresentPart) => boolean): ScreenRect | undefined {
  const picked = presentParts(zones, () => false).flatMap((part) => (part.kind !== 'whole' && pick(part) ? [Box.From(part.bounds)] : []))
  return picked.length === 0 ? undefined : Box.Common(picked)
}

const placedTemplate = (templateId: StepTemplate) => (part: PresentPart) => part.kind === 'template' && part.templateId === templateId

/** A step's template: "Add …" puts it on the board and frames it; once there (by any means), "Show …" frames what is there. */
function TemplateStepButton({ doc, templateId, canEdit }: { readonly doc: Y.Doc; readonly templateId: StepTemplate; readonly canEdit: boolean }) {
  const editor = useEditor()
  const { t } = useI18n()
  const placed = partsBounds(useDocValue(doc, readZones), placedTemplate(templateId))
  if (!placed && !canEdit) return null
  const run = () => (placed ? frameContent(editor, placed) : addTemplate(editor, doc, templateId))
  return (
    <button type="button" onClick={run}>
      {t(placed ? `meetingSteps.show.${templateId}` : `meetingSteps.add.${templateId}`)}
    </button>
  )
}

/** The button and, while open, the column of steps. */
export function MeetingSteps({ meetingId, doc, toolkit, slot, canEdit, onShowPeople, onOpenDetails }: MeetingStepsProps) {
  const editor = useEditor()
  const { t } = useI18n()
  const words = useToolkitWords(editor)
  const panelId = useId()
  const headingId = useId()
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState(() => readDoneSteps(meetingId))
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLElement>(null)
  const next = MEETING_STEP_LIST.find((step) => !done.has(step.id))

  useEffect(() => {
    if (open) panelRef.current?.focus()
  }, [open])

  const close = () => {
    setOpen(false)
    buttonRef.current?.focus()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    close()
  }
  const toggleDone = (id: MeetingStepId) => {
    const ticked = new Set(done)
    if (!ticked.delete(id)) ticked.add(id)
    setDone(ticked)
    writeDoneSteps(meetingId, ticked)
  }

  const frame = (pick: (part: PresentPart) => boolean) => frameContent(editor, partsBounds(readZones(doc), pick))
  const actions: Readonly<Record<Exclude<MeetingStepAction, StepTemplate>, { readonly label: MessageKey; readonly run: () => void }>> = {
    people: { label: 'meetingSteps.action.people', run: onShowPeople },
    purpose: { label: 'meetingSteps.action.purpose', run: () => onOpenDetails('purpose') },
    agreements: { label: 'meetingSteps.action.agreements', run: () => onOpenDetails('agreements') },
    columns: { label: 'meetingSteps.action.columns', run: () => frame((p) => p.kind === 'column' && p.column !== 'needs') },
    danger: { label: words.statement.add, run: () => toolkit.editRequest.set({ kind: 'danger' }) },
    goal: { label: words.goal.add, run: () => toolkit.editRequest.set({ kind: 'goal' }) },
    rating: {
      label: 'meetingSteps.action.rating',
      run: () => {
        frame((p) => p.kind === 'scale')
        toolkit.editRequest.set({ kind: 'mark' })
      },
    },
    'next-steps': {
      label: 'meetingSteps.action.next-steps',
      run: () => {
        // The safety plan once one is on the board, the next-steps section until then.
        const zones = readZones(doc)
        const plan = partsBounds(zones, (p) => p.kind === 'template' && p.templateId === 'safety-plan')
        frameContent(editor, plan ?? partsBounds(zones, (p) => p.kind === 'section' && p.section === 'next-steps'))
      },
    },
  }

  const panel = (
    // Rendered inside <Tldraw>'s React tree: keep pointer events from reaching the canvas's handlers.
    <aside
      ref={panelRef}
      id={panelId}
      className="meeting-steps"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => e.stopPropagation()}
    >
      <h2 id={headingId}>{t('meetingSteps.heading')}</h2>
      <p className="meeting-steps__intro">{t('meetingSteps.intro')}</p>
      <p className="meeting-steps__next" role="status" data-testid="meeting-steps-next">
        {next ? t('meetingSteps.next', { step: t(`meetingSteps.step.${next.id}`) }) : t('meetingSteps.allDone')}
      </p>
      <ol className="meeting-steps__list">
        {MEETING_STEP_LIST.map((step) => {
          const stepActions: readonly MeetingStepAction[] = step.actions
          return (
            <li key={step.id} aria-current={step === next ? 'step' : undefined}>
              <label>
                <input type="checkbox" checked={done.has(step.id)} onChange={() => toggleDone(step.id)} />
                {t(`meetingSteps.step.${step.id}`)}
              </label>
              <p className="meeting-steps__hint">{t(`meetingSteps.hint.${step.id}`)}</p>
              {stepActions.map((action) =>
                isStepTemplate(action) ? (
                  <TemplateStepButton key={action} doc={doc} templateId={action} canEdit={canEdit} />
                ) : canEdit || !WRITES.has(action) ? (
                  <button key={action} type="button" onClick={actions[action].run}>
                    {t(actions[action].label)}
                  </button>
                ) : null,
              )}
            </li>
          )
        })}
      </ol>
      <button type="button" onClick={close}>
        {t('meetingSteps.close')}
      </button>
    </aside>
  )

  return (
    <>
      <button ref={buttonRef} type="button" className="meeting-steps-toggle" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen((o) => !o)}>
        {t('meetingSteps.button')}
      </button>
      {open && slot ? createPortal(panel, slot) : null}
    </>
  )
}
