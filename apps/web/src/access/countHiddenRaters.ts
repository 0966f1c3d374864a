/**
 * How many people have a private rating that is not shown yet, across every private scale: what
 * finishing the map would leave out of the record (MM-24). One person with ratings on two private
 * scales counts once.
 *
 *   countHiddenRaters(readHiddenScales(doc)) // 2
 */
import type { MapHiddenScale } from '@safetymap/map-model'

/** The number of different people who have rated a scale that is still private. */
export function countHiddenRaters(hiddenScales: readonly MapHiddenScale[]): number {
  return new Set(hiddenScales.flatMap((scale) => scale.rated.map((marker) => marker.participantId))).size
}
