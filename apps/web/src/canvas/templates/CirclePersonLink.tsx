/**
 * "Who is this?" for a person's note on the circles of safety and support (map-model MM-33): links
 * the selected note to someone on the meeting's roster (`meta.participantId`), or to nobody, so
 * the export and the safety plan know which ring each participant is in.
 *
 *   <CirclePersonLink note={note} roster={roster} />
 */
import { PARTICIPANT_META_KEY } from '@safetymap/map-model'
import { useId } from 'react'
import { useEditor, type TLShape } from 'tldraw'
import type { RosterEntry } from '../../api/api.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

/** Props of {@link CirclePersonLink}. */
export interface CirclePersonLinkProps {
  /** The selected note on the circles. */
  readonly note: TLShape
  readonly roster: readonly RosterEntry[]
}

export function CirclePersonLink({ note, roster }: CirclePersonLinkProps) {
  const editor = useEditor()
  const { t } = useI18n()
  const id = useId()
  const linked = typeof note.meta[PARTICIPANT_META_KEY] === 'string' ? (note.meta[PARTICIPANT_META_KEY] as string) : ''
  const people = roster.filter((p) => p.status !== 'removed' && p.status !== 'declined')
  const link = (participantId: string) => {
    const { [PARTICIPANT_META_KEY]: _old, ...rest } = note.meta
    editor.updateShape({ id: note.id, type: note.type, meta: participantId ? { ...rest, [PARTICIPANT_META_KEY]: participantId } : rest })
  }
  return (
    <span className="sm-circle-link">
      <label htmlFor={id}>{t('templates.person.link')}</label>
      <select id={id} value={linked} onChange={(e) => link(e.target.value)}>
        <option value="">{t('templates.person.none')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </span>
  )
}
