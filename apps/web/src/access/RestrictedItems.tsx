/**
 * Restricted items on the facilitator's canvas (render inside `<Tldraw>`): the notes of the
 * workers-only doc drawn over the map where they were, each with a "Restricted" badge (read-only,
 * they never enter the shared map's store), and, for one selected note, "Restrict this note",
 * which asks first and then has the server move it out of the shared map. A shared note sitting
 * in a workers-only box (a safety plan's phone numbers, map-model MM-35) does not stay there
 * quietly: it says that everyone can see it and offers "Restrict this note" without being selected.
 *
 *   <Tldraw …>{role === 'facilitator' ? <RestrictedItems meetingId={id} canRestrict={!finalized} /> : null}</Tldraw>
 */
import { isWorkersOnlyZone, NOTE_SHAPE_TYPE, ZONE_SHAPE_TYPE } from '@safetymap/map-model'
import { useEffect, useState } from 'react'
import { useEditor, useValue, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { api } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { FormError } from '../ui/FormError.tsx'
import { ConfirmAction } from './ConfirmAction.tsx'
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
      {canRestrict ? <RestrictSelectedNote meetingId={meetingId} /> : null}
      {canRestrict ? <SharedNotesInWorkersOnlyBoxes meetingId={meetingId} /> : null}
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

/** Under each shared note in a workers-only box: everyone can see it, and "Restrict this note". */
function SharedNotesInWorkersOnlyBoxes({ meetingId }: { meetingId: string }) {
  const editor = useEditor()
  const { t } = useI18n()
  const exposed = useValue(
    'shared notes in workers-only boxes',
    () =>
      editor.getCurrentPageShapes().flatMap((note) => {
        const bounds = note.type === NOTE_SHAPE_TYPE && inWorkersOnlyBox(editor, note) ? editor.getShapePageBounds(note) : undefined
        if (!bounds) return []
        const below = editor.pageToViewport({ x: bounds.minX, y: bounds.maxY })
        return [{ id: note.id, left: below.x, top: below.y }]
      }),
    [editor],
  )
  return (
    <>
      {exposed.map((note) => (
        <div
          key={note.id}
          className="sm-restrict-action"
          data-testid="shared-in-workers-only-box"
          style={{ left: note.left, top: note.top + 8 }}
          onPointerDown={(event) => event.stopPropagation()}
        >
          <p role="status">{t('restricted.inPrivateBox')}</p>
          <RestrictButton meetingId={meetingId} shapeId={note.id} onDone={() => undefined} />
        </div>
      ))}
    </>
  )
}

/** "Restrict this note": asks first, then has the server move the note out of the shared map. */
function RestrictButton({ meetingId, shapeId, onDone }: { meetingId: string; shapeId: string; onDone: () => void }) {
  const { t } = useI18n()
  const [error, setError] = useState<MessageKey | null>(null)
  // A refusal belongs to the note it was about.
  useEffect(() => setError(null), [shapeId])
  return (
    <>
      <ConfirmAction
        label={t('restricted.action')}
        question={t('restricted.confirm')}
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
        return { note, left: at.x, top: at.y, side: note.size * zoom, zoom }
      })
    },
    [editor, notes],
  )
  if (placed.length === 0) return null
  return (
    <div className="sm-restricted-layer" role="list" aria-label={t('restricted.layer')}>
      {placed.map(({ note, left, top, side, zoom }) => (
        <div
          key={note.id}
          role="listitem"
          className="sm-restricted-note"
          data-testid="restricted-item"
          style={{ left, top, width: side, minHeight: side, fontSize: Math.max(9, 20 * zoom) }}
        >
          <span className="sm-restricted-badge">{t('restricted.badge')}</span>
          <span className="sm-restricted-text">{note.text}</span>
        </div>
      ))}
    </div>
  )
}

function RestrictSelectedNote({ meetingId }: { meetingId: string }) {
  const editor = useEditor()
  const selected = useValue(
    'restrictable selection',
    () => {
      const shapes = editor.getSelectedShapes()
      const only = shapes.length === 1 ? shapes[0] : undefined
      // A note in a workers-only box has its own offer to restrict, shown unselected.
      if (!only || only.type !== NOTE_SHAPE_TYPE || editor.getEditingShapeId() === only.id || inWorkersOnlyBox(editor, only)) return null
      const bounds = editor.getShapePageBounds(only)
      if (!bounds) return null
      const below = editor.pageToViewport({ x: bounds.minX, y: bounds.maxY })
      return { id: only.id, left: below.x, top: below.y }
    },
    [editor],
  )
  if (!selected) return null
  return (
    <div
      key={selected.id}
      className="sm-restrict-action"
      style={{ left: selected.left, top: selected.top + 28 }}
      onPointerDown={(event) => event.stopPropagation()}
    >
      <RestrictButton meetingId={meetingId} shapeId={selected.id} onDone={() => editor.selectNone()} />
    </div>
  )
}
