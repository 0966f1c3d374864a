/**
 * The signed-in worker's meetings, newest first, each a link to its canvas, with the day of the
 * meeting (or, not entered yet, of its making), whether its map is finished apart from when the
 * meeting was ended (a meeting ended with its map not finished still has a draft to finish), and
 * its language.
 *
 *   <MeetingList />
 */
import { useEffect, useState } from 'react'
import { api, type MeetingSummary } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { Link } from '../router/Link.tsx'
import { meetingPath } from '../router/matchRoute.ts'
import { FormError } from '../ui/FormError.tsx'

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly meetings: readonly MeetingSummary[] }
  | { readonly status: 'failed'; readonly messageKey: MessageKey }

/** Loads and lists the worker's meetings. */
export function MeetingList() {
  const { t, locale } = useI18n()
  const [state, setState] = useState<ListState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    void api.listMeetings().then((result) => {
      if (!current) return
      if (!result.ok) return setState({ status: 'failed', messageKey: result.error.messageKey })
      const meetings = [...result.value.meetings].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      setState({ status: 'ready', meetings })
    })
    return () => {
      current = false
    }
  }, [attempt])

  const formatDate = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso))

  return (
    <section className="stack" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('meetings.heading')}</h2>
      {state.status === 'loading' ? <p aria-live="polite">{t('app.loading')}</p> : null}
      {state.status === 'failed' ? (
        <>
          <FormError messageKey={state.messageKey} />
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('app.retry')}
          </button>
        </>
      ) : null}
      {state.status === 'ready' && state.meetings.length === 0 ? <p>{t('meetings.empty')}</p> : null}
      {state.status === 'ready' && state.meetings.length > 0 ? (
        <ul className="meeting-list">
          {state.meetings.map((meeting) => {
            const endedAt = meeting.endedAt ?? null
            const startTime = meeting.startTime ?? null
            const mapStatus =
              meeting.status === 'finalized' ? 'meetings.status.finalized' : endedAt === null ? 'meetings.status.live' : 'meetings.status.notFinished'
            const facts = [
              startTime === null ? t('meetings.created', { date: formatDate(meeting.createdAt) }) : t('meetings.heldOn', { date: formatDate(startTime) }),
              t(mapStatus),
              endedAt === null ? null : t('meetings.status.ended', { date: formatDate(endedAt) }),
              t(`language.${meeting.locale}`),
            ]
            return (
              <li key={meeting.id}>
                <Link to={meetingPath(meeting.id)} className="meeting-link">
                  <span className="meeting-title">{meeting.title}</span>
                  <span className="muted">{facts.filter((fact) => fact !== null).join(' · ')}</span>
                </Link>
              </li>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}
