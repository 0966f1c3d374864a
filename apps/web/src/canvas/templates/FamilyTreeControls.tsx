/**
 * The facilitator's family tree controls (map-model MM-39): "Add a person" while a family tree is
 * on the page, which asks whether the person is a woman or girl, a man or boy, or not given, their
 * name and, if known, their age, and draws them with the standard symbol in the tree's box; and
 * "Has died" while one person of a family tree is selected, which marks them (`meta.died`) and
 * draws them grey and hatched, or takes that back. Their symbol can also be changed with tldraw's
 * own shape picker: the symbol drawn is the gender read. Render it inside `<Tldraw>`.
 *
 *   {isFacilitator && tree ? <FamilyTreeControls doc={doc} placementId={tree} user={user} /> : null}
 */
import { addFamilyMember, DIED_META_KEY, FAMILY_MEMBER_GENDERS, FAMILY_MEMBER_LOOK, type FamilyMemberGender } from '@safetymap/map-model'
import { useId, useState, type FormEvent } from 'react'
import { useEditor, useValue, type Editor, type TLGeoShape } from 'tldraw'
import type * as Y from 'yjs'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { CanvasDialog } from '../CanvasDialog.tsx'
import { showNewCard } from '../shapes/showNewCard.ts'
import { isFamilyMemberInTree } from './familyMemberOnBoard.ts'

/** Props of {@link FamilyTreeControls}. */
export interface FamilyTreeControlsProps {
  readonly doc: Y.Doc
  /** The family tree new people go into. */
  readonly placementId: string
  /** Who adds them (the person's author). */
  readonly user: { readonly id: string; readonly name: string }
}

/** The one selected shape when it is a person's symbol inside a family tree's box; else `null`. */
function selectedPerson(editor: Editor): TLGeoShape | null {
  const selected = editor.getSelectedShapes()
  const shape = selected.length === 1 ? selected[0]! : null
  return shape && isFamilyMemberInTree(editor, shape) ? shape : null
}

/** Oldest age the form takes. */
const MAX_AGE = 130

export function FamilyTreeControls({ doc, placementId, user }: FamilyTreeControlsProps) {
  const editor = useEditor()
  const { t } = useI18n()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [gender, setGender] = useState<FamilyMemberGender>('not-given')
  const [name, setName] = useState('')
  const [age, setAge] = useState('')
  const person = useValue('selected family member', () => selectedPerson(editor), [editor])
  const died = person?.meta[DIED_META_KEY] === true

  const close = () => {
    setOpen(false)
    setGender('not-given')
    setName('')
    setAge('')
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() === '') return
    const added = addFamilyMember(doc, placementId, { name, gender, age: age === '' ? null : Number(age) }, user)
    close()
    showNewCard(editor, added)
  }
  const toggleDied = () => {
    if (!person) return
    const { [DIED_META_KEY]: _dropped, ...rest } = person.meta
    editor.updateShape<TLGeoShape>({
      id: person.id,
      type: 'geo',
      meta: died ? rest : { ...rest, [DIED_META_KEY]: true },
      props: FAMILY_MEMBER_LOOK[died ? 'living' : 'died'],
    })
  }

  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('templates.person.add')}
      </button>
      {person ? (
        <button type="button" aria-pressed={died} onClick={toggleDied}>
          {t('templates.person.died')}
        </button>
      ) : null}
      {open ? (
        <CanvasDialog labelledBy={`${id}-title`} onClose={close} onSubmit={submit}>
          <h2 id={`${id}-title`}>{t('templates.person.title')}</h2>
          <fieldset className="sm-builder__field">
            <legend>{t('templates.person.gender')}</legend>
            {FAMILY_MEMBER_GENDERS.map((g) => (
              <label key={g} className="sm-builder__check">
                <input type="radio" name="gender" value={g} checked={gender === g} onChange={() => setGender(g)} />
                {t(`templates.person.${g}`)}
              </label>
            ))}
          </fieldset>
          <div className="sm-builder__field">
            <label htmlFor={`${id}-name`}>{t('templates.person.name')}</label>
            <input id={`${id}-name`} name="name" value={name} required autoFocus onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="sm-builder__field">
            <label htmlFor={`${id}-age`}>{t('templates.person.age')}</label>
            <input id={`${id}-age`} name="age" type="number" inputMode="numeric" min={0} max={MAX_AGE} step={1} value={age} onChange={(e) => setAge(e.target.value)} />
          </div>
          <div className="sm-builder__actions">
            <button type="button" onClick={close}>
              {t('templates.cancel')}
            </button>
            <button type="submit" className="sm-builder__save" disabled={name.trim() === ''}>
              {t('templates.person.save')}
            </button>
          </div>
        </CanvasDialog>
      ) : null}
    </>
  )
}
