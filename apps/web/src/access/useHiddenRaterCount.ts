/**
 * Live count of the people whose private rating is not shown yet (see `countHiddenRaters.ts`),
 * re-read once per burst of doc updates, so "Finish the map?" can say what would be left out.
 *
 *   const hiddenRaters = useHiddenRaterCount(doc) // 0 when every rating is shown
 */
import { readHiddenScales } from '@safetymap/map-model'
import type * as Y from 'yjs'
import { useDocValue } from '../ui/useDocValue.ts'
import { countHiddenRaters } from './countHiddenRaters.ts'

const readCount = (doc: Y.Doc): number => countHiddenRaters(readHiddenScales(doc))

/** The number of people with a private rating not shown yet in `doc`. */
export function useHiddenRaterCount(doc: Y.Doc): number {
  return useDocValue(doc, readCount)
}
