/**
 * The "Who's here" panel: everyone in the meeting (`data-testid="whos-here"`, one list item per
 * person: name, "(you)", relationship to the child, how they take part, online dot, role). The
 * facilitator also gets the lobby (let in / decline), per-person role and Remove, the meeting
 * controls (finish, reopen, end for everyone) and the invite control. The page's toggle button
 * shows and hides it (`hidden` keeps it in the document for assistive tech and tests).
 *
 *   <WhosHere id="whos-here" peers={peers} open={open} meetingId={meeting.id} selfId={user.id}
 *     access={access} isFacilitator={role === 'facilitator'} />
 */
import type { Peer } from '@safetymap/tldraw-yjs'
import { useMemo, useState } from 'react'
import { api } from '../api/api.ts'
import type { ApiResult } from '../api/ApiResult.ts'
import '../access/access.css'
import { MeetingControls } from '../access/MeetingControls.tsx'
import { RosterList, type RosterManagement } from '../access/RosterList.tsx'
import type { MeetingAccess } from '../access/useMeetingAccess.ts'
import { WaitingList } from '../access/WaitingList.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { FormError } from '../ui/FormError.tsx'
import { InvitePanel } from './InvitePanel.tsx'

/** Props of {@link WhosHere}. */
export interface WhosHereProps {
  /** Element id, for the toggle button's `aria-controls`. */
  readonly id: string
  readonly peers: readonly Peer[]
  readonly open: boolean
  readonly meetingId: string
  readonly selfId: string
  readonly access: Pick<MeetingAccess, 'roster' | 'finalized' | 'refresh'>
  readonly isFacilitator: boolean
}

/** The people panel. */
export function WhosHere({ id, peers, open, meetingId, selfId, access, isFacilitator }: WhosHereProps) {
  const { t } = useI18n()
  const headingId = `${id}-heading`
  const [error, setError] = useState<MessageKey | null>(null)
  const { refresh } = access

  const act = useMemo(
    () => async (call: Promise<ApiResult<unknown>>) => {
      setError(null)
      const result = await call
      if (!result.ok) setError(result.error.messageKey)
      refresh()
    },
    [refresh],
  )

  // Only the worker who created the meeting may take co-facilitators off.
  const isOwner = access.roster?.some((entry) => entry.id === selfId && entry.owner === true) ?? false
  const manage = useMemo<RosterManagement | null>(
    () =>
      isFacilitator
        ? {
            setRole: (participantId, role) => act(api.setParticipantRole(meetingId, participantId, role)),
            remove: (participantId) => act(api.removeParticipant(meetingId, participantId)),
            ...(isOwner ? { removeFacilitator: (workerId: string) => act(api.removeFacilitator(meetingId, workerId)) } : {}),
          }
        : null,
    [isFacilitator, isOwner, act, meetingId],
  )

  return (
    <aside id={id} className="whos-here" aria-labelledby={headingId} hidden={!open}>
      <h2 id={headingId}>{t('whosHere.heading')}</h2>
      {isFacilitator ? (
        <WaitingList
          roster={access.roster}
          onAdmit={(participantId) => act(api.admitParticipant(meetingId, participantId))}
          onDecline={(participantId) => act(api.declineParticipant(meetingId, participantId))}
        />
      ) : null}
      <RosterList roster={access.roster} peers={peers} selfId={selfId} labelledBy={headingId} manage={manage} />
      <FormError messageKey={error} />
      {isFacilitator ? (
        <>
          <InvitePanel meetingId={meetingId} />
          {/* Last, away from everyday controls: these change the meeting for everyone. */}
          <MeetingControls
            finalized={access.finalized}
            onFinalize={() => act(api.finalizeMeeting(meetingId))}
            onReopen={() => act(api.reopenMeeting(meetingId))}
            onEnd={() => act(api.endMeeting(meetingId))}
          />
        </>
      ) : null}
    </aside>
  )
}
