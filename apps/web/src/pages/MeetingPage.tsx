/**
 * `/m/:id`: finds out who you are, your role in this meeting and the run-time settings, then
 * loads the canvas (tldraw and Yjs live in a separate chunk, so other pages never download them).
 * Signed out, it shows the staff sign-in form (which also tells family to open their invite link),
 * so a worker who followed a meeting link lands in that meeting, not on the home page.
 *
 *   <MeetingPage meetingId="abc" />
 */
import type { LabelOverrides } from '@safetymap/map-model'
import { lazy, Suspense, useEffect, useState } from 'react'
import { api, type ClientConfig, type Meeting, type Me } from '../api/api.ts'
import type { ApiResult } from '../api/ApiResult.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { loadCatalogue, type MessageKey } from '../i18n/messages.ts'
import { Link } from '../router/Link.tsx'
import { journalPath, lobbyPath } from '../router/matchRoute.ts'
import { navigate } from '../router/navigation.ts'
import { FormError } from '../ui/FormError.tsx'
import { PageLayout } from '../ui/PageLayout.tsx'
import { SignInForm } from './SignInForm.tsx'
import type { MeetingUser } from '../canvas/MeetingUser.ts'
import { talkCheckOf } from '../safety/useTalkCheck.ts'

// The board writes cards in the meeting's language, which may not be the reader's: both catalogues.
const MeetingCanvas = lazy(() =>
  Promise.all([import('../canvas/MeetingCanvas.tsx'), loadCatalogue('en'), loadCatalogue('es')]).then(([m]) => ({ default: m.MeetingCanvas })),
)

type MeetingPageState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly meeting: Meeting; readonly user: MeetingUser; readonly licenseKey: string | null; readonly labels: LabelOverrides }
  | { readonly status: 'signedOut' }
  | { readonly status: 'failed'; readonly messageKey: MessageKey }

/** The meeting page for `meetingId`. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useI18n()
  const [state, setState] = useState<MeetingPageState>({ status: 'loading' })
  // Bumped after signing in on this page, to load the meeting again as the worker.
  const [signIns, setSignIns] = useState(0)

  useEffect(() => {
    let current = true
    setState({ status: 'loading' })
    void Promise.all([api.getMe(), api.getMeeting(meetingId), api.getConfig()]).then(([me, meeting, config]) => {
      if (!current) return
      // A joiner still in (or turned away from) the lobby belongs on the lobby page.
      const lobbyCode = [me, meeting].find((r) => !r.ok && (r.error.code === 'LOBBY_WAITING' || r.error.code === 'LOBBY_DECLINED'))
      if (lobbyCode) navigate(lobbyPath(meetingId), { replace: true })
      // Someone who came by a journal link has only the journal page of this meeting.
      else if (!meeting.ok && meeting.error.code === 'JOURNAL_LINK_ONLY') navigate(journalPath(meetingId), { replace: true })
      else setState(toPageState(me, meeting, config))
    })
    return () => {
      current = false
    }
  }, [meetingId, signIns])

  useEffect(() => {
    if (state.status === 'ready') document.title = `${state.meeting.title} · ${t('app.name')}`
  }, [state, t])

  switch (state.status) {
    case 'loading':
      return <p className="canvas-loading" aria-live="polite">{t('meeting.opening')}</p>
    case 'ready':
      return (
        <Suspense fallback={<p className="canvas-loading" aria-live="polite">{t('meeting.opening')}</p>}>
          <MeetingCanvas meeting={state.meeting} user={state.user} licenseKey={state.licenseKey} labels={state.labels} />
        </Suspense>
      )
    case 'signedOut':
      return (
        <PageLayout title={t('signIn.heading')}>
          <SignInForm onSignedIn={() => setSignIns((count) => count + 1)} />
        </PageLayout>
      )
    case 'failed':
      return (
        <PageLayout title={t('app.name')}>
          <FormError messageKey={state.messageKey} />
          <Link to="/" className="button">
            {t('meeting.goHome')}
          </Link>
        </PageLayout>
      )
  }
}

function toPageState(
  me: ApiResult<Me>,
  meeting: ApiResult<Meeting>,
  config: ApiResult<ClientConfig>,
): MeetingPageState {
  if (!me.ok) return me.error.status === 401 ? { status: 'signedOut' } : { status: 'failed', messageKey: me.error.messageKey }
  if (!meeting.ok) return { status: 'failed', messageKey: meeting.error.messageKey }
  if (!config.ok) return { status: 'failed', messageKey: config.error.messageKey }
  const user: MeetingUser =
    me.value.kind === 'worker'
      ? { id: me.value.worker.id, name: me.value.worker.name, role: meeting.value.role }
      : { id: me.value.participant.id, name: me.value.participant.name, role: meeting.value.role, talkCheck: talkCheckOf(me.value, meeting.value.id) }
  return { status: 'ready', meeting: meeting.value, user, licenseKey: config.value.tldrawLicenseKey, labels: config.value.labels ?? {} }
}
