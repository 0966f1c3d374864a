/**
 * Each person's numbers on each scaling line when earlier versions of the map were finished: the
 * trend the facilitator asks about ("Last time you said 4 — what has changed?"). A line that was
 * private when its version was finished holds no numbers in that version's doc (only "has rated"
 * markers), so it gives none. Read by the earlier-ratings route and meant for the exports too.
 *
 *   const versions = await finishedVersionsBefore(services, meeting.id, meeting.version)
 *   earlierNumbers(versions).get('overall')?.get(participantId) // [{ version: 1, value: 3 }, { version: 2, value: 4 }]
 */
import { readStoredDoc } from '../storage/readStoredDoc.ts'
import { pathRow, readMap, scaleRows, type SafetyMap } from '@safetymap/map-model'
import type { Services } from '../http/services.ts'

/** A person's number on a line when one earlier version was finished. */
export interface EarlierNumber {
  readonly version: number
  readonly value: number
}

/** Earlier numbers by line (scale id), then by person, oldest first. */
export type EarlierNumbers = ReadonlyMap<string, ReadonlyMap<string, readonly EarlierNumber[]>>

/** The map as one finished version kept it. */
export interface FinishedVersion {
  readonly number: number
  readonly map: SafetyMap
}

/** The map as each version finished before `version` was kept, oldest first. */
export async function finishedVersionsBefore(services: Pick<Services, 'meetings'>, meetingId: string, version: number): Promise<FinishedVersion[]> {
  const versions = (await services.meetings.listVersions(meetingId)).filter((v) => v.version < version).sort((a, b) => a.version - b.version)
  return versions.map((v) => ({ number: v.version, map: readStoredDoc(v.state, readMap) }))
}

/** Every line a map shows: its scales (overall, one per worry) and its Safety House paths. */
export function linesOf(map: SafetyMap) {
  return [...scaleRows(map, ''), ...map.templates.flatMap((t) => (t.path ? [pathRow(t.path, map, '')] : []))]
}

/** Every number each version recorded in the open, by line and person, oldest first. */
export function earlierNumbers(versions: readonly FinishedVersion[]): EarlierNumbers {
  const byLine = new Map<string, Map<string, EarlierNumber[]>>()
  for (const { number, map } of versions) {
    for (const row of linesOf(map)) {
      if (row.hidden) continue
      const byPerson = byLine.get(row.scaleId) ?? new Map<string, EarlierNumber[]>()
      byLine.set(row.scaleId, byPerson)
      for (const m of row.marks) byPerson.set(m.participantId, [...(byPerson.get(m.participantId) ?? []), { version: number, value: m.value }])
    }
  }
  return byLine
}
