/**
 * The safety-mapping tools on the canvas: a bar with "Write a note" (a plain note in the part of
 * the map the person picks, so nobody needs tldraw's note tool or a mouse), "Add a danger statement", "Add a safety
 * goal", "Add a next step", "Give your rating" (on the map's scales or a Safety House's path; a
 * facilitator may give it for someone at their side, such as the child), the "Direct quote" and
 * "I disagree" toggles for what is selected, the facilitator's "What 0 and 10 mean" and the
 * "Show names" switch (off for a projector), plain-language prompts for the selected note, plus
 * the builder dialog that is open. Render it inside `<Tldraw>` so it has the editor; the bar
 * itself goes into a strip above the canvas (`barSlot`, {@link ToolkitBar}), folded behind one
 * button on narrow screens. On a wellbeing or consultation map the statements and goals are
 * named in that map's words ("Add a worry statement", `toolkitWords.ts`).
 *
 * New cards and marks are written through map-model (placement in the right section, one mark
 * per person per scale, MM-14 … MM-17) straight into the meeting's doc; the canvas binding shows
 * them like any remote change, and the view slides to a new card when it lands off screen. Edits of an existing card, disagreements (one binding record per
 * person, MM-25) and scale ends (MM-30) go through the editor.
 *
 *   <div ref={setSlot} />
 *   <Tldraw …><ToolkitControls doc={doc} user={user} toolkit={toolkit} canEdit={!readonly} barSlot={slot} /></Tldraw>
 */
import {
  addDangerStatement,
  addItem,
  addTemplateItem,
  CHILDS_OWN_TEMPLATES,
  columnOf,
  isTemplateId,
  isWorkersOnlyZone,
  MAP_TEMPLATES,
  templateZoneWords,
  addNextStep,
  addSafetyGoal,
  composeDangerStatement,
  composeNextStep,
  composeSafetyGoal,
  DANGER_STATEMENT_SLOTS,
  DISAGREEABLE_SHAPE_TYPES,
  DISAGREEMENT_BINDING_TYPE,
  disagreementBinding,
  disagreementBindingId,
  disagreementsOf,
  metaWithoutDisagreement,
  metaWithScaleEnds,
  readLegacyDisagreements,
  readScaleEnds,
  SAFETY_HOUSE_PATH_KEY,
  scaleRecordId,
  SECTION_KEYS,
  ZONE_SHAPE_TYPE,
  zoneShapeId,
  NEXT_STEP_FIELDS,
  NOTE_SHAPE_TYPE,
  OVERALL_SCALE_ID,
  ratedMarkerId,
  SAFETY_GOAL_SLOTS,
  scalingMarkId,
  writeScalingMark,
  type DangerStatementSlots,
  type NextStepFields,
  type SafetyGoalSlots,
  type ItemZoneKey,
  type SectionKey,
  type TemplateId,
  type ZoneKey,
} from '@safetymap/map-model'
import { useCallback, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react'
import { useEditor, useValue, type Editor, type TLBindingId, type TLShape, type TLShapeId } from 'tldraw'
import type * as Y from 'yjs'
import { api, type RosterEntry } from '../../api/api.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { builderFormKey, createDrafts, type Drafts } from '../../ui/drafts.ts'
import { usePanelKeyboard } from '../../ui/usePanelKeyboard.ts'
import { BuilderDialog, type BuilderField } from './BuilderDialog.tsx'
import { Disagreements } from './Disagreements.tsx'
import { HiddenRatingsPanel } from './HiddenRatingsPanel.tsx'
import { SelectionActions } from './SelectionActions.tsx'
import { ToolkitBar } from './ToolkitBar.tsx'
import { ratingsApi } from '../ratingsApi.ts'
import { dialogRating, savedPrivateRatingWords } from '../../ratings/dialogRating.ts'
import { usePrivateScales } from '../usePrivateScales.ts'
import { NoteAttribution } from './NoteAttribution.tsx'
import { NotePlainLanguageHint } from './NotePlainLanguageHint.tsx'
import { showNewCard } from './showNewCard.ts'
import type { BuilderRequest, ToolkitState } from './toolkitState.ts'
import { useToolkitCards, type ToolkitCards } from './useToolkitCards.ts'
import { useToolkitWords } from './toolkitWords.ts'
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
  /** The meeting's people: a facilitator may put a mark down for one of them (a child at their side). */
  readonly roster?: readonly RosterEntry[] | null
  /** The strip above the canvas that holds the bar, so it never covers the map (see {@link ToolkitBar}). */
  readonly barSlot: HTMLElement | null
}

