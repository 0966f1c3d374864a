/**
 * Restricted items on the facilitator's canvas (render inside `<Tldraw>`): the notes and family
 * tree people of the workers-only doc drawn over the map where they were, each with a "Restricted"
 * badge (read-only, they never enter the shared map's store), and, for one selected note or person
 * of a family tree (map-model MM-39), "Restrict this note" or "Restrict this person", which asks
 * first and then has the server move it out of the shared map. A shared note sitting
 * in a workers-only box (a safety plan's phone numbers, map-model MM-35) does not stay there
 * quietly: it says that everyone can see it and offers "Restrict this note" without being selected.
 *
 *   <Tldraw …>{role === 'facilitator' ? <RestrictedItems meetingId={id} canRestrict={!finalized} /> : null}</Tldraw>
 */
import { isWorkersOnlyZone, NOTE_SHAPE_TYPE, ZONE_SHAPE_TYPE } from '@safetymap/map-model'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useEditor, useValue, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import type { ScreenRect } from '../canvas/showMapTop.ts'
import { fitWords, SMALLEST_WORDS } from '../canvas/fitWords.ts'
import { isFamilyMemberInTree } from '../canvas/templates/familyMemberOnBoard.ts'
import { api } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { FormError } from '../ui/FormError.tsx'
import { ConfirmAction } from './ConfirmAction.tsx'
import { NoteAction } from './NoteAction.tsx'
import type { RestrictedNote } from './restrictedNotes.ts'
import { useRestrictedNotes } from './useRestrictedNotes.ts'
import './access.css'

/** Props of {@link RestrictedItems}. */
export interface RestrictedItemsProps {
  readonly meetingId: string
  /** False on a finished map: restricted notes still show, nothing can be moved. */
  readonly canRestrict: boolean
}

/** The restricted notes layer and the restrict action. */
export function RestrictedItems({ meetingId, canRestrict }: RestrictedItemsProps) {
  const notes = useRestrictedNotes(meetingId)
  return (
    <>
      <RestrictedNotesLayer notes={notes} />
      {/* The offers that stay come first: the one for a note just selected makes way for them (`NoteAction`). */}
      {canRestrict ? <SharedNotesInWorkersOnlyBoxes meetingId={meetingId} /> : null}
      {canRestrict ? <RestrictSelectedItem meetingId={meetingId} /> : null}
    </>
  )
}

/** True when the note's centre lies in a workers-only box: everyone received it, and it belongs to the workers. */
function inWorkersOnlyBox(editor: Editor, note: TLShape): boolean {
  const centre = editor.getShapePageBounds(note)?.center
  if (!centre) return false
  return editor
    .getCurrentPageShapes()
    .some((zone) => zone.type === ZONE_SHAPE_TYPE && isWorkersOnlyZone((zone.props as { zone?: unknown }).zone) && editor.getShapePageBounds(zone)?.containsPoint(centre) === true)
}

/** What can be restricted from the board, each offered in its own words. */
type RestrictKind = 'note' | 'person'

const RESTRICT_OFFERS: Readonly<Record<RestrictKind, { readonly action: MessageKey; readonly confirm: MessageKey; readonly gapBelow: number }>> = {
  // Below the name under the note.
  note: { action: 'restricted.action', confirm: 'restricted.confirm', gapBelow: 28 },
  person: { action: 'restricted.actionPerson', confirm: 'restricted.confirmPerson', gapBelow: 8 },
}

/**
 * What `shape` is when the facilitator may restrict it once selected: a note (one in a workers-only
 * box has its own offer, shown unselected) or a person of a family tree; else null.
 */
function restrictKind(editor: Editor, shape: TLShape): RestrictKind | null {
  if (shape.type === NOTE_SHAPE_TYPE) return inWorkersOnlyBox(editor, shape) ? null : 'note'
  return isFamilyMemberInTree(editor, shape) ? 'person' : null
}

/** The item's box on screen, from the canvas's top-left corner; undefined when it has no bounds. */
function itemOnScreen(editor: Editor, item: TLShape): ScreenRect | undefined {
  const bounds = editor.getShapePageBounds(item)
  if (!bounds) return undefined
  const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
  const bottomRight = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
  return { x: topLeft.x, y: topLeft.y, w: bottomRight.x - topLeft.x, h: bottomRight.y - topLeft.y }
}

