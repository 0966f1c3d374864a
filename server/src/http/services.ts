/**
 * The shared infrastructure every HTTP plugin receives: configuration, stores, the relay and the
 * clock. Built once in `app.ts`; plugins never open their own database handles.
 */
import type { Config } from '../config.ts'
import type { WorkerStore } from '../access/WorkerStore.ts'
import type { SessionStore } from '../access/SessionStore.ts'
import type { MeetingStore } from '../meetings/MeetingStore.ts'
import type { Relay } from '../relay/index.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import type { MeetingEvents } from '../access/meetingEvents.ts'
import type { SafetyJournalStore } from '../journal/SafetyJournalStore.ts'
import type { SerializedSchema } from '@safetymap/map-model'

export interface Services {
  config: Config
  workers: WorkerStore
  sessions: SessionStore
  meetings: MeetingStore
  relay: Relay
  audit: AuditLog
  /** The safety journal of each meeting's map (read by the exports too). */
  journal: SafetyJournalStore
  /** "The roster changed" signals for the roster event stream. */
  meetingEvents: MeetingEvents
  /** The tldraw schema every new meeting doc is stamped with. */
  mapSchema: SerializedSchema
  now: () => number
}
