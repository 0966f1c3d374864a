/**
 * The facilitator's side of the lobby: who is waiting to be let in (from the roster, in its
 * order), and letting them in or declining them. The "Who's here" panel's waiting list and the
 * notice under the meeting bar both use it, so a person let in from either goes through the same
 * call: the API, then the roster asked for again, and a refusal kept as a catalogue message for
 * the place that asked to show.
 *
 *   const lobby = useLobby({ meetingId: meeting.id, roster: access.roster, refresh: access.refresh })
 *   <WaitingList waiting={lobby.waiting} onAdmit={lobby.admit} onDecline={lobby.decline} />
 */
import { useCallback, useMemo, useState } from 'react'
import { api, type RosterEntry } from '../api/api.ts'
import type { ApiResult } from '../api/ApiResult.ts'
import type { MessageKey } from '../i18n/messages.ts'

/** Options of {@link useLobby}. */
export interface UseLobbyOptions {
  readonly meetingId: string
  /** The roster from `useMeetingAccess`; only facilitators' rosters hold people who wait. */
  readonly roster: readonly RosterEntry[] | null
  /** Asks for the roster again (`useMeetingAccess`'s `refresh`). */
  readonly refresh: () => void
}

/** The lobby as one place on the page sees it. */
export interface Lobby {
  /** The people waiting to be let in; empty when no one waits or the roster is not here yet. */
  readonly waiting: readonly RosterEntry[]
  readonly admit: (participantId: string) => Promise<void>
  readonly decline: (participantId: string) => Promise<void>
  /** Why the last admit or decline from this place was refused; null after one that worked. */
  readonly error: MessageKey | null
}

/** The people on `roster` who wait to be let in. */
export function waitingPeople(roster: readonly RosterEntry[] | null): readonly RosterEntry[] {
  return (roster ?? []).filter((entry) => entry.status === 'waiting')
}

/** Who waits, and letting them in or not. */
export function useLobby({ meetingId, roster, refresh }: UseLobbyOptions): Lobby {
  const [error, setError] = useState<MessageKey | null>(null)

  const settle = useCallback(
    async (call: Promise<ApiResult<unknown>>) => {
      setError(null)
      const result = await call
      if (!result.ok) setError(result.error.messageKey)
      // Also after a refusal: someone else may have let them in or declined them meanwhile.
      refresh()
    },
    [refresh],
  )
  const admit = useCallback((participantId: string) => settle(api.admitParticipant(meetingId, participantId)), [settle, meetingId])
  const decline = useCallback((participantId: string) => settle(api.declineParticipant(meetingId, participantId)), [settle, meetingId])
  const waiting = useMemo(() => waitingPeople(roster), [roster])
  return { waiting, admit, decline, error }
}
