/**
 * What a person in the meeting may do (write, or look only), as the facilitator changes it: a
 * list of the two, and a button to make the change. Choosing alone changes nothing — with the
 * keyboard, the arrows move through a closed list's options, and a role change reconnects that
 * person, so it happens only on "Change".
 *
 *   <RoleChoice name="Lorna" role="editor" onChange={(role) => setRole(id, role)} />
 */
import { useId, useRef, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'

type Role = 'editor' | 'viewer'

/** Props of {@link RoleChoice}. */
export interface RoleChoiceProps {
  readonly name: string
  readonly role: Role
  readonly onChange: (role: Role) => void | Promise<void>
}

export function RoleChoice({ name, role, onChange }: RoleChoiceProps) {
  const { t } = useI18n()
  const id = useId()
  const list = useRef<HTMLSelectElement>(null)
  const [chosen, setChosen] = useState<Role>(role)
  // Someone else's change (another facilitator, the server) shows as soon as it arrives.
  const [shown, setShown] = useState<Role>(role)
  if (shown !== role) {
    setShown(role)
    setChosen(role)
  }
  return (
    <>
      <select ref={list} id={id} aria-label={t('roster.roleLabel', { name })} value={chosen} onChange={(event) => setChosen(event.target.value === 'viewer' ? 'viewer' : 'editor')}>
        <option value="editor">{t('whosHere.role.editor')}</option>
        <option value="viewer">{t('whosHere.role.viewer')}</option>
      </select>
      {chosen !== role ? (
        <button
          type="button"
          onClick={() => {
            // The button goes once the change is made: the keyboard stays on the list.
            list.current?.focus()
            void onChange(chosen)
          }}
        >
          {t('roster.roleApply', { name })}
        </button>
      ) : null}
    </>
  )
}
