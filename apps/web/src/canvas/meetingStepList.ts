/**
 * The usual order of a meeting (domain guide §6, "Typical flow"), as the facilitator's "Meeting
 * steps" lists it, each step with the one action that takes her where it happens on the board
 * (`null`: nothing to open, the step is talk). Which steps she ticked done is kept per meeting in
 * this browser's localStorage: a reminder for whoever runs the meeting on this device, never
 * shared, never part of the record, so nothing of it goes into the doc or to the server.
 *
 *   MEETING_STEP_LIST.map((step) => t(`meetingSteps.step.${step.id}`))
 *   writeDoneSteps(meetingId, new Set(['welcome'])); readDoneSteps(meetingId) // Set { 'welcome' }
 */

/** Where a step's action takes the facilitator. */
export type MeetingStepAction = 'people' | 'purpose' | 'agreements' | 'ecomap' | 'columns' | 'danger' | 'goal' | 'rating' | 'next-steps' | 'feedback'

/** The steps in the order a meeting usually takes them. */
export const MEETING_STEP_LIST = [
  { id: 'welcome', action: 'people' },
  { id: 'purpose', action: 'purpose' },
  { id: 'context', action: null },
  { id: 'agreements', action: 'agreements' },
  { id: 'network', action: 'ecomap' },
  { id: 'strengths-worries', action: 'columns' },
  { id: 'danger', action: 'danger' },
  { id: 'goals', action: 'goal' },
  { id: 'scaling', action: 'rating' },
  { id: 'next-steps', action: 'next-steps' },
  { id: 'feedback', action: 'feedback' },
] as const satisfies readonly { readonly id: string; readonly action: MeetingStepAction | null }[]

/** One of the steps. */
export type MeetingStep = (typeof MEETING_STEP_LIST)[number]
export type MeetingStepId = MeetingStep['id']

const storageKey = (meetingId: string) => `safetymap.meetingSteps.${meetingId}`

/** The steps ticked done for `meetingId` in this browser (none when storage is blocked or holds nonsense). */
export function readDoneSteps(meetingId: string): ReadonlySet<MeetingStepId> {
  try {
    const kept: unknown = JSON.parse(window.localStorage.getItem(storageKey(meetingId)) ?? '[]')
    return new Set(MEETING_STEP_LIST.map((s) => s.id).filter((id) => Array.isArray(kept) && kept.includes(id)))
  } catch {
    return new Set()
  }
}

/** Keeps the steps ticked done for `meetingId` in this browser. */
export function writeDoneSteps(meetingId: string, done: ReadonlySet<MeetingStepId>): void {
  try {
    window.localStorage.setItem(storageKey(meetingId), JSON.stringify([...done]))
  } catch {
    // Storage blocked: the ticks last as long as the page, which is all a reminder needs.
  }
}
