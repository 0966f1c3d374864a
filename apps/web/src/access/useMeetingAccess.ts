/**
 * What this browser may do in the meeting right now, kept current while the meeting is open:
 * the caller's role and the meeting's status from the API (asked every `ACCESS_POLL_MS` and at
 * every reconnect — a changed role, a finalize and a reopen all make the relay reconnect us), the
 * roster (`GET /api/meetings/:id/participants`), and whether the map is finished, read live from
 * the doc's `meta.status`, which the server writes on finalize and reopen.
 *
 *   const access = useMeetingAccess({ meeting, doc, live: snapshot.state === 'live' })
 *   const readonly = access.role === 'viewer' || access.finalized
 */
import { META_KEYS, META_MAP_NAME } from '@safetymap/map-model'
import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { api, type Meeting, type MeetingRole, type MeetingStatus, type RosterEntry } from '../api/api.ts'
import { createPoller } from './createPoller.ts'

/** How often the roster, role and status are asked for while the meeting is open. */
export const ACCESS_POLL_MS = 3000

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
  /** Everyone in the meeting; null until the first answer, or when the server gives none. */
  readonly roster: readonly RosterEntry[] | null
  /** Asks again now (after a facilitator's change). */
  readonly refresh: () => void
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
  const [roster, setRoster] = useState<readonly RosterEntry[] | null>(null)
  const [docStatus, setDocStatus] = useState<string | null>(() => readDocStatus(doc))
  const [round, setRound] = useState(0)
  const inFlight = useRef(false)

  const askOnce = useCallback(async () => {
    if (inFlight.current) return
    inFlight.current = true
    try {
      const [meetingNow, people] = await Promise.all([api.getMeeting(meetingId), api.listParticipants(meetingId)])
      if (meetingNow.ok) {
        setRole(meetingNow.value.role)
        setStatus(meetingNow.value.status)
      }
      if (people.ok) setRoster(people.value.participants)
    } finally {
      inFlight.current = false
    }
  }, [meetingId])

  useEffect(() => {
    const poller = createPoller({
      intervalMs: ACCESS_POLL_MS,
      check: async () => {
        await askOnce()
        return 'continue'
      },
    })
    return () => poller.stop()
  }, [askOnce])

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
  return { role, status, finalized, roster, refresh }
}
