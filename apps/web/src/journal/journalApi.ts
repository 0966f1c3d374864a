/**
 * Calls of the safety journal (server `journal/journalRoutes.ts`): its entries, newest first, and
 * a new entry. The author and the time are the server's to set; nothing here names them.
 *
 *   const listed = await journalApi.list(meetingId)
 *   const added = await journalApi.add(meetingId, { text, visitDay: '2026-11-12', planFollowed: 'partly' })
 */
import type { ApiResult } from '../api/ApiResult.ts'
import { request } from '../api/request.ts'

/** Answers to "Was the safety plan followed?". */
export const PLAN_FOLLOWED = ['yes', 'partly', 'no', 'not-sure'] as const
export type PlanFollowed = (typeof PLAN_FOLLOWED)[number]

/** Longest entry the server keeps, in characters. */
export const MAX_JOURNAL_TEXT_CHARS = 2000

/** One entry as the server sends it. */
export interface JournalEntry {
  readonly id: string
  readonly author: { readonly kind: 'worker' | 'participant'; readonly id: string; readonly name: string }
  /** `YYYY-MM-DD`. */
  readonly visitDay: string
  readonly text: string
  readonly planFollowed: PlanFollowed | null
  /** ISO 8601. */
  readonly writtenAt: string
}

/** What a new entry says. */
export interface JournalEntryInput {
  readonly text: string
  readonly visitDay: string
  readonly planFollowed: PlanFollowed | null
}

const url = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/journal`

export const journalApi = {
  /** `linkEndsAt` (ISO 8601): when the caller's journal link stops working; `null` unless they joined by one. */
  list: (meetingId: string): Promise<ApiResult<{ meetingTitle: string; canWrite: boolean; linkEndsAt: string | null; entries: JournalEntry[] }>> =>
    request('GET', url(meetingId)),
  add: (meetingId: string, entry: JournalEntryInput): Promise<ApiResult<{ entry: JournalEntry }>> => request('POST', url(meetingId), entry),
}
