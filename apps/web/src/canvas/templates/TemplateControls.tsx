/**
 * Templates on the canvas (map-model MM-26, MM-29): the facilitator's "Add a template" picker,
 * which writes the chosen template's zones through map-model next to what is already on the page
 * and moves the view to them, and "The child agreed to share this" for notes in a Three Houses.
 * Render it inside `<Tldraw>` (it needs the editor); it goes at the end of the toolkit bar.
 *
 *   <TemplateControls doc={doc} canEdit={!readonly} isFacilitator={role === 'facilitator'} />
 */
import { MAP_TEMPLATES, NOTE_SHAPE_TYPE, placeTemplate, TEMPLATE_IDS, ZONE_SHAPE_TYPE, type TemplateId } from '@safetymap/map-model'
import { useState } from 'react'
import { Box, useEditor, useValue, type Editor, type TLShape } from 'tldraw'
import type * as Y from 'yjs'
import { useI18n } from '../../i18n/I18nProvider.tsx'

/** Props of {@link TemplateControls}. */
export interface TemplateControlsProps {
  readonly doc: Y.Doc
  /** False for viewers and finished meetings. */
  readonly canEdit: boolean
  /** Only facilitators may add templates (the relay refuses zone writes from anyone else). */
  readonly isFacilitator: boolean
}

/** Space kept around a newly placed template when the view moves to it, in screen pixels. */
const ZOOM_INSET_PX = 40

/** Selected notes whose centre is in a Three Houses zone: they can carry the child-agreed flag. */
function childNotes(editor: Editor): readonly TLShape[] {
  const selected = editor.getSelectedShapes()
  // Nothing to do (and no re-render) unless a note is selected: the common case while dragging.
  if (!selected.some((s) => s.type === NOTE_SHAPE_TYPE)) return NO_SHAPES
  const houses = editor
    .getCurrentPageShapes()
    .filter((s) => s.type === ZONE_SHAPE_TYPE && s.meta.templateId === 'three-houses')
    .map((s) => editor.getShapePageBounds(s))
    .filter((b): b is Box => b !== undefined)
  const notes = selected.filter((s) => {
    if (s.type !== NOTE_SHAPE_TYPE) return false
    const centre = editor.getShapePageBounds(s)?.center
    return centre !== undefined && houses.some((b) => b.containsPoint(centre))
  })
  return notes.length === 0 ? NO_SHAPES : notes
}

const NO_SHAPES: readonly TLShape[] = []

/** The picker and the child-agreed switch. */
export function TemplateControls({ doc, canEdit, isFacilitator }: TemplateControlsProps) {
  const editor = useEditor()
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const notes = useValue('child notes', () => childNotes(editor), [editor])
  if (!canEdit) return null
  const allAgreed = notes.length > 0 && notes.every((s) => s.meta.childAgreed === true)

  const add = (templateId: TemplateId) => {
    setOpen(false)
    const placed = placeTemplate(doc, templateId)
    const template = MAP_TEMPLATES[templateId]
    editor.zoomToBounds(new Box(placed.at.x, placed.at.y, template.width, template.height), { inset: ZOOM_INSET_PX })
  }

  const toggleAgreed = () => {
    editor.updateShapes(
      notes.map((s) => {
        const { childAgreed: _dropped, ...rest } = s.meta
        return { id: s.id, type: s.type, meta: allAgreed ? rest : { ...rest, childAgreed: true } }
      }),
    )
  }

  if (!isFacilitator && notes.length === 0) return null
  return (
    <>
      {notes.length > 0 ? (
        <button type="button" aria-pressed={allAgreed} title={t('templates.childAgreedHint')} onClick={toggleAgreed}>
          {t('templates.childAgreed')}
        </button>
      ) : null}
      {isFacilitator ? (
        <span className="sm-template-picker">
          <button type="button" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen((o) => !o)}>
            {t('templates.add')}
          </button>
          {open ? (
            <div className="sm-template-picker__menu" role="menu" aria-label={t('templates.add')}>
              {TEMPLATE_IDS.map((id) => (
                <button key={id} type="button" role="menuitem" onClick={() => add(id)}>
                  {t(`templates.${id}`)}
                </button>
              ))}
              <button type="button" onClick={() => setOpen(false)}>
                {t('templates.cancel')}
              </button>
            </div>
          ) : null}
        </span>
      ) : null}
    </>
  )
}
