/**
 * Templates on the canvas (map-model MM-26, MM-29, MM-31, MM-33): the facilitator's "Add a
 * template" picker, which writes the chosen template's zones through map-model next to what is
 * already on the page and moves the view to them (Three Houses only after a parent's consent is
 * recorded), "Name the houses" in the child's words, "Parents agreed to the words" for a words and
 * pictures story (MM-36), "The child agreed to share this" for notes in a Three Houses, "Who
 * is this?" for a person on the circles, what kind of tie a line on a family and network
 * diagram is (MM-37), and on a family tree "Add a person", "Has died" and how two people are
 * related (MM-39). Render it inside `<Tldraw>`
 * (it needs the editor); it goes at the end of the toolkit bar.
 *
 *   <TemplateControls doc={doc} user={user} canEdit={!readonly} isFacilitator={role === 'facilitator'} roster={roster} />
 */
import {
  NOTE_SHAPE_TYPE,
  readMap,
  recordWordingAgreed,
  storyWordingState,
  TEMPLATE_IDS,
  ZONE_SHAPE_TYPE,
  type LabelOverrides,
  type TemplateId,
} from '@safetymap/map-model'
import { useCallback, useState } from 'react'
import { useEditor, useValue, type Box, type Editor, type TLShape } from 'tldraw'
import type * as Y from 'yjs'
import type { RosterEntry } from '../../api/api.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useMenuKeyboard } from '../../ui/useMenuKeyboard.ts'
import { addTemplate } from './addTemplate.ts'
import { CirclePersonLink } from './CirclePersonLink.tsx'
import { FamilyTreeControls } from './FamilyTreeControls.tsx'
import { HouseNamesDialog } from './HouseNamesDialog.tsx'
import { ParentConsentDialog } from './ParentConsentDialog.tsx'
import { TieControl } from './TieControl.tsx'

/** Props of {@link TemplateControls}. */
export interface TemplateControlsProps {
  readonly doc: Y.Doc
  /** False for viewers and finished meetings. */
  readonly canEdit: boolean
  /** Only facilitators may add templates (the relay refuses zone writes from anyone else). */
  readonly isFacilitator: boolean
  /** Who records a parent's consent. */
  readonly user: { readonly id: string; readonly name: string }
  /** The meeting's people, for linking a person on the circles. */
  readonly roster?: readonly RosterEntry[] | null
  /** The agency's own headings (MM-28), for the usual house names. */
  readonly labels?: LabelOverrides
}

