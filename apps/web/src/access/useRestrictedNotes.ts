/**
 * Opens the meeting's workers-only doc (`/sync/:meetingId/restricted`) while mounted — mount it for
 * facilitators only: the server refuses everyone else before sending a byte — and keeps its notes
 * current. Nothing is ever written to it from here: restricting goes through the server.
 *
 *   const notes = useRestrictedNotes(meeting.id)
 */
import { useEffect, useState } from 'react'
import { createMeetingConnection } from '../canvas/createMeetingConnection.ts'
import { readRestrictedNotes, type RestrictedNote } from './restrictedNotes.ts'

/** Path segment of the restricted doc under the meeting's sync room. */
const RESTRICTED_ROOM_SUFFIX = '/restricted'

/** The restricted notes, live; empty until synced. */
export function useRestrictedNotes(meetingId: string): readonly RestrictedNote[] {
  const [notes, setNotes] = useState<readonly RestrictedNote[]>([])
  useEffect(() => {
    setNotes([])
    const connection = createMeetingConnection({ meetingId: `${meetingId}${RESTRICTED_ROOM_SUFFIX}`, origin: window.location })
    const update = () => setNotes(readRestrictedNotes(connection.doc))
    connection.doc.on('update', update)
    return () => {
      connection.doc.off('update', update)
      connection.destroy()
    }
  }, [meetingId])
  return notes
}
