/**
 * The facilitator's lobby view: who is waiting to be let in (name, how they are connected to the
 * child, how they take part), each with "Let in" and "Decline". Renders nothing when no one waits.
 *
 *   <WaitingList roster={access.roster} onAdmit={admit} onDecline={decline} />
 */
import type { RosterEntry } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { attendanceKey, isAttendance, relationshipLabel } from './relationships.ts'

/** Props of {@link WaitingList}. */
export interface WaitingListProps {
  readonly roster: readonly RosterEntry[] | null
  readonly onAdmit: (participantId: string) => void | Promise<void>
  readonly onDecline: (participantId: string) => void | Promise<void>
}

/** The people waiting in the lobby. */
export function WaitingList({ roster, onAdmit, onDecline }: WaitingListProps) {
  const { t } = useI18n()
  const waiting = (roster ?? []).filter((entry) => entry.status === 'waiting')
  if (waiting.length === 0) return null
  return (
    <section className="access-section" aria-live="polite">
      <h3>{t('roster.waitingHeading', { count: waiting.length })}</h3>
      <ul className="people" data-testid="waiting-list">
        {waiting.map((entry) => (
          <li key={entry.id} className="person-row" data-person-id={entry.id}>
            <span className="person-details">
              <span>{entry.name}</span>
              <span className="person-meta">
                {[
                  entry.relationship ? relationshipLabel(entry.relationship, t) : null,
                  entry.attendance && isAttendance(entry.attendance) ? t(attendanceKey(entry.attendance)) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
            <div className="person-actions">
              <button type="button" onClick={() => void onAdmit(entry.id)}>
                {t('roster.admit')}
              </button>
              <button type="button" className="danger" onClick={() => void onDecline(entry.id)}>
                {t('roster.decline')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
