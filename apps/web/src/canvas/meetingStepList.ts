/**
 * The usual order of a meeting (domain guide §6, "Typical flow"), as the facilitator's "Meeting
 * steps" lists it, each step with the actions that take her where it happens on the board (none:
 * the step is talk). The network step has two, the family tree (who is in the family) and the
 * network diagram (who helps them). Which steps she ticked done is kept per meeting in
 * this browser's localStorage: a reminder for whoever runs the meeting on this device, never
 * shared, never part of the record, so nothing of it goes into the doc or to the server.
 *
 *   MEETING_STEP_LIST.map((step) => t(`meetingSteps.step.${step.id}`))
 *   writeDoneSteps(meetingId, new Set(['welcome'])); readDoneSteps(meetingId) // Set { 'welcome' }
 */
import type { TemplateId } from '@safetymap/map-model'

/** The templates a step puts on the board, or shows once they are there. */
export const STEP_TEMPLATES = ['family-tree', 'ecomap', 'feedback'] as const satisfies readonly TemplateId[]
export type StepTemplate = (typeof STEP_TEMPLATES)[number]

/** Where a step's action takes the facilitator. */
export type MeetingStepAction = 'people' | 'purpose' | 'agreements' | 'columns' | 'danger' | 'goal' | 'rating' | 'next-steps' | StepTemplate

/** The steps in the order a meeting usually takes them. */
export const MEETING_STEP_LIST = [
  { id: 'welcome', actions: ['people'] },
  { id: 'purpose', actions: ['purpose'] },
  { id: 'context', actions: [] },
  { id: 'agreements', actions: ['agreements'] },
  { id: 'network', actions: ['family-tree', 'ecomap'] },
  { id: 'strengths-worries', actions: ['columns'] },
  { id: 'danger', actions: ['danger'] },
  { id: 'goals', actions: ['goal'] },
  { id: 'scaling', actions: ['rating'] },
  { id: 'next-steps', actions: ['next-steps'] },
  { id: 'feedback', actions: ['feedback'] },
] as const satisfies readonly { readonly id: string; readonly actions: readonly MeetingStepAction[] }[]

export const isStepTemplate = (action: MeetingStepAction): action is StepTemplate => (STEP_TEMPLATES as readonly string[]).includes(action)

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