/** What the bar says after a builder closes: a private rating or contact sent (or not), words kept. */
type ToolkitNoticeKind = 'saved' | 'failed' | 'kept' | 'contactSaved' | 'contactFailed'

/** A notice under the toolkit bar: its usual words, or others for this case (whose number was saved, why it was refused). */
interface ToolkitNotice {
  readonly kind: ToolkitNoticeKind
  readonly words?: MessageKey
  readonly name?: string
}

const NOTICE_WORDS: Readonly<Record<ToolkitNoticeKind, MessageKey>> = {
  saved: 'toolkit.hidden.saved',
  failed: 'toolkit.hidden.failed',
  kept: 'toolkit.draftKept',
  contactSaved: 'toolkit.contact.saved',
  contactFailed: 'toolkit.contact.failed',
}

/** Shapes that can carry the direct-quote flag. */
const QUOTABLE_TYPES: ReadonlySet<string> = new Set([NOTE_SHAPE_TYPE, 'sm-danger-statement', 'sm-safety-goal', 'sm-next-step'])

/** The bar, the open dialog and the note names overlay. */
export function ToolkitControls({ doc, user, toolkit, canEdit, meetingId, isFacilitator = false, extra, roster = null, barSlot }: ToolkitControlsProps) {
  const editor = useEditor()
  const { t } = useI18n()
  const words = useToolkitWords(editor)
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
  const iDisagree = useValue(
    'i disagree',
    () =>
      disagreeable.length > 0 &&
      disagreeable.every((s) => disagreementsOf(s.meta, editor.getBindingsFromShape(s, DISAGREEMENT_BINDING_TYPE)).some((d) => d.participantId === user.id)),
    [editor, disagreeable, user.id],
  )
  const privateScales = usePrivateScales(doc)
  // Before paint: a mark given in the open on a private line must not show its number for a frame.
  useLayoutEffect(() => {
    toolkit.privateScales.set(privateScales)
  }, [toolkit, privateScales])
  const [panelOpen, setPanelOpen] = useState(false)
  const ratingsPanel = usePanelKeyboard(panelOpen, useCallback(() => setPanelOpen(false), []))
  const [notice, setNotice] = useState<ToolkitNotice | null>(null)
  // "Nobody sees it until everyone's ratings are shown together" stops being true once they are.
  useEffect(() => {
    if (privateScales.length === 0) setNotice((shown) => (shown?.kind === 'saved' ? null : shown))
  }, [privateScales])
  // Words typed into a builder for a new card, kept in this tab until saved (ui/drafts.ts).
  const drafts = useMemo(() => (meetingId ? createDrafts(meetingId) : null), [meetingId])
  // The map was finished, or this person became a viewer, with a builder open: it closes, and
  // words typed into it stay in the tab for the next time they can add to the map.
  useEffect(() => {
    if (canEdit || !request) return
    if (!request.id && drafts?.get(builderFormKey(request.kind))) setNotice({ kind: 'kept' })
    toolkit.editRequest.set(null)
  }, [canEdit, request, drafts, toolkit])
  // On a narrow screen the tools fold away; a dialog or the private-ratings panel closes them.
  const [toolsOpen, setToolsOpen] = useState(false)
  useEffect(() => {
    if (request || panelOpen) setToolsOpen(false)
  }, [request, panelOpen])

  // One binding record per person and item (MM-25): people disagreeing at once never overwrite each other.
  const toggleDisagree = () => {
    editor.run(() => {
      if (iDisagree) {
        editor.deleteBindings(disagreeable.map((s) => disagreementBindingId(s.id, user.id) as TLBindingId))
        const legacy = disagreeable.filter((s) => readLegacyDisagreements(s.meta).some((d) => d.participantId === user.id))
        editor.updateShapes(legacy.map((s) => ({ id: s.id, type: s.type, meta: metaWithoutDisagreement(s.meta, user.id) as TLShape['meta'] })))
        return
      }
      const now = new Date()
      const missing = disagreeable.filter((s) => !editor.getBinding(disagreementBindingId(s.id, user.id) as TLBindingId))
      editor.createBindings(missing.map((s) => disagreementBinding(s.id, { id: user.id, name: user.name }, now)))
    })
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
      <ToolkitBar slot={barSlot} open={toolsOpen} onOpenChange={setToolsOpen}>
        {canEdit ? (
          <>
            <button type="button" onClick={() => open('note')}>
              {t('toolkit.addNote')}
            </button>
            <button type="button" onClick={() => open('danger')}>
              {t(words.statement.add)}
            </button>
            <button type="button" onClick={() => open('goal')}>
              {t(words.goal.add)}
            </button>
            <button type="button" onClick={() => open('next-step')}>
              {t('toolkit.addNextStep')}
            </button>
            <button type="button" onClick={() => open('mark')}>
              {t('toolkit.addRating')}
            </button>
            <SelectionActions
              actions={[
                { label: 'toolkit.directQuote', hint: 'toolkit.directQuoteHint', ready: quotable.length > 0, pressed: allQuoted, onPress: toggleQuote },
                { label: 'toolkit.disagree.button', hint: 'toolkit.disagree.hint', ready: disagreeable.length > 0, pressed: iDisagree, onPress: toggleDisagree },
              ]}
            />
            {isFacilitator ? (
              <button type="button" onClick={() => open('ends')}>
                {t('toolkit.ends.button')}
              </button>
            ) : null}
            {isFacilitator && meetingId ? (
              <button ref={ratingsPanel.buttonRef} type="button" aria-expanded={panelOpen} onClick={() => setPanelOpen((open) => !open)}>
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
      </ToolkitBar>
      {notice ? (
        <p className="sm-toolkit-notice" role={notice.kind === 'failed' || notice.kind === 'contactFailed' ? 'alert' : 'status'} data-testid="toolkit-notice">
          {t(notice.words ?? NOTICE_WORDS[notice.kind], { name: notice.name ?? '' })}{' '}
          <button type="button" onClick={() => setNotice(null)}>
            {t('toolkit.hidden.close')}
          </button>
        </p>
      ) : null}
      {panelOpen && isFacilitator && meetingId && canEdit ? (
        <HiddenRatingsPanel doc={doc} meetingId={meetingId} toolkit={toolkit} panelRef={ratingsPanel.panelRef} onClose={ratingsPanel.close} />
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
          drafts={drafts}
          people={isFacilitator ? (roster ?? []).filter((p) => p.id !== user.id && p.status === 'admitted' && p.role !== 'viewer') : []}
          onNotice={setNotice}
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
  /** Told whether a rating on a private scale, or a private contact, reached the server. */
  readonly onNotice: (notice: ToolkitNotice) => void
  /** People a mark may be put down for, besides the user (facilitators only). */
  readonly people: readonly RosterEntry[]
  /** Where a builder for a new card keeps what is typed until it is saved (none without a meeting). */
  readonly drafts: Drafts | null
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

/** What the board shows on a zone (its heading in the board's language, or the name someone gave it), or null when the page has none. */
function zoneText(editor: Editor, key: ZoneKey): string | null {
  const zone = editor.getShape(zoneShapeId(key) as TLShapeId)
  return zone ? (editor.getShapeUtil(zone).getText(zone) ?? null) : null
}

/** The map's sections a note can go in, named "column: section" as the board heads them (the rating band takes numbers instead). */
function noteSectionOptions(editor: Editor): { value: string; label: string }[] {
  return SECTION_KEYS.filter((key) => key !== 'scale').flatMap((key) => {
    const section = zoneText(editor, key)
    if (section === null) return []
    const column = columnOf(key)
    const heading = column ? zoneText(editor, column) : null
    return [{ value: key, label: heading ? `${heading}: ${section}` : section }]
  })
}

/** Joins a placed template's placement id and box key in one choice value (neither holds a space). */
const PLACED_BOX = ' '

/**
 * The boxes of templates placed beside the map that take a plain note (a safety plan's rules, a
 * Safety House's rooms), named "template: box": the templates left to right, each one's boxes in
 * the template's own order, as the phone lists them (the plan's grid read by x would put its
 * warning signs before who does what). Not the child's own Three Houses,
 * whose notes are the child's words written with her; not the circles' rings, which hold people
 * (placed from "Who's here"); not a path, which takes numbers. A workers-only box (a safety plan's
 * phone numbers) is offered, named as such by `privateBox`, only when `privateBox` is given.
 */
function placedNoteOptions(editor: Editor, templateName: (id: TemplateId) => string, privateBox?: (label: string) => string): { value: string; label: string }[] {
  const zones = editor
    .getCurrentPageShapes()
    .filter((zone) => zone.type === ZONE_SHAPE_TYPE && typeof zone.meta.placementId === 'string' && isTemplateId(zone.meta.templateId))
  const left = new Map<unknown, number>()
  for (const zone of zones) left.set(zone.meta.placementId, Math.min(left.get(zone.meta.placementId) ?? Infinity, zone.x))
  const place = (zone: (typeof zones)[number]) => MAP_TEMPLATES[zone.meta.templateId as TemplateId].sections.indexOf((zone.props as { zone: ItemZoneKey }).zone)
  return zones
    .sort((a, b) => left.get(a.meta.placementId)! - left.get(b.meta.placementId)! || String(a.meta.placementId).localeCompare(String(b.meta.placementId)) || place(a) - place(b))
    .flatMap((zone) => {
      const templateId = zone.meta.templateId as TemplateId
      const key = (zone.props as { zone: ItemZoneKey }).zone
      const { look } = templateZoneWords(key, templateId)
      if (CHILDS_OWN_TEMPLATES.has(templateId) || look === 'ring' || look === 'scale' || look === 'heading') return []
      if (!MAP_TEMPLATES[templateId].sections.includes(key)) return []
      const box = editor.getShapeUtil(zone).getText(zone) ?? key
      const label = `${templateName(templateId)}: ${box}`
      if (isWorkersOnlyZone(key) && !privateBox) return []
      return [{ value: `${String(zone.meta.placementId)}${PLACED_BOX}${key}`, label: isWorkersOnlyZone(key) && privateBox ? privateBox(label) : label }]
    })
}

/** Safety House paths on the page (map-model MM-32), left to right: each is a child's scale. */
function pathScaleIds(editor: Editor): string[] {
  return editor
    .getCurrentPageShapes()
    .filter((s) => s.type === ZONE_SHAPE_TYPE && (s.props as { zone?: unknown }).zone === SAFETY_HOUSE_PATH_KEY)
    .sort((a, b) => a.x - b.x)
    .map((s) => s.id as string)
}

/**
 * A builder for a new card keeps what is typed in `drafts` (Escape or Cancel keep it, Save forgets
 * it) and opens with it again; an existing card's editor keeps nothing. Spread `props` into the
 * dialog (with `quote` where the dialog has the flag), call `forget` on save.
 */
function builderDraft(options: {
  readonly drafts: Drafts | null
  readonly request: BuilderRequest
  readonly start: Readonly<Record<string, string>>
  readonly startQuote: boolean
  /** False when the kept words belong elsewhere (a rating begun on another scale): they stay kept, not shown. */
  readonly restore?: (fields: Readonly<Record<string, string>>) => boolean
}) {
  const { drafts, request, start, startQuote, restore = () => true } = options
  const key = drafts && !request.id ? builderFormKey(request.kind) : null
  const kept = key ? (drafts?.get(key) ?? null) : null
  const shown = kept?.fields && restore(kept.fields) ? kept : null
  const declined = kept && !shown ? kept : null
  const onChange = (values: Readonly<Record<string, string>>, quote: boolean) => {
    if (!key || !drafts) return
    const typed = quote !== startQuote || Object.entries(values).some(([name, value]) => (start[name] ?? '') !== value)
    if (typed) drafts.set(key, { text: '', fields: values, quote })
    // Back to blank forgets the draft, unless it is one this builder did not show.
    else if (drafts.get(key) !== declined) drafts.set(key, null)
  }
  return {
    props: { initial: shown?.fields ? { ...start, ...shown.fields } : start, onChange },
    quote: shown?.quote ?? startQuote,
    forget: () => (key ? drafts?.set(key, null) : undefined),
  }
}

function ToolkitDialog({ request, doc, user, toolkit, editor, meetingId, onNotice, people, drafts }: ToolkitDialogProps) {
  const { t } = useI18n()
  const privateScales = usePrivateScales(doc)
  const locale = useValue(toolkit.boardLocale)
  const cards: ToolkitCards = useToolkitCards(editor)
  const words = useToolkitWords(editor)
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

  const paths = pathScaleIds(editor)
  const scaleOptions = [
    { value: OVERALL_SCALE_ID, label: t('toolkit.mark.overall') },
    ...statementOptions.slice(1),
    ...paths.map((id, i) => ({ value: id, label: paths.length > 1 ? `${t('toolkit.mark.path')} ${i + 1}` : t('toolkit.mark.path') })),
  ]

  switch (request.kind) {
    case 'note': {
      const draft = builderDraft({ drafts, request, start: { section: '', text: '' }, startQuote: false })
      return (
        <BuilderDialog
          title="toolkit.note.title"
          intro="toolkit.note.intro"
          fields={[
            {
              name: 'section',
              label: 'toolkit.note.section',
              type: 'select',
              required: true,
              options: [
                { value: '', label: t('toolkit.note.chooseSection') },
                ...noteSectionOptions(editor),
                ...placedNoteOptions(editor, (id) => t(`templates.${id}`), meetingId ? (box) => t('toolkit.contact.option', { box }) : undefined),
              ],
            },
            { name: 'text', label: 'toolkit.note.text', hint: 'toolkit.note.textHint', required: true },
          ]}
          {...draft.props}
          contentLocale={locale}
          onSave={(v) => {
            const [where = '', placedKey] = (v.section ?? '').split(PLACED_BOX)
            const text = v.text ?? ''
            if (meetingId && placedKey && isWorkersOnlyZone(placedKey)) {
              // A phone number: into the workers-only doc through the server, never into the shared map.
              void api.addPrivateContact(meetingId, where, text).then((result) => onNotice({ kind: result.ok ? 'contactSaved' : 'contactFailed' }))
              draft.forget()
              close()
              return
            }
            const now = new Date()
            showNewCard(editor, placedKey ? addTemplateItem(doc, where, placedKey as ItemZoneKey, text, author, { now }) : addItem(doc, where as SectionKey, text, author, { now }))
            draft.forget()
            close()
          }}
          onClose={close}
        />
      )
    }
    case 'ends': {
      const scaleId = request.scaleId ?? OVERALL_SCALE_ID
      const ends = readScaleEnds(editor.getShape(scaleRecordId(scaleId) as TLShapeId)?.meta)
      return (
        <BuilderDialog
          title="toolkit.ends.title"
          intro="toolkit.ends.intro"
          fields={[
            { name: 'scaleId', label: 'toolkit.ends.scaleId', type: 'select', options: scaleOptions },
            { name: 'ten', label: 'toolkit.ends.ten', hint: words.goal.tenHint },
            { name: 'zero', label: 'toolkit.ends.zero', hint: words.goal.zeroHint },
          ]}
          initial={{ scaleId, ten: ends?.ten ?? '', zero: ends?.zero ?? '' }}
          contentLocale={locale}
          onSave={(v) => {
            // The band and the paths are zones: the relay takes this from facilitators only, which is who sees the button.
            const record = editor.getShape(scaleRecordId(v.scaleId || OVERALL_SCALE_ID) as TLShapeId)
            if (record) {
              const meta = metaWithScaleEnds(record.meta, { zero: v.zero ?? '', ten: v.ten ?? '' }) as TLShape['meta']
              editor.run(() => editor.updateShape({ id: record.id, type: record.type, meta }), { ignoreShapeLock: true })
            }
            close()
          }}
          onClose={close}
        />
      )
    }
    case 'danger': {
      const draft = builderDraft({ drafts, request, start: initialValues(existing, DANGER_STATEMENT_SLOTS), startQuote })
      return (
        <BuilderDialog
          title={words.statement.title}
          intro="toolkit.danger.intro"
          fields={textFields('toolkit.danger', DANGER_STATEMENT_SLOTS, ['whoIsWorried', 'behaviour', 'impactOnChild'])}
          {...draft.props}
          contentLocale={locale}
          preview={(v) => composeDangerStatement(v as unknown as DangerStatementSlots, locale)}
          quote={draft.quote}
          onSave={(v, quote) => {
            const slots = pickStrings(v, DANGER_STATEMENT_SLOTS)
            if (existing) saveEdit(existing, slots, quote)
            else showNewCard(editor, addDangerStatement(doc, slots as unknown as DangerStatementSlots, author, { now: new Date(), quote }))
            draft.forget()
            close()
          }}
          onClose={close}
        />
      )
    }
    case 'goal': {
      const names = [...SAFETY_GOAL_SLOTS, 'dangerStatementId']
      const firstStatement = cards.statements.find((s) => !cards.goals.some((g) => g.props.dangerStatementId === s.id))
      const initial = initialValues(existing, names)
      if (!existing) initial.dangerStatementId = firstStatement?.id ?? cards.statements[0]?.id ?? ''
      const draft = builderDraft({ drafts, request, start: initial, startQuote })
      return (
        <BuilderDialog
          title={words.goal.title}
          intro={words.goal.intro}
          fields={[
            { name: 'dangerStatementId', label: 'toolkit.goal.dangerStatementId', type: 'select', options: statementOptions },
            ...textFields('toolkit.goal', SAFETY_GOAL_SLOTS, ['caregiversWillBeDoing', 'childWillExperience']),
          ]}
          {...draft.props}
          contentLocale={locale}
          preview={(v) => composeSafetyGoal(v as unknown as SafetyGoalSlots, locale)}
          quote={draft.quote}
          onSave={(v, quote) => {
            const goal = pickStrings(v, names)
            if (existing) saveEdit(existing, goal, quote)
            else showNewCard(editor, addSafetyGoal(doc, goal as unknown as SafetyGoalSlots & { dangerStatementId: string }, author, { now: new Date(), quote }))
            draft.forget()
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
      const draft = builderDraft({ drafts, request, start: initialValues(existing, names), startQuote })
      return (
        <BuilderDialog
          title="toolkit.nextStep.title"
          intro="toolkit.nextStep.intro"
          fields={[
            ...textFields('toolkit.nextStep', ['action', 'owner'], ['action', 'owner']),
            { name: 'dueDate', label: 'toolkit.nextStep.dueDate', hint: 'toolkit.nextStep.dueDateHint', type: 'date' },
            { name: 'safetyGoalId', label: 'toolkit.nextStep.safetyGoalId', type: 'select', options: goalOptions },
          ]}
          {...draft.props}
          contentLocale={locale}
          preview={(v) => composeNextStep(v as unknown as NextStepFields, locale)}
          quote={draft.quote}
          onSave={(v, quote) => {
            const step = pickStrings(v, names)
            if (existing) saveEdit(existing, step, quote)
            else showNewCard(editor, addNextStep(doc, step as unknown as NextStepFields & { safetyGoalId: string }, author, { now: new Date(), quote }))
            draft.forget()
            close()
          }}
          onClose={close}
        />
      )
    }
    case 'mark': {
      const scaleId = request.scaleId ?? OVERALL_SCALE_ID
      // The number and reasons already given on a scale by a person, or blanks: choosing another
      // scale or person shows theirs, so nothing is carried over to a scale nobody rated. On a
      // private line, never someone else's (`dialogRating`).
      const ratingOf = (scale: string, participantId: string) =>
        dialogRating({
          mark: editor.getShape(scalingMarkId(scale, participantId) as TLShapeId)?.props as Record<string, unknown> | undefined,
          rated: editor.getShape(ratedMarkerId(scale, participantId) as TLShapeId) !== undefined,
          isPrivate: privateScales.includes(scale),
          isOwn: participantId === user.id,
        })
      const markValues = (scale: string, participantId: string): Record<string, string> => ({ ...ratingOf(scale, participantId).fields })
      // A facilitator sitting with a child (or anyone without a device) puts the mark down in their name.
      const whose: BuilderField[] =
        people.length === 0
          ? []
          : [
              {
                name: 'participantId',
                label: 'toolkit.mark.whose',
                type: 'select',
                options: [{ value: user.id, label: t('toolkit.mark.whoseMe', { name: user.name }) }, ...people.map((p) => ({ value: p.id, label: p.name }))],
              },
            ]
      // A rating begun on another scale stays kept, but opening this scale's rating does not show it.
      const draft = builderDraft({
        drafts,
        request,
        start: { participantId: user.id, scaleId, ...markValues(scaleId, user.id) },
        startQuote: false,
        // Nor one holding someone else's number on a line that has gone private since.
        restore: (kept) =>
          (request.scaleId === undefined || kept.scaleId === scaleId) &&
          !(privateScales.includes(kept.scaleId || OVERALL_SCALE_ID) && (kept.participantId || user.id) !== user.id),
      })
      return (
        <BuilderDialog
          title="toolkit.mark.title"
          intro={words.goal.markIntro}
          fields={[
            { name: 'scaleId', label: 'toolkit.mark.scaleId', type: 'select', options: scaleOptions },
            ...whose,
            { name: 'value', label: 'toolkit.mark.value', type: 'number', required: true },
            ...textFields('toolkit.mark', ['whatMakesItThisHigh', 'onePointHigher'], []),
          ]}
          {...draft.props}
          notice={(v) => {
            const person = people.find((p) => p.id === v.participantId)
            return person && ratingOf(v.scaleId || OVERALL_SCALE_ID, person.id).alreadyGiven ? t('toolkit.mark.alreadyGiven', { name: person.name }) : null
          }}
          onFieldChange={(name, v) =>
            name === 'scaleId' || name === 'participantId' ? markValues(v.scaleId || OVERALL_SCALE_ID, v.participantId || user.id) : undefined
          }
          contentLocale={locale}
          onSave={(v) => {
            // The dialog only saves a number from 0 to 10 (`isRating`).
            const value = Number(v.value)
            const chosen = v.scaleId || OVERALL_SCALE_ID
            const person = people.find((p) => p.id === v.participantId)
            if (meetingId && privateScales.includes(chosen)) {
              // Private until revealed: the number and reasons go to the server, never into the doc,
              // under the person chosen (the server lets only a facilitator name someone else).
              const rating = {
                value,
                whatMakesItThisHigh: v.whatMakesItThisHigh ?? '',
                onePointHigher: v.onePointHigher ?? '',
                ...(person ? { participantId: person.id } : {}),
              }
              void ratingsApi.rate(meetingId, chosen, rating).then((result) => onNotice({ kind: result.ok ? 'saved' : 'failed', ...savedPrivateRatingWords(result, person) }))
              draft.forget()
              close()
              return
            }
            writeScalingMark(
              doc,
              {
                scaleId: v.scaleId || OVERALL_SCALE_ID,
                participant: person ? { id: person.id, name: person.name } : author,
                value,
                reasons: { whatMakesItThisHigh: v.whatMakesItThisHigh ?? '', onePointHigher: v.onePointHigher ?? '' },
              },
              { now: new Date() },
            )
            draft.forget()
            close()
          }}
          onClose={close}
        />
      )
    }
  }
}
