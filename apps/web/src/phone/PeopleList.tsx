/**
 * "Who's here" on the phone: a disclosure (closed by default, so the map comes first) listing
 * everyone connected, with their colour, "(you)" and their role.
 *
 *   <PeopleList people={people} />
 */
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import type { Person } from './readPeople.ts'

const ROLE_LABEL: Readonly<Record<string, MessageKey>> = {
  facilitator: 'whosHere.role.facilitator',
  editor: 'whosHere.role.editor',
  viewer: 'whosHere.role.viewer',
}

/** The people connected to the meeting now. */
export function PeopleList({ people }: { people: readonly Person[] }) {
  const { t } = useI18n()
  return (
    <details className="phone-people">
      <summary>{t('whosHere.summary', { count: people.length })}</summary>
      <ul data-testid="whos-here" aria-label={t('whosHere.heading')}>
        {people.map((person) => {
          const roleKey = ROLE_LABEL[person.role]
          return (
            <li key={person.clientId} className="phone-person">
              <span className="phone-person-dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
              <span>
                {person.name}
                {person.isSelf ? ` ${t('whosHere.you')}` : ''}
                {roleKey ? <span className="phone-muted"> · {t(roleKey)}</span> : null}
              </span>
            </li>
          )
        })}
      </ul>
    </details>
  )
}