/** Selected notes whose centre is in a zone of `templateId` (Three Houses: the child-agreed flag; circles: who it is). */
function notesIn(editor: Editor, templateId: TemplateId): readonly TLShape[] {
  const selected = editor.getSelectedShapes()
  // Nothing to do (and no re-render) unless a note is selected: the common case while dragging.
  if (!selected.some((s) => s.type === NOTE_SHAPE_TYPE)) return NO_SHAPES
  const houses = editor
    .getCurrentPageShapes()
    .filter((s) => s.type === ZONE_SHAPE_TYPE && s.meta.templateId === templateId)
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

/** The placement id of the rightmost `templateId` on the page (the houses "Name the houses" names, the story whose words are agreed, the family tree new people go into), or `null`. */
function lastPlacement(editor: Editor, templateId: TemplateId): string | null {
  const zones = editor.getCurrentPageShapes().filter((s) => s.type === ZONE_SHAPE_TYPE && s.meta.templateId === templateId)
  const last = zones.sort((a, b) => b.x - a.x)[0]
  return typeof last?.meta.placementId === 'string' ? last.meta.placementId : null
}

/** The picker and the child-agreed switch. */
export function TemplateControls({ doc, canEdit, isFacilitator, user, roster = null, labels }: TemplateControlsProps) {
  const editor = useEditor()
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [dialog, setDialog] = useState<'consent' | 'names' | 'wording' | null>(null)
  const menu = useMenuKeyboard(open, useCallback(() => setOpen(false), []))
  const notes = useValue('child notes', () => notesIn(editor, 'three-houses'), [editor])
  const people = useValue('circle notes', () => notesIn(editor, 'circles'), [editor])
  const houses = useValue('last three houses', () => lastPlacement(editor, 'three-houses'), [editor])
  const story = useValue('last story', () => lastPlacement(editor, 'words-and-pictures'), [editor])
  const tree = useValue('last family tree', () => lastPlacement(editor, 'family-tree'), [editor])
  if (!canEdit) return null
  const allAgreed = notes.length > 0 && notes.every((s) => s.meta.childAgreed === true)
  const person = people.length === 1 && roster ? people[0] : undefined

  const add = (templateId: TemplateId, givenBy?: string) => {
    setOpen(false)
    // The chosen item leaves with the menu: the keyboard goes back to the menu's button (and from there into the consent dialog and back).
    menu.buttonRef.current?.focus()
    // Three Houses is used with a child only once a parent agreed: ask first (MM-31).
    if (templateId === 'three-houses' && givenBy === undefined) {
      setDialog('consent')
      return
    }
    setDialog(null)
    const parentConsent = givenBy === undefined ? undefined : { givenBy, recordedBy: { id: user.id, name: user.name }, at: new Date() }
    addTemplate(editor, doc, templateId, parentConsent ? { parentConsent } : {})
  }

  const toggleAgreed = () => {
    editor.updateShapes(
      notes.map((s) => {
        const { childAgreed: _dropped, ...rest } = s.meta
        return { id: s.id, type: s.type, meta: allAgreed ? rest : { ...rest, childAgreed: true } }
      }),
    )
  }

  /** Where the story's words stand, read when the dialog opens. */
  const wordingStatus = (placementId: string) => {
    const agreed = readMap(doc).templates.find((p) => p.placementId === placementId)?.wordingAgreed
    return t(`phone.story.${storyWordingState(agreed)}`, { name: agreed?.givenBy ?? '' })
  }
  const recordWording = (placementId: string, givenBy: string) => {
    setDialog(null)
    recordWordingAgreed(doc, placementId, { givenBy, recordedBy: { id: user.id, name: user.name }, at: new Date() })
  }

  if (!isFacilitator && notes.length === 0 && !person) return null
  return (
    <>
      {person && roster ? <CirclePersonLink note={person} roster={roster} /> : null}
      {isFacilitator ? <TieControl /> : null}
      {isFacilitator && tree ? <FamilyTreeControls doc={doc} placementId={tree} user={user} /> : null}
      {isFacilitator && houses ? (
        <button type="button" onClick={() => setDialog('names')}>
          {t('templates.rename.button')}
        </button>
      ) : null}
      {dialog === 'consent' ? <ParentConsentDialog onPlace={(givenBy) => add('three-houses', givenBy)} onClose={() => setDialog(null)} /> : null}
      {dialog === 'names' && houses ? <HouseNamesDialog doc={doc} placementId={houses} labels={labels} onClose={() => setDialog(null)} /> : null}
      {isFacilitator && story ? (
        <button type="button" onClick={() => setDialog('wording')}>
          {t('templates.wording.button')}
        </button>
      ) : null}
      {dialog === 'wording' && story ? (
        <ParentConsentDialog kind="wording" status={wordingStatus(story)} onPlace={(givenBy) => recordWording(story, givenBy)} onClose={() => setDialog(null)} />
      ) : null}
      {notes.length > 0 ? (
        <button type="button" aria-pressed={allAgreed} title={t('templates.childAgreedHint')} onClick={toggleAgreed}>
          {t('templates.childAgreed')}
        </button>
      ) : null}
      {isFacilitator ? (
        <span className="sm-template-picker">
          <button ref={menu.buttonRef} type="button" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen((o) => !o)}>
            {t('templates.add')}
          </button>
          {open ? (
            <div ref={menu.menuRef} className="sm-template-picker__menu" role="menu" aria-label={t('templates.add')} onKeyDown={menu.onKeyDown}>
              {TEMPLATE_IDS.map((id) => (
                <button key={id} type="button" role="menuitem" onClick={() => add(id)}>
                  {t(`templates.${id}`)}
                </button>
              ))}
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  setOpen(false)
                  menu.buttonRef.current?.focus()
                }}
              >
                {t('templates.cancel')}
              </button>
            </div>
          ) : null}
        </span>
      ) : null}
    </>
  )
}
