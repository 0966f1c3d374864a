/**
 * The "Who's here" panel: everyone in the meeting (`data-testid="whos-here"`, one list item per
 * person: name, "(you)", relationship to the child, how they take part, online dot, role), then
 * the safety journal's button (`journal`). The
 * facilitator also gets the lobby (let in / decline), per-person role and Remove, the meeting
 * controls (finish, reopen, end for everyone; finishing warns of private ratings not shown yet, read
 * from `doc`), the invite control and "Add a co-facilitator". Once the meeting has ended, the
 * facilitator reads that at the top instead, and nothing that let people in or ended it is
 * offered: no lobby, no invites but journal links (the server refuses others), no new co-facilitators, no second
 * "End", and no role or Remove for family and network, whose sessions ended with it. The page's
 * toggle button shows and hides it (`hidden` keeps it in the document for assistive tech and
 * tests), and Escape in it closes it (`onClose`). Opening it brings the lobby into view, however
 * far down the panel was scrolled; asking to see who waits (the notice's button,
 * `showWaitingRequest`) also moves focus there.
 *
 *   <WhosHere id="whos-here" doc={doc} peers={peers} open={open} meetingId={meeting.id} selfId={user.id}
 *     access={access} isFacilitator={role === 'facilitator'} showWaitingRequest={asked} onClose={close} />
 */
import type { Peer } from '@safetymap/tldraw-yjs'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { api } from '../api/api.ts'
import type { ApiResult } from '../api/ApiResult.ts'
import '../access/access.css'
import { MeetingControls, type MeetingControlsProps } from '../access/MeetingControls.tsx'
import { MeetingEndedNotice } from '../access/MeetingEndedNotice.tsx'
import { RosterList, type RosterManagement } from '../access/RosterList.tsx'
import { useHiddenRaterCount } from '../access/useHiddenRaterCount.ts'
import { useLobby } from '../access/useLobby.ts'
import type { MeetingAccess } from '../access/useMeetingAccess.ts'
import { WaitingList } from '../access/WaitingList.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/messages.ts'
import { FormError } from '../ui/FormError.tsx'
import { AddFacilitatorForm } from './AddFacilitatorForm.tsx'
import { InvitePanel } from './InvitePanel.tsx'

/** Props of {@link WhosHere}. */
export interface WhosHereProps {
  /** Element id, for the toggle button's `aria-controls`. */
  readonly id: string
  /** The meeting's map, for what finishing it would leave out. */
  readonly doc: Y.Doc
  readonly peers: readonly Peer[]
  readonly open: boolean
  readonly meetingId: string
  readonly selfId: string
  readonly access: Pick<MeetingAccess, 'roster' | 'finalized' | 'endedAt' | 'refresh'>
  readonly isFacilitator: boolean
  /**
   * Changes each time the facilitator asks to see who waits: the waiting list then takes focus
   * (once the panel is open). 0 until the first time.
   */
  readonly showWaitingRequest?: number
  /** Escape pressed in the panel (outside a dialog of its own): the page closes it. */
  readonly onClose: () => void
  /** The safety journal's button, under the people: their log of how visits went between meetings. */
  readonly journal?: ReactNode
}

