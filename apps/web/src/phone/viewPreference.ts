/**
 * Owns which view of a meeting a person gets: the list (phone view) or the board (canvas).
 * Narrow screens (600 px or less) get the list unless the person chose the board on this device;
 * the choice is remembered per device, either way, so the switch never bounces them back.
 *
 *   if (shouldOpenListView()) navigate(meetingListPath(id), { replace: true })
 *   rememberView('board')
 *   openMeeting(id) // after "Join" or the lobby
 */
import { meetingPath } from '../router/matchRoute.ts'
import { navigate } from '../router/navigation.ts'

/** Screens this narrow get the list by default. */
export const NARROW_SCREEN_QUERY = '(max-width: 600px)'

const STORAGE_KEY = 'safetymap.view'

/** The two ways to show a meeting. */
export const MEETING_VIEW = { list: 'list', board: 'board' } as const

/** One of {@link MEETING_VIEW}. */
export type MeetingView = (typeof MEETING_VIEW)[keyof typeof MEETING_VIEW]

/** The path of a meeting's list view. */
export function meetingListPath(meetingId: string): string {
  return `/m/${encodeURIComponent(meetingId)}/list`
}

/** The view chosen on this device, if any (storage can be blocked: then nothing is remembered). */
export function readRememberedView(): MeetingView | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return value === MEETING_VIEW.list || value === MEETING_VIEW.board ? value : null
  } catch {
    return null
  }
}

/** Remembers the person's choice on this device. */
export function rememberView(view: MeetingView): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, view)
  } catch {
    // Private mode or full storage: the choice holds for this page only.
  }
}

/** Which view to open for `/m/:id`, from the remembered choice and the screen width. */
export function chooseView(remembered: MeetingView | null, narrowScreen: boolean): MeetingView {
  return remembered ?? (narrowScreen ? MEETING_VIEW.list : MEETING_VIEW.board)
}

/** True when `/m/:id` should open as the list on this device right now. */
export function shouldOpenListView(): boolean {
  return chooseView(readRememberedView(), window.matchMedia(NARROW_SCREEN_QUERY).matches) === MEETING_VIEW.list
}

/**
 * Opens a meeting the person has just got into (after "Join", or let in from the lobby), in place
 * of the current page. The list is loaded as a new page: the server sends it with the map already
 * written in, which shows sooner on a slow phone than the app's socket can bring it. The board
 * opens inside the app.
 */
export function openMeeting(meetingId: string): void {
  if (shouldOpenListView()) window.location.replace(meetingListPath(meetingId))
  else navigate(meetingPath(meetingId), { replace: true })
}
