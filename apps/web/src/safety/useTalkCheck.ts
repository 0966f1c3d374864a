/**
 * The talk check's state for the person on this page (guide §9 participant safety): whether she is
 * asked "Can you talk freely where you are right now?", her answer as the server keeps it, and
 * whether the question shows. It shows by itself once, when she has not answered; closed or
 * answered, it stays away on this tab (sessionStorage) and comes back only from its small control.
 * Her answer goes to the server only (api.setCanTalk), never into the map or her presence.
 *
 *   const user = { id, name, role, talkCheck: talkCheckOf(me, meeting.id) }
 *   const check = useTalkCheck(meeting.id, user)
 *   <TalkCheckButton check={check} />  <TalkCheckQuestion check={check} />
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { api, type Attendance, type CanTalk, type Me } from '../api/api.ts'
import type { MeetingUser, TalkCheckStart } from '../canvas/MeetingUser.ts'
import type { MessageKey } from '../i18n/messages.ts'

/**
 * Who is asked: family and network who said they take part from elsewhere (video or phone). Someone
 * in the room sits with the facilitator, who sees who is beside her; a join that recorded no
 * attendance (older servers) is not asked either, as nothing says she is away.
 */
const REMOTE: ReadonlySet<Attendance> = new Set(['video', 'phone'])

/**
 * How long the thank-you shows: long enough to read, then it goes, since on the board it floats
 * over the map's corner. A screen reader heard it when it came.
 */
export const SAVED_SHOWN_MS = 6_000

/** Meeting-scoped like every kept key, so leaving the meeting on this device clears it (phone/forgetDevice.ts). */
const closedKey = (meetingId: string, participantId: string) => `safetymap.talkCheckClosed.${meetingId}.${participantId}`

function wasClosed(meetingId: string, participantId: string): boolean {
  try {
    return sessionStorage.getItem(closedKey(meetingId, participantId)) !== null
  } catch {
    return false
  }
}

function rememberClosed(meetingId: string, participantId: string): void {
  try {
    sessionStorage.setItem(closedKey(meetingId, participantId), '1')
  } catch {
    // Storage refused (private mode): the question may only show again on a reload.
  }
}

/** What {@link useTalkCheck} gives the question and its control. */
export interface TalkCheck {
  /** She is a remote participant of this meeting, so the check is hers to answer. */
  readonly asked: boolean
  readonly answer: CanTalk | null
  /** The question shows. */
  readonly open: boolean
  /** She brought the question back herself: it takes the focus (shown by itself, it leaves hers alone). */
  readonly focusQuestion: boolean
  /** She just answered: the thank-you line shows, for {@link SAVED_SHOWN_MS}. */
  readonly saved: boolean
  readonly error: MessageKey | null
  readonly reopen: () => void
  readonly close: () => void
  readonly choose: (answer: CanTalk) => Promise<void>
  /** The small control, which takes the focus when the question closes. */
  readonly controlRef: RefObject<HTMLButtonElement | null>
}

/**
 * Where her talk check starts, from the page's own answer to "who is signed in" (no request of its
 * own: on a slow phone every request waits its turn): her answer so far, or null when she is not
 * asked. Offline pages keep no answer, so they do not ask: nothing could be sent.
 */
export function talkCheckOf(me: Me, meetingId: string): TalkCheckStart | null {
  if (me.kind !== 'participant') return null
  const { meetingId: ofMeeting, attendance, canTalk } = me.participant
  return ofMeeting === meetingId && attendance && REMOTE.has(attendance) ? { answer: canTalk ?? null } : null
}

/** The talk check of `user` (signed in to `meetingId`); asked only when `user.talkCheck` is set ({@link talkCheckOf}). */
export function useTalkCheck(meetingId: string, user: MeetingUser): TalkCheck {
  const start = user.talkCheck ?? null
  const [self, setSelf] = useState<{ readonly id: string; readonly answer: CanTalk | null } | null>(() => (start ? { id: user.id, answer: start.answer } : null))
  const [open, setOpen] = useState(() => start !== null && start.answer === null && !wasClosed(meetingId, user.id))
  const [focusQuestion, setFocusQuestion] = useState(false)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const controlRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!saved) return
    const timer = setTimeout(() => setSaved(false), SAVED_SHOWN_MS)
    return () => clearTimeout(timer)
  }, [saved])

  const id = self?.id ?? null
  const close = useCallback(() => {
    if (id !== null) rememberClosed(meetingId, id)
    setOpen(false)
    setError(null)
    // The question's buttons go from under her: the keyboard goes to the control that brings it back.
    requestAnimationFrame(() => controlRef.current?.focus())
  }, [id, meetingId])
  const reopen = useCallback(() => {
    setSaved(false)
    setFocusQuestion(true)
    setOpen(true)
  }, [])
  const choose = useCallback(
    async (answer: CanTalk) => {
      if (id === null) return
      setError(null)
      const result = await api.setCanTalk(meetingId, id, answer)
      if (!result.ok) {
        setError(result.error.messageKey)
        return
      }
      rememberClosed(meetingId, id)
      setSelf({ id, answer })
      setOpen(false)
      setSaved(true)
      requestAnimationFrame(() => controlRef.current?.focus())
    },
    [id, meetingId],
  )

  return { asked: self !== null, answer: self?.answer ?? null, open, focusQuestion, saved, error, reopen, close, choose, controlRef }
}
