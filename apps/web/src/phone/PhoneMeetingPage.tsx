/**
 * `/m/:id/list`, the phone view (loaded lazily): opens the meeting's doc at once (the IndexedDB
 * copy shows before the relay answers) while it asks who you are and your role, then shows
 * {@link PhoneMeeting}. Signed-out people and unknown meetings get the same messages as the canvas.
 * Without signal (the page then comes from the service worker) the server cannot answer: the list
 * shows as last seen on this device, under a line saying so, or only that line when the device
 * keeps no map; it asks again when the signal is back, while the connection rejoins by itself.
 * Below the list, "Leave and remove from this phone" signs out and removes everything the phone
 * kept of the meeting (ui/LeaveDevice.tsx), for a borrowed or shared phone.
 *
 *   <PhoneMeetingPage meetingId="abc" />
 */
import { useEffect, useLayoutEffect, useState } from 'react'
import type { Meeting, Me } from '../api/api.ts'
import type { ApiFailure, ApiResult } from '../api/ApiResult.ts'
import type { MeetingUser } from '../canvas/MeetingUser.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { Link } from '../router/Link.tsx'
import { FormError } from '../ui/FormError.tsx'
import { LeaveDevice, LeftNotice, type LeaveOutcome } from '../ui/LeaveDevice.tsx'
import { PageLayout } from '../ui/PageLayout.tsx'
import { registerServiceWorker } from '../serviceWorkerRegistration.ts'
import { openPhoneConnection, type PhoneConnection } from './openPhoneConnection.ts'
import { PhoneMeeting } from './PhoneMeeting.tsx'
import { takeAccess } from './earlyStart.ts'
import { forgetMeetingStorage } from './forgetDevice.ts'
import { forgetAccess, hasLocalCopy, rememberAccess, rememberedAccess } from './localCopy.ts'
import { dropPrerenderedList } from './prerenderedList.ts'
import './phone.css'

type Access =
  | { readonly status: 'loading' }
  // `offline`: the server did not answer; meeting and user are as it last let this person in here.
  | { readonly status: 'ready'; readonly meeting: Meeting; readonly user: MeetingUser; readonly offline: boolean }
  | { readonly status: 'signedOut' }
  // `gone`: removed from the meeting, or it ended: this phone must keep nothing of it.
  | { readonly status: 'failed'; readonly messageKey: MessageKey; readonly gone: boolean }
  | { readonly status: 'offline' }

/** While offline, how often the server is asked again (besides the browser's "online" event, which a weak signal may never fire). */
const RETRY_OFFLINE_MS = 15_000

const unanswered = (result: ApiResult<unknown>) => !result.ok && result.error.status === 0
const GONE_CODES: ReadonlySet<string | null> = new Set(['PARTICIPANT_REMOVED', 'MEETING_ENDED'])
const failed = ({ messageKey, code }: ApiFailure): Access => ({ status: 'failed', messageKey, gone: GONE_CODES.has(code) })

function toAccess(meetingId: string, me: ApiResult<Me>, meeting: ApiResult<Meeting>): Access {
  if (unanswered(me) || unanswered(meeting)) {
    const kept = rememberedAccess(meetingId)
    return kept ? { status: 'ready', ...kept, offline: true } : { status: 'offline' }
  }
  if (!me.ok) return me.error.status === 401 ? { status: 'signedOut' } : failed(me.error)
  if (!meeting.ok) return failed(meeting.error)
  const person = me.value.kind === 'worker' ? me.value.worker : me.value.participant
  return { status: 'ready', meeting: meeting.value, user: { id: person.id, name: person.name, role: meeting.value.role }, offline: false }
}

/**
 * Keeps what the server said for a later visit without signal; signed out, forgets it; removed or
 * ended, forgets all the phone kept of the meeting (a phone without signal then missed the relay's
 * close that drops it: openPhoneConnection.ts); its map goes with the connection's database.
 */
function keepForOffline(meetingId: string, access: Access): void {
  if (access.status === 'ready' && !access.offline) rememberAccess(access)
  else if (access.status === 'signedOut') forgetAccess(meetingId)
  else if (access.status === 'failed' && access.gone) forgetMeetingStorage(meetingId)
}

/** The phone view of `meetingId`. */
export function PhoneMeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useI18n()
  const [access, setAccess] = useState<Access>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [connection, setConnection] = useState<PhoneConnection | null>(null)
  const [left, setLeft] = useState<LeaveOutcome | null>(null)

  useEffect(registerServiceWorker, [])

  useEffect(() => {
    // Left: nothing may be kept for offline visits again.
    if (left) return
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
  }, [meetingId, attempt, left])

  const offline = !left && (access.status === 'offline' || (access.status === 'ready' && access.offline))
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

  // Removed or ended, the map goes. Signed out with no map kept here, the database opening the page
  // made is empty: it goes too, leaving no trace of the meeting. A kept copy of someone signed out
  // stays: it may hold what was not sent yet.
  const dropsCopy = access.status === 'signedOut' || (access.status === 'failed' && access.gone)
  useEffect(() => {
    if (dropsCopy && connection && !hasLocalCopy(meetingId)) void connection.persistence.clearData()
  }, [dropsCopy, connection, meetingId])

  const refused = access.status === 'signedOut' || access.status === 'failed' || access.status === 'offline'
  useLayoutEffect(() => {
    if (refused || left) dropPrerenderedList()
  }, [refused, left])

  const ready = access.status === 'ready' ? access : null
  useEffect(() => {
    if (ready && !left) document.title = `${ready.meeting.title} · ${t('app.name')}`
  }, [ready, left, t])

  if (left) {
    return (
      <PageLayout title={t('app.name')} focusTitle>
        <LeftNotice key={left} outcome={left} done="leave.done" onSignedOut={() => setLeft('signedOut')} />
      </PageLayout>
    )
  }
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
      <footer className="phone-leave">
        <LeaveDevice
          label="leave.open"
          question="leave.question"
          confirm
          unsentHere={() => connection.tracker.getSnapshot().hasUnsentChanges}
          beforeForget={() => connection.destroy()}
          onLeft={setLeft}
        />
      </footer>
    </>
  )
}
