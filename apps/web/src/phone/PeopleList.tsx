/**
 * "Who's here" on the phone: a disclosure (closed by default, so the map comes first) listing
 * everyone connected, with their colour, "(you)" and their role. While the connection is down it
 * shows the people last seen, saying the list may be out of date instead of giving a count.
 *
 *   <PeopleList people={people} offline={snapshot.state === 'offline'} />
 */
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import type { Person } from './readPeople.ts'

const ROLE_LABEL: Readonly<Record<string, MessageKey>> = {
  facilitator: 'whosHere.role.facilitator',
  editor: 'whosHere.role.editor',
  viewer: 'whosHere.role.viewer',
}

/** The people connected to the meeting now, or last seen while `offline`. */
export function PeopleList({ people, offline }: { people: readonly Person[]; offline: boolean }) {
  const { t } = useI18n()
  return (
    <details className="phone-people">
      <summary>{offline ? t('whosHere.summaryOffline') : t('whosHere.summary', { count: people.length })}</summary>
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