/** By each shared note in a workers-only box: everyone can see it, and "Restrict this note". */
function SharedNotesInWorkersOnlyBoxes({ meetingId }: { meetingId: string }) {
  const editor = useEditor()
  const { t } = useI18n()
  const exposed = useValue(
    'shared notes in workers-only boxes',
    () =>
      editor.getCurrentPageShapes().flatMap((note) => {
        const square = note.type === NOTE_SHAPE_TYPE && inWorkersOnlyBox(editor, note) ? itemOnScreen(editor, note) : undefined
        return square ? [{ id: note.id, square }] : []
      }),
    [editor],
  )
  return (
    <>
      {exposed.map((note) => (
        <NoteAction key={note.id} note={note.square} gapBelow={8} testId="shared-in-workers-only-box">
          <p role="status">{t('restricted.inPrivateBox')}</p>
          <RestrictButton meetingId={meetingId} shapeId={note.id} kind="note" onDone={() => undefined} />
        </NoteAction>
      ))}
    </>
  )
}

/** "Restrict this note" (or person): asks first, then has the server move the item out of the shared map. */
function RestrictButton({ meetingId, shapeId, kind, onDone }: { meetingId: string; shapeId: string; kind: RestrictKind; onDone: () => void }) {
  const { t } = useI18n()
  const [error, setError] = useState<MessageKey | null>(null)
  // A refusal belongs to the item it was about.
  useEffect(() => setError(null), [shapeId])
  return (
    <>
      <ConfirmAction
        label={t(RESTRICT_OFFERS[kind].action)}
        question={t(RESTRICT_OFFERS[kind].confirm)}
        confirmLabel={t('restricted.confirmYes')}
        onConfirm={async () => {
          setError(null)
          const moved = await api.restrictItem(meetingId, shapeId)
          if (!moved.ok) setError(moved.error.messageKey)
          else onDone()
        }}
      />
      <FormError messageKey={error} />
    </>
  )
}

function RestrictedNotesLayer({ notes }: { notes: readonly RestrictedNote[] }) {
  const editor = useEditor()
  const { t } = useI18n()
  const placed = useValue(
    'restricted notes',
    () => {
      const zoom = editor.getZoomLevel()
      return notes.map((note) => {
        const parent = editor.getShape(note.parentId as TLShapeId)
        const onPage = parent ? editor.getShapePageTransform(parent).applyToPoint({ x: note.x, y: note.y }) : { x: note.x, y: note.y }
        const at = editor.pageToViewport(onPage)
        return { note, left: at.x, top: at.y, w: note.w * zoom, h: note.h * zoom }
      })
    },
    [editor, notes],
  )
  if (placed.length === 0) return null
  return (
    <div className="sm-restricted-layer" role="list" aria-label={t('restricted.layer')}>
      {placed.map((place) => (
        <RestrictedNoteCard key={place.note.id} {...place} />
      ))}
    </div>
  )
}

/** The type of an item's words, as a share of its shorter side: 20 px on tldraw's 200 px note. */
const TYPE_PER_SIDE = 0.1

/**
 * One restricted note or person: a box its size on screen, everything in it in proportion (so what fits
 * at one zoom fits at all), the badge on one line, the words shrunk to fit and, past
 * {@link SMALLEST_WORDS}, cut with "…" and whole in its tooltip.
 */
function RestrictedNoteCard({ note, left, top, w, h }: { note: RestrictedNote; left: number; top: number; w: number; h: number }) {
  const { t } = useI18n()
  const words = useRef<HTMLSpanElement>(null)
  const [cut, setCut] = useState(false)
  useLayoutEffect(() => {
    if (words.current) setCut(!fitWords(words.current))
  }, [note.text, w, h])
  return (
    <div
      role="listitem"
      className="sm-restricted-note"
      data-cut={cut}
      data-testid="restricted-item"
      title={`${t('restricted.badge')}: ${note.text}`}
      style={{ left, top, width: w, height: h, fontSize: Math.min(w, h) * TYPE_PER_SIDE }}
    >
      <span className="sm-restricted-badge">{t('restricted.badge')}</span>
      <span ref={words} className="sm-restricted-text">
        {note.text}
      </span>
    </div>
  )
}


function RestrictSelectedItem({ meetingId }: { meetingId: string }) {
  const editor = useEditor()
  const selected = useValue(
    'restrictable selection',
    () => {
      const shapes = editor.getSelectedShapes()
      const only = shapes.length === 1 ? shapes[0] : undefined
      const kind = only && editor.getEditingShapeId() !== only.id ? restrictKind(editor, only) : null
      const square = only && kind ? itemOnScreen(editor, only) : undefined
      return only && kind && square ? { id: only.id, kind, square } : null
    },
    [editor],
  )
  if (!selected) return null
  return (
    <NoteAction key={selected.id} note={selected.square} gapBelow={RESTRICT_OFFERS[selected.kind].gapBelow}>
      <RestrictButton meetingId={meetingId} shapeId={selected.id} kind={selected.kind} onDone={() => editor.selectNone()} />
    </NoteAction>
  )
}
