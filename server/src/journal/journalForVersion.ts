/**
 * Which safety journal entries a record of one version of the map holds. The journal is written
 * mostly between meetings, after a version was finalized and before the next is: those entries
 * belong with the version they follow, so a version's record holds every entry written before the
 * next version was finalized — and the newest version's record every entry so far.
 *
 *   const entries = await journalForVersion(services, meeting.id, 2)   // oldest first
 */
import type { Services } from '../http/services.ts'
import type { JournalEntry } from './SafetyJournalStore.ts'

export async function journalForVersion(services: Pick<Services, 'journal' | 'meetings'>, meetingId: string, version: number): Promise<JournalEntry[]> {
  const next = (await services.meetings.listVersions(meetingId)).find((v) => v.version === version + 1)
  const entries = await services.journal.list(meetingId)
  return entries.filter((entry) => next === undefined || entry.writtenAt <= next.finalizedAt).reverse()
}
