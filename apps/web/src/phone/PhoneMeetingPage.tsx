/**
 * `/m/:id/list`, the phone view (loaded lazily): opens the meeting's doc at once (the IndexedDB
 * copy shows before the relay answers) while it asks who you are and your role, then shows
 * {@link PhoneMeeting}. Signed-out people and unknown meetings get the same messages as the canvas.
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
import { openPhoneConnection, type PhoneConnection } from './openPhoneConnection.ts'
import { PhoneMeeting } from './PhoneMeeting.tsx'
import { takeAccess } from './earlyStart.ts'
import { dropPrerenderedList } from './prerenderedList.ts'
import './phone.css'

type Access =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly meeting: Meeting; readonly user: MeetingUser }
  | { readonly status: 'signedOut' }
  | { readonly status: 'failed'; readonly messageKey: MessageKey }

function toAccess(me: ApiResult<Me>, meeting: ApiResult<Meeting>): Access {
  if (!me.ok) return me.error.status === 401 ? { status: 'signedOut' } : { status: 'failed', messageKey: me.error.messageKey }
  if (!meeting.ok) return { status: 'failed', messageKey: meeting.error.messageKey }
  const person = me.value.kind === 'worker' ? me.value.worker : me.value.participant
  return { status: 'ready', meeting: meeting.value, user: { id: person.id, name: person.name, role: meeting.value.role } }
}

/** The phone view of `meetingId`. */
export function PhoneMeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useI18n()
  const [access, setAccess] = useState<Access>({ status: 'loading' })
  const [connection, setConnection] = useState<PhoneConnection | null>(null)

  useEffect(() => {
    let current = true
    void takeAccess(meetingId).then(([me, meeting]) => {
      if (current) setAccess(toAccess(me, meeting))
    })
    return () => {
      current = false
    }
  }, [meetingId])

  useEffect(() => {
    const opened = openPhoneConnection({ meetingId, origin: window.location })
    setConnection(opened)
    return () => opened.destroy()
  }, [meetingId])

  const refused = access.status === 'signedOut' || access.status === 'failed'
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
        {access.status === 'signedOut' ? <p>{t('meeting.signInNeeded')}</p> : <FormError messageKey={access.messageKey} />}
        <Link to="/" className="button">
          {t('meeting.goHome')}
        </Link>
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
  return <PhoneMeeting key={connection.doc.guid} connection={connection} meeting={ready.meeting} user={ready.user} />
}
