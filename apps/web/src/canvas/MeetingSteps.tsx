/**
 * The facilitator's "Meeting steps": a button in the tools strip that opens a column beside the
 * canvas (where "Who's here" sits, so it covers neither the map nor tldraw's tools) listing the
 * usual order of a meeting (`meetingStepList.ts`). Each step has one action that takes her where
 * the step happens, by calling what the board already has: the people panel, "Meeting details" at
 * the right field, "Add a template", the builders, the view moved to a part of the map. She ticks
 * a step done and the panel names the next one. Escape in it closes it and gives the keyboard back
 * to its button. In present mode both step aside, as the people column does (`canvas.css`). Render
 * it inside `<Tldraw>` (it needs the editor); the column goes into `slot`.
 *
 *   <Tldraw …><MeetingSteps meetingId={id} doc={doc} toolkit={toolkit} slot={slot} canEdit onShowPeople={…} onOpenDetails={…} /></Tldraw>
 */
import { readZones } from '@safetymap/map-model'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { Box, useEditor } from 'tldraw'
import type * as Y from 'yjs'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import type { MeetingDetailsField } from '../meetingDetails/MeetingDetailsButton.tsx'
import { MEETING_STEP_LIST, readDoneSteps, writeDoneSteps, type MeetingStepAction, type MeetingStepId } from './meetingStepList.ts'
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

/** Actions that add to the map, which a finished map does not take. */
const WRITES: ReadonlySet<MeetingStepAction> = new Set(['ecomap', 'danger', 'goal', 'rating', 'feedback'])

/** The bounds of the map's parts `pick` chooses, all together; undefined (the whole page) when the map has none of them. */
function partsBounds(doc: Y.Doc, pick: (part: PresentPart) => boolean): ScreenRect | undefined {
  const picked = presentParts(readZones(doc), () => false).flatMap((part) => (part.kind !== 'whole' && pick(part) ? [Box.From(part.bounds)] : []))
  return picked.length === 0 ? undefined : Box.Common(picked)
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

  const frame = (pick: (part: PresentPart) => boolean) => frameContent(editor, partsBounds(doc, pick))
  const actions: Readonly<Record<MeetingStepAction, { readonly label: MessageKey; readonly run: () => void }>> = {
    people: { label: 'meetingSteps.action.people', run: onShowPeople },
    purpose: { label: 'meetingSteps.action.purpose', run: () => onOpenDetails('purpose') },
    agreements: { label: 'meetingSteps.action.agreements', run: () => onOpenDetails('agreements') },
    ecomap: { label: 'meetingSteps.action.ecomap', run: () => addTemplate(editor, doc, 'ecomap') },
    feedback: { label: 'meetingSteps.action.feedback', run: () => addTemplate(editor, doc, 'feedback') },
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
        const plan = partsBounds(doc, (p) => p.kind === 'template' && p.templateId === 'safety-plan')
        frameContent(editor, plan ?? partsBounds(doc, (p) => p.kind === 'section' && p.section === 'next-steps'))
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
          const action = step.action !== null && (canEdit || !WRITES.has(step.action)) ? actions[step.action] : null
          return (
            <li key={step.id} aria-current={step === next ? 'step' : undefined}>
              <label>
                <input type="checkbox" checked={done.has(step.id)} onChange={() => toggleDone(step.id)} />
                {t(`meetingSteps.step.${step.id}`)}
              </label>
              <p className="meeting-steps__hint">{t(`meetingSteps.hint.${step.id}`)}</p>
              {action ? (
                <button type="button" onClick={action.run}>
                  {t(action.label)}
                </button>
              ) : null}
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
