/**
 * `/lobby/<meetingId>`: where a joiner waits, calmly, to be let in. It asks the server every
 * `LOBBY_POLL_MS` with no deadline (a facilitator may take a while), opens the meeting as soon as
 * they are admitted, and says kindly when they were not (its heading then takes the focus, so a
 * screen reader reads it). The joiner can stop waiting and start again. Nothing of the meeting is
 * shown here.
 *
 *   <LobbyPage meetingId="abc" />
 */
import { useEffect, useState } from 'react'
import { api } from '../api/api.ts'
import { createPoller } from '../access/createPoller.ts'
import '../access/access.css'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { openMeeting } from '../phone/viewPreference.ts'
import { FormError } from '../ui/FormError.tsx'
import { PageLayout } from '../ui/PageLayout.tsx'

/** How often the lobby asks whether the joiner has been let in. */
export const LOBBY_POLL_MS = 2000

type LobbyState =
  | { readonly status: 'waiting'; readonly trouble: boolean }
  | { readonly status: 'stopped' }
  | { readonly status: 'declined' }
  | { readonly status: 'failed'; readonly messageKey: MessageKey }

/** The lobby for `meetingId`. */
export function LobbyPage({ meetingId }: { meetingId: string }) {
  const { t } = useI18n()
  const [state, setState] = useState<LobbyState>({ status: 'waiting', trouble: false })
  const waiting = state.status === 'waiting'

  useEffect(() => {
    if (!waiting) return
    const poller = createPoller({
      intervalMs: LOBBY_POLL_MS,
      check: async () => {
        const result = await api.getLobby()
        if (poller.stopped) return 'stop'
        if (result.ok) {
          switch (result.value.status) {
            case 'admitted':
              openMeeting(meetingId)
              return 'stop'
            case 'declined':
              setState({ status: 'declined' })
              return 'stop'
            case 'waiting':
              setState((current) => (current.status === 'waiting' && current.trouble ? { status: 'waiting', trouble: false } : current))
              return 'continue'
          }
        }
        // No answer (network, server restarting): keep waiting and say so. A refused session
        // (removed, expired) cannot get better by waiting.
        if (result.error.status === 0 || result.error.status >= 500) {
          setState({ status: 'waiting', trouble: true })
          return 'continue'
        }
        setState({ status: 'failed', messageKey: result.error.status === 401 ? 'meeting.signInNeeded' : result.error.messageKey })
        return 'stop'
      },
    })
    return () => poller.stop()
  }, [waiting, meetingId])

  const title = state.status === 'declined' ? t('lobby.declinedHeading') : t('lobby.heading')
  const canWait = state.status === 'waiting' || state.status === 'stopped'
  return (
    <PageLayout title={title} focusTitle={state.status === 'declined'}>
      <div className="lobby-calm" data-testid="lobby" data-state={state.status}>
        {state.status === 'waiting' ? (
          <>
            <div className="lobby-pulse" aria-hidden="true" />
            <p>{t('lobby.body')}</p>
          </>
        ) : null}
        {canWait ? (
          // One status and one button for both states, so a press keeps the keyboard on the button
          // (now saying the opposite) and the status is read out as it changes.
          <>
            <p className={waiting ? 'muted' : undefined} role="status">
              {waiting ? (state.trouble ? t('lobby.trouble') : t('lobby.checking')) : t('lobby.stopped')}
            </p>
            <button
              type="button"
              className={waiting ? undefined : 'primary'}
              onClick={() => setState(waiting ? { status: 'stopped' } : { status: 'waiting', trouble: false })}
            >
              {waiting ? t('lobby.stop') : t('lobby.resume')}
            </button>
          </>
        ) : null}
        {state.status === 'declined' ? <p role="status">{t('lobby.declinedBody')}</p> : null}
        {state.status === 'failed' ? <FormError messageKey={state.messageKey} /> : null}
      </div>
    </PageLayout>
  )
}
