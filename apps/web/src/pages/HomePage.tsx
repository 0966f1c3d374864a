/**
 * `/`: staff sign in here, then see their meetings and start new ones. A family member who
 * joined by link and lands here is sent back to their meeting. Signing out (staff and family) also
 * removes everything of the meetings from this device (ui/LeaveDevice.tsx): it may be shared.
 *
 *   <HomePage />
 */
import { useEffect, useState } from 'react'
import { api, type Me } from '../api/api.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { Link } from '../router/Link.tsx'
import { meetingPath } from '../router/matchRoute.ts'
import { FormError } from '../ui/FormError.tsx'
import { LeaveDevice, LeftNotice, type LeaveOutcome } from '../ui/LeaveDevice.tsx'
import { PageLayout } from '../ui/PageLayout.tsx'
import { MeetingList } from './MeetingList.tsx'
import { NewMeetingForm } from './NewMeetingForm.tsx'
import { SignInForm } from './SignInForm.tsx'

type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signedOut' }
  | { readonly status: 'signedIn'; readonly me: Me }
  | { readonly status: 'failed'; readonly messageKey: MessageKey }

/** The start page. */
export function HomePage() {
  const { t } = useI18n()
  const [session, setSession] = useState<SessionState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [left, setLeft] = useState<LeaveOutcome | null>(null)

  useEffect(() => {
    let current = true
    void api.getMe().then((result) => {
      if (!current) return
      if (result.ok) setSession({ status: 'signedIn', me: result.value })
      else if (result.error.status === 401) setSession({ status: 'signedOut' })
      else setSession({ status: 'failed', messageKey: result.error.messageKey })
    })
    return () => {
      current = false
    }
  }, [attempt])

  const signedOut = () => {
    setLeft('signedOut')
    setSession({ status: 'signedOut' })
  }
  const leftNotice = left ? <LeftNotice key={left} outcome={left} done="leave.doneDevice" onSignedOut={signedOut} /> : null
  const signOut = (
    <LeaveDevice label="home.signOut" question="leave.questionSignOut" onLeft={(outcome) => (outcome === 'signedOut' ? signedOut() : setLeft(outcome))} />
  )

  switch (session.status) {
    case 'loading':
      return (
        <PageLayout title={t('app.name')}>
          <p aria-live="polite">{t('app.loading')}</p>
        </PageLayout>
      )
    case 'failed':
      return (
        <PageLayout title={t('app.name')}>
          <FormError messageKey={session.messageKey} />
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('app.retry')}
          </button>
        </PageLayout>
      )
    case 'signedOut':
      return (
        <PageLayout title={t('signIn.heading')}>
          {leftNotice}
          <SignInForm onSignedIn={(worker) => setSession({ status: 'signedIn', me: { kind: 'worker', worker } })} />
        </PageLayout>
      )
    case 'signedIn': {
      const { me } = session
      if (me.kind === 'participant') {
        return (
          <PageLayout title={t('app.name')}>
            <p>{t('home.participantNotice', { name: me.participant.name })}</p>
            <Link to={meetingPath(me.participant.meetingId)} className="button primary">
              {t('home.backToMeeting')}
            </Link>
            {leftNotice}
            {signOut}
          </PageLayout>
        )
      }
      return (
        <PageLayout title={t('home.greeting', { name: me.worker.name })}>
          {leftNotice}
          {signOut}
          <MeetingList />
          <NewMeetingForm />
        </PageLayout>
      )
    }
  }
}
