/**
 * The calm full page shown when the relay closed this browser's connection for good: "You have
 * been removed from this meeting" (4403), "This meeting has ended" (4410), "This meeting is full"
 * (4429), "The map was finished before your last changes reached it" (4002 refusing edits), otherwise the generic "Disconnected" with a reload hint. Nothing of the map stays on
 * screen, and nothing reconnects. It takes the place of the meeting by itself, so its heading takes
 * the focus: a screen reader reads it out, and the keyboard starts from it.
 *
 *   {closedWith !== null ? <MeetingClosedScreen code={closedWith} /> : <MeetingRoom … />}
 */
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { Link } from '../router/Link.tsx'
import { PageLayout } from '../ui/PageLayout.tsx'
import { RELAY_CLOSE_CODE } from './useRelayClose.ts'

function messagesFor(code: number, staff: boolean): { heading: MessageKey; body: MessageKey; state: string } {
  switch (code) {
    case RELAY_CLOSE_CODE.removed:
      return { heading: 'meeting.removedHeading', body: 'meeting.removedBody', state: 'removed' }
    case RELAY_CLOSE_CODE.ended:
      // Staff keep the map: they read and export it after the meeting.
      return { heading: 'meeting.endedHeading', body: staff ? 'meeting.endedBodyStaff' : 'meeting.endedBody', state: 'ended' }
    case RELAY_CLOSE_CODE.roomFull:
      return { heading: 'app.name', body: 'meeting.roomFull', state: 'full' }
    case RELAY_CLOSE_CODE.finalizedEditsRefused:
      return { heading: 'meeting.finalizedOfflineHeading', body: 'meeting.finalizedOfflineBody', state: 'finalized-edits-refused' }
    default:
      return { heading: 'app.name', body: 'connection.ended', state: 'closed' }
  }
}

/** Explains why the meeting is gone from this screen; `staff` (a worker's own account) may open the map again. */
export function MeetingClosedScreen({ code, staff = false }: { code: number; staff?: boolean }) {
  const { t } = useI18n()
  const { heading, body, state } = messagesFor(code, staff)
  return (
    <PageLayout title={t(heading)} focusTitle>
      <div className="stack" data-testid="meeting-closed" data-state={state}>
        <p role="status">{t(body)}</p>
        {state === 'finalized-edits-refused' ? (
          // A fresh page opens a fresh doc: the refused offline edits are not sent again.
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            {t('meeting.openFinished')}
          </button>
        ) : null}
        {state === 'ended' && staff ? (
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            {t('meeting.openMap')}
          </button>
        ) : null}
        <Link to="/" className="button">
          {t('meeting.goHome')}
        </Link>
      </div>
    </PageLayout>
  )
}
