/**
 * `/m/:id/list`, the phone view (loaded lazily): opens the meeting's doc at once (the IndexedDB
 * copy shows before the relay answers) while it asks who you are and your role, then shows
 * {@link PhoneMeeting}. Signed-out people and unknown meetings get the same messages as the canvas.
 * Without signal (the page then comes from the service worker) the server cannot answer: the list
 * shows as last seen on this device, under a line saying so, or only that line when the device
 * keeps no map; it asks again when the signal is back, while the connection rejoins by itself.
 *
 *   <PhoneMeetingPage meetingId="abc" />
 */
import { useEffect, useLayoutEffect, useState } from 'react'
import type { Meeting, Me } from '../api/api.ts'
import type { ApiResult } from '../api/ApiResult.ts'
import type { MeetingUser } from '../canvas/MeetingUser.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { Link } from '../router/Link.tsx'
import { FormError } from '../ui/FormError.tsx'
import { PageLayout } from '../ui/PageLayout.tsx'
import { registerServiceWorker } from '../serviceWorkerRegistration.ts'
import { openPhoneConnection, type PhoneConnection } from './openPhoneConnection.ts'
import { PhoneMeeting } from './PhoneMeeting.tsx'
import { takeAccess } from './earlyStart.ts'
import { forgetAccess, rememberAccess, rememberedAccess } from './localCopy.ts'
import { dropPrerenderedList } from './prerenderedList.ts'
import './phone.css'

type Access =
  | { readonly status: 'loading' }
  // `offline`: the server did not answer; meeting and user are as it last let this person in here.
  | { readonly status: 'ready'; readonly meeting: Meeting; readonly user: MeetingUser; readonly offline: boolean }
  | { readonly status: 'signedOut' }
  | { readonly status: 'failed'; readonly messageKey: MessageKey }
  | { readonly status: 'offline' }

/** While offline, how often the server is asked again (besides the browser's "online" event, which a weak signal may never fire). */
const RETRY_OFFLINE_MS = 15_000

const unanswered = (result: ApiResult<unknown>) => !result.ok && result.error.status === 0

function toAccess(meetingId: string, me: ApiResult<Me>, meeting: ApiResult<Meeting>): Access {
  if (unanswered(me) || unanswered(meeting)) {
    const kept = rememberedAccess(meetingId)
    return kept ? { status: 'ready', ...kept, offline: true } : { status: 'offline' }
  }
  if (!me.ok) return me.error.status === 401 ? { status: 'signedOut' } : { status: 'failed', messageKey: me.error.messageKey }
  if (!meeting.ok) return { status: 'failed', messageKey: meeting.error.messageKey }
  const person = me.value.kind === 'worker' ? me.value.worker : me.value.participant
  return { status: 'ready', meeting: meeting.value, user: { id: person.id, name: person.name, role: meeting.value.role }, offline: false }
}

/**
 * Keeps what the server said for a later visit without signal; signed out, forgets it (removed
 * from the meeting, the relay's close already dropped it with the map: openPhoneConnection.ts).
 */
function keepForOffline(meetingId: string, access: Access): void {
  if (access.status === 'ready' && !access.offline) rememberAccess(access)
  else if (access.status === 'signedOut') forgetAccess(meetingId)
}

/** The phone view of `meetingId`. */
export function PhoneMeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useI18n()
  const [access, setAccess] = useState<Access>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [connection, setConnection] = useState<PhoneConnection | null>(null)

  useEffect(registerServiceWorker, [])

  useEffect(() => {
    let current = true
    void takeAccess(meetingId).then(([me, meeting]) => {
      if (!current) return
      const next = toAccess(meetingId, me, meeting)
      keepForOffline(meetingId, next)
      setAccess(next)
    })
    return () => {
      current = false
    }
  }, [meetingId, attempt])

  const offline = access.status === 'offline' || (access.status === 'ready' && access.offline)
  useEffect(() => {
    if (!offline) return
    const askAgain = () => setAttempt((count) => count + 1)
    window.addEventListener('online', askAgain)
    const timer = setInterval(askAgain, RETRY_OFFLINE_MS)
    return () => {
      window.removeEventListener('online', askAgain)
      clearInterval(timer)
    }
  }, [offline])

  useEffect(() => {
    const opened = openPhoneConnection({ meetingId, origin: window.location })
    setConnection(opened)
    return () => opened.destroy()
  }, [meetingId])

  const refused = access.status === 'signedOut' || access.status === 'failed' || access.status === 'offline'
  useLayoutEffect(() => {
    if (refused) dropPrerenderedList()
  }, [refused])

  const ready = access.status === 'ready' ? access : null
  useEffect(() => {
    if (ready) document.title = `${ready.meeting.title} · ${t('app.name')}`
  }, [ready, t])

  if (refused) {
    return (
      <PageLayout title={t('app.name')}>
        {access.status === 'offline' ? (
          <p role="status">{t('offline.noCopy')}</p>
        ) : (
          <>
            {access.status === 'signedOut' ? <p>{t('meeting.signInNeeded')}</p> : <FormError messageKey={access.messageKey} />}
            <Link to="/" className="button">
              {t('meeting.goHome')}
            </Link>
          </>
        )}
      </PageLayout>
    )
  }
  if (!ready || !connection) {
    return (
      <p className="canvas-loading" aria-live="polite">
        {t('meeting.opening')}
      </p>
    )
  }
  return (
    <>
      {ready.offline ? (
        <p className="phone-notice" role="status">
          {t('offline.lastSeen')}
        </p>
      ) : null}
      <PhoneMeeting key={connection.doc.guid} connection={connection} meeting={ready.meeting} user={ready.user} />
    </>
  )
}
