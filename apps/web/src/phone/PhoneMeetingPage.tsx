/**
 * `/m/:id/list`, the phone view (loaded lazily): opens the meeting's doc at once (the IndexedDB
 * copy shows before the relay answers) while it asks who you are and your role, then shows
 * {@link PhoneMeeting}. Signed-out people and unknown meetings get the same messages as the canvas.
 * Without signal (the page then comes from the service worker) the server cannot answer: the list
 * shows as last seen on this device, under a line saying so, or only that line when the device
 * keeps no map; it asks again when the signal is back, while the connection rejoins by itself.
 * Once the server refuses this person here (removed, the meeting ended, signed out), the
 * connection stops for good: its upgrades would only be refused again and again, spending the
 * live-sync allowance the people on the same Wi-Fi share. Upgrades refused a few times in a row
 * make the page ask the server why; found removed or ended while the list shows, the list stays
 * and says so, with the words she typed to copy (PhoneMeeting.tsx), as after the relay's own close.
 * Below the list, "Leave and remove from this device" signs out and removes everything the phone
 * kept of the meeting (ui/LeaveDevice.tsx), for a borrowed or shared phone.
 *
 *   <PhoneMeetingPage meetingId="abc" />
 */
import { useCallback, useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react'
import type { Meeting, Me } from '../api/api.ts'
import type { ApiFailure, ApiResult } from '../api/ApiResult.ts'
import { closeCodeOfApiError } from '../access/useRelayClose.ts'
import { MeetingClosedScreen } from '../access/MeetingClosedScreen.tsx'
import type { MeetingUser } from '../canvas/MeetingUser.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { Link } from '../router/Link.tsx'
import { FormError } from '../ui/FormError.tsx'
import { LeaveDevice, LeftNotice, type LeaveOutcome } from '../ui/LeaveDevice.tsx'
import { PageLayout } from '../ui/PageLayout.tsx'
import { registerServiceWorker } from '../serviceWorkerRegistration.ts'
import { openPhoneConnection, REFUSED_CLOSE_CODE, type PhoneConnection } from './openPhoneConnection.ts'
import { PhoneMeeting } from './PhoneMeeting.tsx'
import { takeAccess } from './earlyStart.ts'
import { forgetMeetingStorage } from './forgetDevice.ts'
import { forgetAccess, hasLocalCopy, rememberAccess, rememberedAccess } from './localCopy.ts'
import { dropPrerenderedList } from './prerenderedList.ts'
import { talkCheckOf } from '../safety/useTalkCheck.ts'
import './phone.css'

type Access =
  | { readonly status: 'loading' }
  // `offline`: the server did not answer; meeting and user are as it last let this person in here.
  // `closedWith`: found removed or ended while the list showed (the relay's close code, or null).
  | { readonly status: 'ready'; readonly meeting: Meeting; readonly user: MeetingUser; readonly offline: boolean; readonly closedWith?: number }
  | { readonly status: 'signedOut' }
  // `closeCode`: removed from the meeting (4403), or it ended (4410): this phone must keep nothing of it.
  | { readonly status: 'failed'; readonly messageKey: MessageKey; readonly closeCode: number | null }
  | { readonly status: 'offline' }

/** While offline, how often the server is asked again (besides the browser's "online" event, which a weak signal may never fire). */
const RETRY_OFFLINE_MS = 15_000

/** After this many tries in a row that never opened a socket, the server is asked whether she still belongs. */
const REFUSALS_BEFORE_ASKING = 3

const unanswered = (result: ApiResult<unknown>) => !result.ok && result.error.status === 0
const failed = ({ messageKey, code }: ApiFailure): Access => ({ status: 'failed', messageKey, closeCode: closeCodeOfApiError(code) })

function toAccess(meetingId: string, me: ApiResult<Me>, meeting: ApiResult<Meeting>): Access {
  if (unanswered(me) || unanswered(meeting)) {
    const kept = rememberedAccess(meetingId)
    return kept ? { status: 'ready', ...kept, offline: true } : { status: 'offline' }
  }
  if (!me.ok) return me.error.status === 401 ? { status: 'signedOut' } : failed(me.error)
  if (!meeting.ok) return failed(meeting.error)
  const person = me.value.kind === 'worker' ? me.value.worker : me.value.participant
  const user = { id: person.id, name: person.name, role: meeting.value.role, talkCheck: talkCheckOf(me.value, meetingId) }
  return { status: 'ready', meeting: meeting.value, user, offline: false }
}

/**
 * Keeps what the server said for a later visit without signal; signed out, forgets it; removed or
 * ended, forgets all the phone kept of the meeting (a phone without signal then missed the relay's
 * close that drops it: openPhoneConnection.ts); its map goes with the connection's database.
 */
function keepForOffline(meetingId: string, access: Access): void {
  if (access.status === 'ready' && !access.offline) rememberAccess(access)
  else if (access.status === 'signedOut') forgetAccess(meetingId)
  else if (access.status === 'failed' && access.closeCode !== null) forgetMeetingStorage(meetingId)
}

/**
 * What the page shows once the server answered `next` while it showed `previous`. Found removed or
 * ended while the list shows, the list stays and ends as after the relay's close, keeping her typed
 * words to copy; a question left unanswered changes nothing on a list already shown.
 */
function settle(previous: Access, next: Access): Access {
  if (previous.status !== 'ready') return next
  if (next.status === 'failed' && next.closeCode !== null) return { ...previous, offline: false, closedWith: next.closeCode }
  if (next.status === 'offline' || (next.status === 'ready' && next.offline)) return previous
  return next
}

/** The close that ends the connection for good, once the server refused this person here (or found her part over). */
function stopCode(access: Access): number | null {
  if (access.status === 'signedOut') return REFUSED_CLOSE_CODE
  if (access.status === 'failed') return access.closeCode ?? REFUSED_CLOSE_CODE
  return access.status === 'ready' ? (access.closedWith ?? null) : null
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
      setAccess((previous) => settle(previous, next))
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

  // Removed or ended, the map goes with the stopped connection (openPhoneConnection.ts). Signed out
  // with no map kept here, the database opening the page made is empty: it goes too, leaving no
  // trace of the meeting. A kept copy of someone signed out stays: it may hold what was not sent yet.
  const stopWith = stopCode(access)
  const signedOut = access.status === 'signedOut'
  useEffect(() => {
    if (stopWith === null || !connection) return
    connection.stop(stopWith)
    if (signedOut && !hasLocalCopy(meetingId)) void connection.persistence.clearData()
  }, [stopWith, signedOut, connection, meetingId])

  // Refused a few times in a row: ask the server again, which says whether she still belongs.
  const subscribe = useCallback((listener: () => void) => connection?.subscribe(listener) ?? (() => undefined), [connection])
  const asksAgain = Math.floor(useSyncExternalStore(subscribe, () => connection?.refusedInARow ?? 0) / REFUSALS_BEFORE_ASKING)
  useEffect(() => {
    if (asksAgain > 0) setAttempt((count) => count + 1)
  }, [asksAgain])

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
  // Removed, or the meeting ended, before this visit: the same calm page as when it happens live (thanks, not an error).
  if (access.status === 'failed' && access.closeCode !== null) return <MeetingClosedScreen code={access.closeCode} />
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