/** The people panel. */
export function WhosHere({ id, doc, peers, open, meetingId, selfId, access, isFacilitator, showWaitingRequest = 0, onClose, journal }: WhosHereProps) {
  const { t } = useI18n()
  const headingId = `${id}-heading`
  const [error, setError] = useState<MessageKey | null>(null)
  const { refresh, endedAt } = access
  const ended = endedAt !== null

  const act = useMemo(
    () => async (call: Promise<ApiResult<unknown>>) => {
      setError(null)
      const result = await call
      if (!result.ok) setError(result.error.messageKey)
      refresh()
    },
    [refresh],
  )
  const lobby = useLobby({ meetingId, roster: access.roster, refresh })
  const waitingRef = useRef<HTMLElement>(null)
  const handledWaitingRequest = useRef(showWaitingRequest)

  useEffect(() => {
    // The lobby sits at the top; a panel last left scrolled down would hide who waits.
    if (open) waitingRef.current?.scrollIntoView({ block: 'nearest' })
  }, [open])

  useEffect(() => {
    // Each request moves focus once; closing and reopening the panel later leaves focus alone.
    if (!open || showWaitingRequest === handledWaitingRequest.current) return
    handledWaitingRequest.current = showWaitingRequest
    waitingRef.current?.focus()
  }, [open, showWaitingRequest])

  // Only the worker who created the meeting may take co-facilitators off.
  const isOwner = access.roster?.some((entry) => entry.id === selfId && entry.owner === true) ?? false
  const manage = useMemo<RosterManagement | null>(
    () =>
      isFacilitator
        ? {
            ...(ended
              ? {}
              : {
                  participants: {
                    setRole: (participantId: string, role: 'editor' | 'viewer') => act(api.setParticipantRole(meetingId, participantId, role)),
                    remove: (participantId: string) => act(api.removeParticipant(meetingId, participantId)),
                  },
                }),
            ...(isOwner ? { removeFacilitator: (workerId: string) => act(api.removeFacilitator(meetingId, workerId)) } : {}),
            // Paperwork is often done after the meeting ends; a finished map's record no longer changes.
            ...(access.finalized
              ? {}
              : {
                  releaseConsent: async (participantId: string, signed: boolean) => {
                    const saving = api.setReleaseConsent(meetingId, participantId, signed)
                    await act(saving)
                    return (await saving).ok
                  },
                }),
          }
        : null,
    [isFacilitator, isOwner, ended, access.finalized, act, meetingId],
  )

  return (
    <aside id={id} className="whos-here" aria-labelledby={headingId} hidden={!open} onKeyDown={(event) => closeOnEscape(event, onClose)}>
      <h2 id={headingId}>{t('whosHere.heading')}</h2>
      {isFacilitator && endedAt !== null ? <MeetingEndedNotice endedAt={endedAt} finalized={access.finalized} /> : null}
      {/* Empty once the meeting has ended: nobody waits then (useMeetingAccess). */}
      {isFacilitator ? (
        <WaitingList ref={waitingRef} waiting={lobby.waiting} onAdmit={lobby.admit} onDecline={lobby.decline} />
      ) : null}
      <RosterList roster={access.roster} peers={peers} selfId={selfId} labelledBy={headingId} manage={manage} />
      {journal}
      <FormError messageKey={error ?? lobby.error} />
      {isFacilitator ? (
        <>
          {/* Once ended, only journal links: the journal outlives the meeting, and they open nothing else. */}
          <InvitePanel meetingId={meetingId} roster={access.roster} journalOnly={ended} />
          {ended ? null : <AddFacilitatorForm meetingId={meetingId} roster={access.roster} onAdded={refresh} />}
          {/* Last, away from everyday controls: these change the meeting for everyone. */}
          <FacilitatorMeetingControls
            doc={doc}
            finalized={access.finalized}
            ended={ended}
            onFinalize={() => act(api.finalizeMeeting(meetingId))}
            onReopen={() => act(api.reopenMeeting(meetingId))}
            onEnd={() => act(api.endMeeting(meetingId))}
          />
        </>
      ) : null}
    </aside>
  )
}

/** Escape anywhere in the panel closes it, unless a dialog inside it took that Escape or is open around the focus. */
function closeOnEscape(event: KeyboardEvent<HTMLElement>, onClose: () => void): void {
  if (event.key !== 'Escape' || event.defaultPrevented) return
  if (event.target instanceof Element && event.target.closest('dialog, [role="dialog"], [role="alertdialog"]')) return
  event.preventDefault()
  onClose()
}

/** The meeting controls with the live count of hidden ratings: read only for the facilitator. */
function FacilitatorMeetingControls({ doc, ...props }: Omit<MeetingControlsProps, 'hiddenRaters'> & { readonly doc: Y.Doc }) {
  return <MeetingControls hiddenRaters={useHiddenRaterCount(doc)} {...props} />
}
