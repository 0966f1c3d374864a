/**
 * The facilitator's lobby view: who is waiting to be let in (name, how they are connected to the
 * child, how they take part), each with "Let in" and "Decline". Renders nothing when no one waits.
 * The section takes focus (`ref`) when the facilitator asks to see who waits from the notice.
 * Screen readers hear of new arrivals from that notice (`WaitingNotice`), always on the page, so
 * this list is not a live region too.
 *
 *   <WaitingList waiting={lobby.waiting} onAdmit={lobby.admit} onDecline={lobby.decline} ref={sectionRef} />
 */
import { useId, type Ref } from 'react'
import type { RosterEntry } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { attendanceKey, isAttendance, relationshipLabel } from './relationships.ts'

/** Props of {@link WaitingList}. */
export interface WaitingListProps {
  /** The people waiting (`useLobby`'s `waiting`). */
  readonly waiting: readonly RosterEntry[]
  readonly onAdmit: (participantId: string) => void | Promise<void>
  readonly onDecline: (participantId: string) => void | Promise<void>
  /** The section, so the panel can bring it into view and move focus to it. */
  readonly ref?: Ref<HTMLElement>
}

/** The people waiting in the lobby. */
export function WaitingList({ waiting, onAdmit, onDecline, ref }: WaitingListProps) {
  const { t } = useI18n()
  const headingId = useId()
  if (waiting.length === 0) return null
  return (
    <section ref={ref} className="access-section" aria-labelledby={headingId} tabIndex={-1}>
      <h3 id={headingId}>{t('roster.waitingHeading', { count: waiting.length })}</h3>
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
