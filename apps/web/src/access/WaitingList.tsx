/**
 * The facilitator's lobby view: who is waiting to be let in (name, how they are connected to the
 * child, how they take part), each with "Let in" and "Decline". Renders nothing when no one waits.
 * The section takes focus (`ref`) when the facilitator asks to see who waits from the notice.
 * Screen readers hear of new arrivals from that notice (`WaitingNotice`), always on the page, so
 * this list is not a live region too.
 *
 * A row goes once its person is let in or declined, and the keyboard with it; so the keyboard
 * moves on to the next person's "Let in", else to this list's heading, else (no one waits any
 * more) to what follows the list in the panel: the people list, where the person let in appears.
 *
 *   <WaitingList waiting={lobby.waiting} onAdmit={lobby.admit} onDecline={lobby.decline} ref={sectionRef} />
 */
import { useEffect, useId, useRef, type MouseEvent, type Ref } from 'react'
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

/** The person the facilitator last answered, where their row was, and what follows the section. */
interface Answered {
  readonly id: string
  readonly index: number
  readonly after: Element | null
}

/** The people waiting in the lobby. */
export function WaitingList({ waiting, onAdmit, onDecline, ref }: WaitingListProps) {
  const { t } = useI18n()
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const list = useRef<HTMLUListElement>(null)
  const answered = useRef<Answered | null>(null)

  useEffect(() => {
    const last = answered.current
    if (last === null || waiting.some((entry) => entry.id === last.id)) return
    answered.current = null
    // Moved on meanwhile (Tab, a click elsewhere): leave the keyboard where it is.
    if (document.activeElement !== null && document.activeElement !== document.body) return
    const next = waiting[last.index]
    const target = next
      ? list.current?.querySelector(`[data-person-id="${CSS.escape(next.id)}"] button`)
      : waiting.length > 0
        ? heading.current
        : last.after
    if (target instanceof HTMLElement) target.focus()
  }, [waiting])

  /** A "Let in" or "Decline" press on `entry`'s row, remembered for the effect above. */
  const answer = (entry: RosterEntry, act: (id: string) => void | Promise<void>) => (event: MouseEvent<HTMLButtonElement>) => {
    answered.current = { id: entry.id, index: waiting.indexOf(entry), after: event.currentTarget.closest('section')?.nextElementSibling ?? null }
    void act(entry.id)
  }

  if (waiting.length === 0) return null
  return (
    <section ref={ref} className="access-section" aria-labelledby={headingId} tabIndex={-1}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('roster.waitingHeading', { count: waiting.length })}
      </h3>
      <ul ref={list} className="people" data-testid="waiting-list">
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
              <button type="button" onClick={answer(entry, onAdmit)}>
                {t('roster.admit')}
              </button>
              <button type="button" className="danger" onClick={answer(entry, onDecline)}>
                {t('roster.decline')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
