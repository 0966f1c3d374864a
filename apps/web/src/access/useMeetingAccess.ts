/**
 * What this browser may do in the meeting right now, kept current while the meeting is open:
 * the caller's role and the meeting's status from the API, and the roster
 * (`GET /api/meetings/:id/participants`), asked again whenever the server pushes a `roster` event
 * (server-sent events: someone joined the lobby, was let in, removed, given a new role…), when
 * that stream (re)connects, and at every relay reconnect — a changed role, a finalize and a reopen
 * all make the relay reconnect us. Whether the map is finished is read live from the doc's
 * `meta.status`, which the server writes on finalize and reopen. Once the meeting has ended
 * (`endedAt`), nobody waits in the lobby any more: their sessions ended with it, so the roster
 * leaves them out and no one is offered to be let in.
 *
 *   const access = useMeetingAccess({ meeting, doc, live: snapshot.state === 'live' })
 *   const readonly = access.role === 'viewer' || access.finalized
 */
import { META_KEYS, META_MAP_NAME } from '@safetymap/map-model'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { closeCodeOfApiError } from './useRelayClose.ts'
import { api, rosterEventsUrl, type Meeting, type MeetingRole, type MeetingStatus, type RosterEntry } from '../api/api.ts'

/** Options of {@link useMeetingAccess}. */
export interface UseMeetingAccessOptions {
  readonly meeting: Meeting
  readonly doc: Y.Doc
  /** Whether the connection is live; each new live period asks again at once. */
  readonly live: boolean
}

/** The caller's current access. */
export interface MeetingAccess {
  readonly role: MeetingRole
  readonly status: MeetingStatus
  /** The map is finished: read-only for everyone until the facilitator reopens it. */
  readonly finalized: boolean
  /** When a facilitator ended the meeting for everyone (ISO 8601); null while it goes on. */
  readonly endedAt: string | null
  /** Everyone in the meeting; null until the first answer, or when the server gives none. */
  readonly roster: readonly RosterEntry[] | null
  /** Asks again now (after a facilitator's change). */
  readonly refresh: () => void
  /**
   * Set when the server says this person's part in the meeting is over while the live link could
   * not tell (it was offline then, and upgrades are refused without a close code): the relay's
   * removed (4403) or ended (4410) code, for the closed screen. Null otherwise.
   */
  readonly closedWith: number | null
}


function readDocStatus(doc: Y.Doc): string | null {
  const value = doc.getMap(META_MAP_NAME).get(META_KEYS.status)
  return typeof value === 'string' ? value : null
}

/** Tracks the caller's role, the meeting's status and the roster. */
export function useMeetingAccess({ meeting, doc, live }: UseMeetingAccessOptions): MeetingAccess {
  const meetingId = meeting.id
  const [role, setRole] = useState<MeetingRole>(meeting.role)
  const [status, setStatus] = useState<MeetingStatus>(meeting.status)
  const [endedAt, setEndedAt] = useState<string | null>(() => meeting.endedAt ?? null)
  const [roster, setRoster] = useState<readonly RosterEntry[] | null>(null)
  const [docStatus, setDocStatus] = useState<string | null>(() => readDocStatus(doc))
  const [round, setRound] = useState(0)
  const [closedWith, setClosedWith] = useState<number | null>(null)
  const inFlight = useRef(false)
  const askAgain = useRef(false)

  const askOnce = useCallback(async () => {
    // One request at a time; a change pushed meanwhile asks once more right after it.
    if (inFlight.current) {
      askAgain.current = true
      return
    }
    inFlight.current = true
    try {
      do {
        askAgain.current = false
        const [meetingNow, people] = await Promise.all([api.getMeeting(meetingId), api.listParticipants(meetingId)])
        if (meetingNow.ok) {
          setRole(meetingNow.value.role)
          setStatus(meetingNow.value.status)
          setEndedAt(meetingNow.value.endedAt ?? null)
        } else if (closeCodeOfApiError(meetingNow.error.code) !== null) {
          setClosedWith(closeCodeOfApiError(meetingNow.error.code))
        }
        if (people.ok) setRoster(people.value.participants)
      } while (askAgain.current)
    } finally {
      inFlight.current = false
    }
  }, [meetingId])

  useEffect(() => {
    // EventSource reconnects by itself; each (re)open asks at once, for what it may have missed.
    const events = new EventSource(rosterEventsUrl(meetingId))
    const ask = () => void askOnce()
    events.addEventListener('open', ask)
    events.addEventListener('roster', ask)
    // The server refused the stream for good (removed, meeting ended…): find out why.
    events.addEventListener('error', () => {
      if (events.readyState === EventSource.CLOSED) ask()
    })
    return () => events.close()
  }, [meetingId, askOnce])

  useEffect(() => {
    if (live || round > 0) void askOnce()
  }, [live, round, askOnce])

  useEffect(() => {
    const meta = doc.getMap(META_MAP_NAME)
    const update = () => setDocStatus(readDocStatus(doc))
    update()
    meta.observe(update)
    return () => meta.unobserve(update)
  }, [doc])

  const refresh = useCallback(() => setRound((n) => n + 1), [])
  // The doc's own status is live and authoritative once present; the API covers the time before.
  const finalized = docStatus !== null ? docStatus === 'finalized' : status === 'finalized'
  const current = useMemo(
    () => (endedAt === null || roster === null ? roster : roster.filter((entry) => entry.status !== 'waiting')),
    [endedAt, roster],
  )
  return { role, status, finalized, endedAt, roster: current, refresh, closedWith }
}
